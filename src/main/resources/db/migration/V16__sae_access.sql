-- Communication and retention in Acta's archive (decision 0022): the search index, one row per
-- archive with what its manifest says and the text of its objects, and the elimination state.

create extension if not exists unaccent;

-- French full text that ignores accents: unaccent first, then the French Snowball stemmer.
create text search configuration acta_fr (copy = french);
alter text search configuration acta_fr
    alter mapping for hword, hword_part, word with unaccent, french_stem;

alter table sae_archive add column eliminated_at timestamptz;
alter table sae_archive add column eliminated_by varchar(100);
alter table sae_archive add column elimination_reason varchar(2000);
-- Set once every object's content the archive alone held is gone from every location.
alter table sae_archive add column content_deleted_at timestamptz;
create index sae_archive_purge on sae_archive(eliminated_at) where eliminated_at is not null and content_deleted_at is null;

create table sae_search (
    archive_id           uuid primary key references sae_archive(id),
    tenant_id            uuid not null references tenant(id),
    identifier           varchar(64)   not null,
    title                varchar(2000) not null,
    nature               varchar(8),
    matiere              varchar(32),
    matiere_label        varchar(500),
    numero               varchar(255),
    id_acte              varchar(255),
    act_date             date,
    act_year             smallint generated always as (extract(year from act_date)::smallint) stored,
    originating_agency   varchar(255),
    originating_name     varchar(500),
    appraisal_rule       varchar(255),
    dua_start            date,
    dua_end              date,
    final_action         varchar(16),
    hold                 boolean not null default false,
    hold_end             date,
    access_rule          varchar(255),
    access_end           date,
    eliminated           boolean not null default false,
    body                 text not null default '',
    document             tsvector not null
);
-- The text and the tsvector go out of line (TOAST) as soon as a row passes 256 bytes, so that the
-- facets and the date order read a narrow table; the match itself is answered by the GIN index.
alter table sae_search set (toast_tuple_target = 256);
create index sae_search_document on sae_search using gin(document);
create index sae_search_date on sae_search(tenant_id, act_date desc nulls last, identifier);
create index sae_search_numero on sae_search(tenant_id, lower(numero));
create index sae_search_id_acte on sae_search(tenant_id, upper(id_acte));
-- The facets of a search over the whole archive read this index alone (index-only scan).
create index sae_search_facets on sae_search(tenant_id, nature, matiere, act_year) where not eliminated;
create index sae_search_matiere on sae_search(tenant_id, matiere text_pattern_ops);
create index sae_search_dua on sae_search(tenant_id, dua_end) where not eliminated;

-- The entries of one archive in the event log (record view).
create index sae_event_archive on sae_event(tenant_id, ((detail::jsonb) ->> 'archive'));
create index sae_event_archives on sae_event using gin(((detail::jsonb) -> 'archives'));
