-- Pastell's variant of HTTP Basic for the archive's As@lae API: a BCrypt hash of the hex SHA-256
-- of the password, accepted on the archive's restservices paths only (null: not set yet).
alter table app_user add column sha256_password_hash varchar(255);

-- Chunked deposits into Acta's own archive, as As@lae takes them: the bordereau opens a session,
-- the attachments come in numbered chunks (files under the home folder, sae/chunks/{session}/), and
-- the transfer is received when the last chunk is in.
create table sae_chunk_session (
    id                   uuid primary key,
    tenant_id            uuid not null references tenant(id),
    security_sha256      varchar(64)  not null,
    opened_by            varchar(100) not null,
    opened_at            timestamptz  not null,
    message              bytea        not null,
    message_identifier   varchar(255) not null,
    transferring_agency  varchar(255) not null,
    number_of_files      int,
    transfer_id          uuid references sae_transfer(id),
    completed_at         timestamptz
);
create index sae_chunk_session_open on sae_chunk_session(opened_at) where completed_at is null;

create table sae_chunk (
    session_id           uuid   not null references sae_chunk_session(id) on delete cascade,
    file_index           int    not null,
    chunk_index          int    not null,
    number_of_chunks     int    not null,
    file_name            varchar(255) not null,
    size                 bigint not null,
    received_at          timestamptz  not null,
    primary key (session_id, file_index, chunk_index)
);
