-- Accounting units: the GB/T 2260 tree (loaded at start-up from the vendored china-division data)
-- and custom units (watersheds, reserves, townships, parcels) that hang below a region.
create table region (
    code         varchar(32)  primary key,
    name         varchar(200) not null,
    level        varchar(16)  not null
        check (level in ('PROVINCE', 'PREFECTURE', 'COUNTY', 'WATERSHED', 'RESERVE', 'TOWNSHIP', 'PARCEL')),
    parent_code  varchar(32)  references region (code),
    area_km2     numeric(16, 4) check (area_km2 > 0),
    area_source  varchar(500),
    custom       boolean      not null,
    created_by   varchar(200),
    created_at   timestamptz  not null default now()
);
create index region_parent_idx on region (parent_code);

-- Versioned price and parameter sets. A set referenced by an account can no longer change.
create table price_set (
    id           uuid          primary key,
    name         varchar(200)  not null,
    version      integer       not null check (version > 0),
    description  varchar(2000),
    builtin      boolean       not null,
    based_on     uuid          references price_set (id),
    created_by   varchar(200)  not null,
    created_at   timestamptz   not null,
    unique (name, version)
);

create table price_set_entry (
    price_set_id uuid          not null references price_set (id) on delete cascade,
    kind         varchar(16)   not null check (kind in ('PRICE', 'PARAMETER')),
    key          varchar(64)   not null,
    value        numeric(30, 10) not null,
    unit         varchar(32)   not null,
    price_year   integer,
    source       varchar(500)  not null,
    primary key (price_set_id, key)
);

-- Computed accounts, immutable. `document` is the full API representation, served as stored (text: it is
-- never queried inside, and text costs PostgreSQL nothing to parse on a national run's bulk insert).
create table gep_account (
    id              uuid          primary key,
    region_code     varchar(32)   not null references region (code),
    year            integer       not null,
    method_version  varchar(32)   not null,
    price_set_id    uuid          not null references price_set (id),
    inputs          text          not null,
    inputs_hash     varchar(64)      not null,
    provisioning    numeric(24, 2) not null,
    regulating      numeric(24, 2) not null,
    cultural        numeric(24, 2) not null,
    gep             numeric(24, 2) not null,
    document        text          not null,
    created_by      varchar(200)  not null,
    created_at      timestamptz   not null
);
create index gep_account_region_year_idx on gep_account (region_code, year);
create index gep_account_price_set_idx on gep_account (price_set_id);
