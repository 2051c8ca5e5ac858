-- Acta's own archive (SAE): received transfers, archives with their units and objects,
-- the append-only hash-chained event log, its timestamp seals, and the fixity audits.

create table sae_transfer (
    id                   uuid primary key,
    tenant_id            uuid not null references tenant(id),
    seda_version         varchar(3)   not null,
    message_identifier   varchar(255) not null,
    transferring_agency  varchar(255) not null,
    archival_agency      varchar(255) not null,
    originating_agency   varchar(255),
    status               varchar(16)  not null,
    received_at          timestamptz  not null,
    received_by          varchar(100) not null,
    message_size         bigint       not null,
    attachments_size     bigint       not null,
    attempts             int          not null,
    next_attempt_at      timestamptz  not null,
    last_error           varchar(2000),
    acknowledgement_xml  text         not null,
    reply_code           varchar(3),
    reply_comment        text,
    reply_xml            text,
    archive_id           uuid,
    processed_at         timestamptz,
    unique (tenant_id, transferring_agency, message_identifier)
);
create index sae_transfer_waiting on sae_transfer(next_attempt_at) where status = 'RECEIVED';
create index sae_transfer_message on sae_transfer(tenant_id, message_identifier);

create sequence sae_archive_seq;

create table sae_archive (
    id                   uuid primary key,
    tenant_id            uuid not null references tenant(id),
    identifier           varchar(64)   not null unique,
    transfer_id          uuid not null unique references sae_transfer(id),
    title                varchar(2000) not null,
    seda_version         varchar(3)    not null,
    transferring_agency  varchar(255)  not null,
    originating_agency   varchar(255),
    archival_agreement   varchar(255),
    manifest_sha256      varchar(64)   not null,
    created_at           timestamptz   not null
);
create index sae_archive_tenant on sae_archive(tenant_id, created_at desc);

create table sae_archive_unit (
    id                   uuid primary key,
    archive_id           uuid not null references sae_archive(id),
    tenant_id            uuid not null references tenant(id),
    parent_id            uuid references sae_archive_unit(id),
    position             int not null,
    manifest_id          varchar(255),
    level                varchar(32),
    title                varchar(2000),
    identifiers          text not null,
    metadata             text not null,
    rules                text not null,
    object_references    text not null
);
create index sae_archive_unit_archive on sae_archive_unit(archive_id, position);

create table sae_object (
    id                   uuid primary key,
    archive_id           uuid not null references sae_archive(id),
    tenant_id            uuid not null references tenant(id),
    kind                 varchar(16)   not null,
    manifest_id          varchar(255),
    group_id             varchar(255),
    uri                  varchar(1000),
    file_name            varchar(1000),
    mime_type            varchar(255),
    format_id            varchar(64),
    size                 bigint        not null,
    digest_algorithm     varchar(16)   not null,
    digest               varchar(200)  not null,
    sha256               varchar(64)   not null
);
create index sae_object_archive on sae_object(archive_id);
create index sae_object_content on sae_object(tenant_id, sha256);

-- The event log: one chain per collectivité; hash = SHA-256(previous_hash + canonical content).
create table sae_event (
    tenant_id            uuid not null references tenant(id),
    position             bigint       not null,
    at                   timestamptz  not null,
    type                 varchar(32)  not null,
    detail               text         not null,
    previous_hash        varchar(64)  not null,
    hash                 varchar(64)  not null,
    primary key (tenant_id, position)
);

-- A seal: an RFC 3161 token whose message imprint is the hash of the entry it covers.
create table sae_log_seal (
    tenant_id            uuid   not null,
    position             bigint not null,
    entry_hash           varchar(64) not null,
    token                bytea  not null,
    stamped_at           timestamptz not null,
    primary key (tenant_id, position),
    foreign key (tenant_id, position) references sae_event(tenant_id, position)
);

-- Append-only: Acta never updates or deletes an entry or a seal, and the database refuses it.
create function sae_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger sae_event_append_only before update or delete on sae_event
    for each row execute function sae_append_only();
create trigger sae_event_no_truncate before truncate on sae_event
    for each statement execute function sae_append_only();
create trigger sae_log_seal_append_only before update or delete on sae_log_seal
    for each row execute function sae_append_only();
create trigger sae_log_seal_no_truncate before truncate on sae_log_seal
    for each statement execute function sae_append_only();

create table sae_audit (
    id                   uuid primary key,
    tenant_id            uuid not null references tenant(id),
    trigger              varchar(16) not null,
    started_at           timestamptz not null,
    finished_at          timestamptz not null,
    status               varchar(16) not null,
    report               text        not null
);
create index sae_audit_latest on sae_audit(tenant_id, started_at desc);
