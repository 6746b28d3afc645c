-- The nation as the root of the region tree, so that national figures can be summed from the provinces.
alter table region drop constraint region_level_check;
alter table region add constraint region_level_check
    check (level in ('NATION', 'PROVINCE', 'PREFECTURE', 'COUNTY', 'WATERSHED', 'RESERVE', 'TOWNSHIP', 'PARCEL'));
insert into region (code, name, level, parent_code, custom) values ('100000', '中华人民共和国', 'NATION', null, false);
update region set parent_code = '100000' where level = 'PROVINCE';

-- What aggregation, ranking and comparable prices need of an account, kept as columns.
alter table gep_account add column area_km2 numeric(16, 4);
alter table gep_account add column population bigint;
alter table gep_account add column gdp numeric(24, 2);

-- An account's values by indicator, ecosystem type and price family: sums up the region tree and
-- deflation are SQL over this table, never a re-reading of documents.
create table gep_account_value (
    account_id      uuid          not null references gep_account (id),
    indicator       varchar(64)   not null,
    category        varchar(16)   not null,
    ecosystem_type  varchar(32)   not null,
    price_family    varchar(32)   not null,
    value           numeric(24, 2) not null
);
create index gep_account_value_account_idx on gep_account_value (account_id);

-- Publications: at most one official figure per region, year and method version; superseded ones stay.
create table gep_publication (
    id              uuid          primary key,
    account_id      uuid          not null references gep_account (id),
    region_code     varchar(32)   not null references region (code),
    year            integer       not null,
    method_version  varchar(32)   not null,
    official        boolean       not null,
    reason          varchar(2000) not null,
    published_by    varchar(200)  not null,
    published_at    timestamptz   not null,
    superseded_by   uuid          references gep_publication (id) deferrable initially deferred,
    superseded_at   timestamptz
);
create unique index gep_publication_one_official
    on gep_publication (region_code, year, method_version) where official;
create index gep_publication_region_idx on gep_publication (region_code, year);

-- Price indices (deflators) per price family and year.
create table price_index (
    family      varchar(32)   not null,
    year        integer       not null,
    value       numeric(16, 6) not null check (value > 0),
    source      varchar(500)  not null,
    primary key (family, year)
);

-- Batch accounting jobs and their items; items are claimed in chunks with SKIP LOCKED, so several
-- replicas can share a job and a crash loses nothing (an unfinished chunk stays PENDING).
create table gep_account_job (
    id              uuid          primary key,
    client_key      varchar(200),
    status          varchar(16)   not null check (status in ('RUNNING', 'DONE')),
    publish         boolean       not null,
    reason          varchar(2000),
    total           integer       not null,
    created_by      varchar(200)  not null,
    created_at      timestamptz   not null,
    finished_at     timestamptz,
    unique (created_by, client_key)
);

create table gep_account_job_item (
    job_id          uuid          not null references gep_account_job (id),
    seq             integer       not null,
    region_code     varchar(32),
    year            integer,
    request         text          not null,
    status          varchar(16)   not null check (status in ('PENDING', 'DONE', 'FAILED')),
    account_id      uuid          references gep_account (id),
    errors          text,
    finished_at     timestamptz,
    primary key (job_id, seq)
);
create index gep_account_job_item_pending_idx on gep_account_job_item (job_id, seq) where status = 'PENDING';
