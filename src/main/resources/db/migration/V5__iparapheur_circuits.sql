-- Named secrets of a collectivité (connector settings with their password…): AES-256-GCM under a key
-- derived from the master key, which is never in the database; iv: the 96-bit nonce, fresh for
-- every write; the collectivité and the name are the associated data.
create table tenant_secret (
    tenant_id       uuid         not null references tenant(id),
    name            varchar(100) not null,
    ciphertext      bytea        not null,
    iv              bytea        not null check (octet_length(iv) = 12),
    updated_at      timestamptz  not null,
    primary key (tenant_id, name)
);

-- A circuit is carried out by Acta's own parapheur (its steps) or by the collectivité's i-Parapheur,
-- where the type and sous-type define the circuit.
alter table circuit add column engine varchar(16) not null default 'ACTA'
    check (engine in ('ACTA', 'IPARAPHEUR'));
alter table circuit add column iparapheur_type varchar(255);
alter table circuit add column iparapheur_subtype varchar(255);
alter table circuit add constraint circuit_iparapheur_typology check (
    (engine = 'ACTA' and iparapheur_type is null and iparapheur_subtype is null)
    or (engine = 'IPARAPHEUR' and iparapheur_type is not null and iparapheur_subtype is not null));

-- One folder per run of an external circuit (run_id: the circuit's process instance). The row is
-- committed before the creation request (post_started_at), the folder id with the step that made
-- it: after a crash in between, the folder is looked up by its unique name before any new request.
-- zip_sha256: the ZIP as downloaded; the folder is deleted only once the stored copy matches it.
create table iparapheur_folder (
    run_id           varchar(64)  primary key,
    tenant_id        uuid         not null references tenant(id),
    act_id           uuid         not null references act(id),
    name             varchar(255) not null,
    folder_id        varchar(100),
    state            varchar(16)  not null check (state in ('CREATING', 'PENDING', 'FINISHED', 'REJECTED', 'DELETED')),
    post_started_at  timestamptz,
    zip_sha256       varchar(64),
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null
);
create index iparapheur_folder_act on iparapheur_folder(act_id, created_at);
create unique index iparapheur_folder_id on iparapheur_folder(tenant_id, folder_id) where folder_id is not null;
