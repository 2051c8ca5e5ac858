-- Signatures produced by Acta on acts, with DSS's verdict right after signing and the ETSI report.
create table act_signature (
    id                   uuid primary key,
    act_id               uuid not null references act(id),
    tenant_id            uuid not null references tenant(id),
    document_id          uuid not null references act_document(id),
    signer               varchar(100) not null,
    signer_name          varchar(200) not null,
    desk                 varchar(64)  not null,
    absent_desk          varchar(200),
    kind                 varchar(16)  not null,
    level                varchar(8)   not null,
    signed_at            timestamptz  not null,
    certificate_subject  varchar(1000) not null,
    certificate_issuer   varchar(1000) not null,
    certificate_serial   varchar(100) not null,
    indication           varchar(32)  not null,
    sub_indication       varchar(64),
    validation_report    text         not null,
    withdrawn_at         timestamptz
);
create index act_signature_act on act_signature(act_id, signed_at);

-- Bulk signing: one job per request, one item per task; items are claimed with SKIP LOCKED so
-- that any node may work on a job, each item once, and a restart resumes where it stopped.
create table signature_job (
    id              uuid primary key,
    tenant_id       uuid not null references tenant(id),
    requested_by    varchar(100) not null,
    created_at      timestamptz  not null,
    finished_at     timestamptz
);

create table signature_job_item (
    job_id          uuid not null references signature_job(id) on delete cascade,
    position        int  not null,
    task_id         varchar(64) not null,
    act_id          uuid,
    status          varchar(16) not null,
    message         varchar(2000),
    done_at         timestamptz,
    primary key (job_id, position)
);
create index signature_job_item_pending on signature_job_item(status) where status = 'PENDING';

-- The desk at which a history event happened (visas, signatures, rejections), for the bordereau.
alter table act_event add column desk varchar(64);
