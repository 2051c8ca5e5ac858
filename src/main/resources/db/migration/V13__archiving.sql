-- The archiving stage of the act lifecycle: each attempt to transfer an act to its collectivité's
-- archive (Acta's own, an As@lae or a Vitam), sent exactly once and followed to the archive's reply.

create table archive_transfer (
    id                   uuid primary key,
    act_id               uuid not null references act(id),
    tenant_id            uuid not null references tenant(id),
    attempt              int          not null,
    state                varchar(16)  not null,
    archive_kind         varchar(16)  not null,
    seda_version         varchar(3)   not null,
    message_identifier   varchar(255) not null unique,
    transferring_agency  varchar(255) not null,
    package_document_id  uuid,
    package_sha256       varchar(64),
    sending_started_at   timestamptz,
    remote_reference     varchar(255),
    sent_at              timestamptz,
    polls                int          not null default 0,
    acknowledged_at      timestamptz,
    reply_code           varchar(16),
    reply_comment        text,
    archive_identifier   varchar(255),
    archived_at          timestamptz,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    unique (act_id, attempt)
);
-- an act never has two transfers under way or accepted: only a refused one may be followed by another
create unique index archive_transfer_live on archive_transfer(act_id) where state <> 'REJECTED';
