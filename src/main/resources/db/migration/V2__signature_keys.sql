-- Signing keys of desks (a person's bureau) and seals (the collectivité's cachet).
-- encrypted_blob: the PKCS#12 key store, AES-256-GCM under a key derived from the master key,
-- which is never stored in the database; iv: its 96-bit nonce, fresh for every blob.
create table signature_key (
    id              uuid primary key,
    tenant_id       uuid not null references tenant(id),
    owner_kind      varchar(8)   not null check (owner_kind in ('DESK', 'SEAL')),
    owner_code      varchar(64)  not null,
    certificate_pem text         not null,
    encrypted_blob  bytea        not null,
    iv              bytea        not null check (octet_length(iv) = 12),
    created_at      timestamptz  not null
);
create index signature_key_owner on signature_key(tenant_id, owner_kind, owner_code, created_at);
