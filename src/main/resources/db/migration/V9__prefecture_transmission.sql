-- Contrôle de légalité: each sending of an act to the préfecture through the tiers de
-- télétransmission, its follow-up and the préfecture's messages about it.
alter table act_document alter column role type varchar(32);

create table act_transmission (
    id                  uuid primary key,
    act_id              uuid not null references act(id),
    tenant_id           uuid not null references tenant(id),
    attempt             int          not null,
    state               varchar(32)  not null,
    package_document_id uuid references act_document(id),
    package_name        varchar(255),
    -- Set, and committed, before the request leaves: a crash after it means "look it up first".
    posting_started_at  timestamptz,
    transaction_id      varchar(64),
    posted_at           timestamptz,
    status_code         int,
    status_label        varchar(200),
    polls               int          not null default 0,
    id_acte             varchar(100),
    received_at         date,
    ar_xml              text,
    acknowledged_at     timestamptz,
    error_message       varchar(4000),
    cancellation_transaction_id varchar(64),
    cancellation_requested_by   varchar(100),
    cancellation_requested_at   timestamptz,
    cancelled_at        timestamptz,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    unique (act_id, attempt)
);
create index act_transmission_tenant on act_transmission(tenant_id, state);

create table transmission_event (
    id              bigserial primary key,
    transmission_id uuid not null references act_transmission(id),
    at              timestamptz  not null,
    status_code     int,
    label           varchar(200) not null,
    detail          varchar(4000)
);
create index transmission_event_tx on transmission_event(transmission_id, id);

-- What the préfecture sends about an act (courrier simple, pièces complémentaires, lettre
-- d'observations, déféré) and the collectivité's answer.
create table prefecture_message (
    id                  uuid primary key,
    act_id              uuid not null references act(id),
    tenant_id           uuid not null references tenant(id),
    remote_id           varchar(64)  not null,
    type_code           int          not null,
    received_at         timestamptz  not null,
    raw_xml             text,
    detail              varchar(4000),
    state               varchar(32)  not null,
    reply_kind          varchar(16),
    reply_transaction_id varchar(64),
    reply_started_at    timestamptz,
    replied_at          timestamptz,
    replied_by          varchar(100),
    unique (tenant_id, remote_id)
);
create index prefecture_message_act on prefecture_message(act_id);

create table prefecture_message_document (
    message_id      uuid not null references prefecture_message(id),
    document_id     uuid not null references act_document(id),
    direction       varchar(8) not null,
    primary key (message_id, document_id)
);

-- The classification version the préfecture announced last (ClassificationDateVersionEnCours in
-- its replies): when newer than the one Acta holds, it is fetched again before the next sending.
create table classification_announcement (
    tenant_id        uuid primary key references tenant(id),
    announced_date   date         not null,
    announced_at     timestamptz  not null
);

-- The copies stamped "Reçu en préfecture" and the document each one copies.
create table stamped_copy (
    original_document_id  uuid primary key references act_document(id),
    stamped_document_id   uuid not null references act_document(id),
    transmission_id       uuid not null references act_transmission(id)
);
