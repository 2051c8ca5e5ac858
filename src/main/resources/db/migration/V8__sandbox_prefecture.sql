-- The sandbox préfecture (fr.acta.simulator.prefecture): an S²LOW-compatible simulator. Its state
-- lives here so that a transaction posted just before a crash of Acta is still known afterwards.
-- Independent of Acta's own tables: nothing references them and they reference nothing of Acta.

-- One S²LOW transaction: an act transmission (type 1), a préfecture document (2 courrier simple,
-- 3 demande de pièces complémentaires, 4 lettre d'observations, 5 déféré), a reply of the
-- collectivité to such a document (same type, type_reponse set), a cancellation (6) or a
-- classification request (7). The planned_* times drive the status progression, read lazily.
create table sandbox_prefecture_transaction (
    id                  bigserial primary key,
    siren               varchar(9)   not null,
    department          varchar(3)   not null,
    login               varchar(100) not null,
    type                smallint     not null,
    related_id          bigint references sandbox_prefecture_transaction(id),
    from_prefecture     boolean      not null default false,
    nature_code         varchar(10),
    number              varchar(15),
    subject             varchar(1000),
    decision_date       date,
    classification      varchar(60),
    classification_date date,
    document_papier     boolean      not null default false,
    unique_id           varchar(64),
    type_reponse        smallint,
    read                boolean      not null default false,
    outcome             varchar(16)  not null,
    anomaly_nature      varchar(3),
    anomaly_detail      varchar(1000),
    message_date        date,
    submitted_at        timestamptz  not null,
    planned_waiting_at  timestamptz,
    planned_sent_at     timestamptz,
    planned_answer_at   timestamptz,
    last_status         smallint     not null
);
-- S²LOW refuses a second act with the same number for one collectivité; this also holds under races
create unique index sandbox_prefecture_transaction_number
    on sandbox_prefecture_transaction(siren, number) where type = 1;
create index sandbox_prefecture_transaction_siren on sandbox_prefecture_transaction(siren, last_status);
create index sandbox_prefecture_transaction_related on sandbox_prefecture_transaction(related_id);
create index sandbox_prefecture_transaction_unique_id on sandbox_prefecture_transaction(unique_id);

-- The workflow of a transaction, as S²LOW's actes_transactions_workflow: the last row is the status.
create table sandbox_prefecture_status (
    id              bigserial primary key,
    transaction_id  bigint       not null references sandbox_prefecture_transaction(id),
    status          smallint     not null,
    at              timestamptz  not null,
    message         varchar(1000) not null,
    flux_retour     bytea
);
create index sandbox_prefecture_status_transaction on sandbox_prefecture_status(transaction_id, id);

-- The files of a transaction in S²LOW's order: 0 the XML message, 1 the act (or letter), 2+ annexes.
create table sandbox_prefecture_file (
    id               bigserial primary key,
    transaction_id   bigint       not null references sandbox_prefecture_transaction(id),
    name             varchar(255) not null,
    posted_filename  varchar(255),
    mimetype         varchar(100) not null,
    size             bigint       not null,
    code_pj          varchar(5),
    content          bytea        not null
);
create index sandbox_prefecture_file_transaction on sandbox_prefecture_file(transaction_id, id);
create index sandbox_prefecture_file_name on sandbox_prefecture_file(name);

-- Administrator's overrides; a null column means "the configured default".
create table sandbox_prefecture_settings (
    id                          smallint primary key check (id = 1),
    posted_to_waiting_ms        bigint,
    waiting_to_sent_ms          bigint,
    sent_to_answer_ms           bigint,
    next_anomaly                boolean not null default false,
    next_anomaly_nature         varchar(3),
    next_anomaly_detail         varchar(1000),
    announced_classification    date
);
insert into sandbox_prefecture_settings(id) values (1);

-- The classification served to a collectivité (siren '*': to every one without its own).
create table sandbox_prefecture_classification (
    siren               varchar(9)  primary key,
    xml                 bytea       not null,
    classification_date date        not null,
    updated_at          timestamptz not null
);

-- Nonces of the browser confirmation hand-off (api/get-nounce.php).
create table sandbox_prefecture_nonce (
    nonce       varchar(64) primary key,
    created_at  timestamptz not null
);
