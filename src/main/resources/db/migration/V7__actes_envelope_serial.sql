-- @ctes envelope serial: the {serial} of EACT--{SIREN}--{YYYYMMDD}-{serial}, counted per SIREN and
-- sending day. One row per (SIREN, day); the next value is taken with a single upsert, atomic under
-- concurrency.
create table actes_envelope_serial (
    siren        varchar(9) not null,
    sending_day  date       not null,
    last_serial  integer    not null check (last_serial > 0),
    primary key (siren, sending_day)
);
