-- Parapheur: circuits as data. A step has a kind (VISA, SIGNATURE, SEAL), one or more desks and a
-- parallel rule (ANY: the first desk decides; ALL: every desk must act). Circuits may be limited to
-- some natures and carry their own signature level. Desks delegate to other desks for a period.

alter table tenant add column signature_level varchar(8) not null default 'LT';

alter table circuit add column natures varchar(64);
alter table circuit add column signature_level varchar(8);
alter table circuit add column revision int not null default 1;

alter table circuit_step add column parallel_rule varchar(8) not null default 'ANY';

create table circuit_step_desk (
    circuit_id      uuid not null references circuit(id) on delete cascade,
    position        int  not null,
    desk_position   int  not null,
    desk_id         uuid not null references desk(id),
    primary key (circuit_id, position, desk_position)
);
insert into circuit_step_desk (circuit_id, position, desk_position, desk_id)
    select circuit_id, position, 0, desk_id from circuit_step;
alter table circuit_step drop column desk_id;

alter table desk add column quality varchar(200);

create table desk_delegation (
    id                uuid primary key,
    tenant_id         uuid not null references tenant(id),
    desk_id           uuid not null references desk(id) on delete cascade,
    delegate_desk_id  uuid not null references desk(id) on delete cascade,
    starts_on         date not null,
    ends_on           date not null,
    natures           varchar(64),
    created_at        timestamptz not null,
    check (ends_on >= starts_on),
    check (desk_id <> delegate_desk_id)
);
create index desk_delegation_desk on desk_delegation(tenant_id, desk_id, starts_on, ends_on);

create table act_annotation (
    id              bigserial primary key,
    act_id          uuid not null references act(id),
    tenant_id       uuid not null references tenant(id),
    at              timestamptz  not null,
    author          varchar(100) not null,
    desk            varchar(64),
    visibility      varchar(8)   not null,
    text            varchar(2000) not null
);
create index act_annotation_act on act_annotation(act_id, id);
