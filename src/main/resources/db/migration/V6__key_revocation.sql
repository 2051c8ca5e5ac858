-- Signing keys withdrawn from use (issue 3). in_local_crl: the local PKI issued the certificate
-- and its CRL lists it; false: a certificate of another CA that Acta no longer uses (that CA must
-- be asked to revoke it). The CRL files of the local PKI remain the register of its revocations.
create table signature_key_revocation (
    key_id       uuid primary key references signature_key(id),
    tenant_id    uuid         not null references tenant(id),
    reason       varchar(32)  not null check (reason in ('UNSPECIFIED', 'KEY_COMPROMISE', 'AFFILIATION_CHANGED',
                                                         'SUPERSEDED', 'CESSATION_OF_OPERATION', 'PRIVILEGE_WITHDRAWN')),
    revoked_at   timestamptz  not null,
    revoked_by   varchar(128) not null,
    in_local_crl boolean      not null
);
create index signature_key_revocation_tenant on signature_key_revocation(tenant_id);

-- The collectivité's default PAdES level is now set through the API: only the levels Acta produces.
alter table tenant add constraint tenant_signature_level_check check (signature_level in ('B', 'T', 'LT', 'LTA'));
