-- Acta foundation: collectivités, users, desks, circuits, classifications, acts, documents.
-- Every business row carries tenant_id; every query filters on it.

create table tenant (
    id              uuid primary key,
    code            varchar(32)  not null unique,
    name            varchar(200) not null,
    siren           varchar(9)      not null,
    departement     varchar(3)      not null,
    arrondissement  varchar(1)   not null,
    nature_code     varchar(3)   not null,
    created_at      timestamptz  not null
);

create table app_user (
    id              uuid primary key,
    username        varchar(100) not null unique,
    password_hash   varchar(200) not null,
    display_name    varchar(200) not null,
    email           varchar(200),
    tenant_id       uuid references tenant(id),
    roles           varchar(200) not null,
    created_at      timestamptz  not null
);
create index app_user_tenant on app_user(tenant_id);

create table desk (
    id              uuid primary key,
    tenant_id       uuid not null references tenant(id),
    code            varchar(64)  not null,
    name            varchar(200) not null,
    unique (tenant_id, code)
);

create table desk_member (
    desk_id         uuid not null references desk(id) on delete cascade,
    user_id         uuid not null references app_user(id),
    primary key (desk_id, user_id)
);

create table circuit (
    id              uuid primary key,
    tenant_id       uuid not null references tenant(id),
    code            varchar(64)  not null,
    name            varchar(200) not null,
    unique (tenant_id, code)
);

create table circuit_step (
    circuit_id      uuid not null references circuit(id) on delete cascade,
    position        int  not null,
    desk_id         uuid not null references desk(id),
    kind            varchar(16) not null,
    primary key (circuit_id, position)
);

create table classification (
    id                    uuid primary key,
    tenant_id             uuid not null references tenant(id),
    date_classification   date not null,
    imported_at           timestamptz not null,
    current_version       boolean not null,
    content               text not null,
    raw_xml               text not null,
    unique (tenant_id, date_classification)
);
create unique index classification_one_current on classification(tenant_id) where current_version;

create table act (
    id                    uuid primary key,
    tenant_id             uuid not null references tenant(id),
    nature                varchar(2)   not null,
    number                varchar(15)  not null,
    subject               varchar(499) not null,
    decision_date         date         not null,
    matiere               varchar(20)  not null,
    main_document_type    varchar(5)   not null,
    annex_types           varchar(1000) not null,
    circuit_code          varchar(64)  not null,
    legality_control      boolean      not null,
    id_acte               varchar(64)  not null,
    state                 varchar(32)  not null,
    classification_id     uuid not null references classification(id),
    submitted_by          varchar(100) not null,
    created_at            timestamptz  not null,
    updated_at            timestamptz  not null,
    version               bigint       not null,
    unique (tenant_id, number)
);
create index act_tenant_state on act(tenant_id, state, created_at desc);

create table act_document (
    id              uuid primary key,
    act_id          uuid not null references act(id),
    tenant_id       uuid not null references tenant(id),
    role            varchar(16)  not null,
    position        int          not null,
    name            varchar(255) not null,
    media_type      varchar(100) not null,
    size            bigint       not null,
    sha256          varchar(64)     not null,
    type_code       varchar(5),
    text_content    text,
    text_extracted  boolean      not null default false,
    created_at      timestamptz  not null,
    replaced_at     timestamptz
);
create index act_document_act on act_document(act_id);
create index act_document_sha on act_document(tenant_id, sha256);

create table act_event (
    id              bigserial primary key,
    act_id          uuid not null references act(id),
    tenant_id       uuid not null references tenant(id),
    at              timestamptz  not null,
    actor           varchar(100) not null,
    event           varchar(64)  not null,
    detail          varchar(2000)
);
create index act_event_act on act_event(act_id, id);
