-- What GEP is used for: ecological compensation. Everything here is a record of what was decided from what, so
-- like accounts nothing can be changed or removed once stored (a correction is a new version or a new allocation).
create function refuse_record_change() returns trigger language plpgsql as $$
begin
    raise exception '% rows are immutable: % refused (a correction is a new version)', tg_table_name, tg_op
        using errcode = 'integrity_constraint_violation';
end
$$;

-- Published figures per region that a scheme weighs or splits by (protected area, water use, a cost index...),
-- with their source; versioned per name and year.
create table regional_dataset (
    id          uuid          primary key,
    name        varchar(200)  not null,
    year        integer       not null,
    version     integer       not null check (version > 0),
    unit        varchar(32)   not null,
    source      varchar(500)  not null,
    created_by  varchar(200)  not null,
    created_at  timestamptz   not null,
    unique (name, year, version)
);

create table regional_dataset_value (
    dataset_id   uuid            not null references regional_dataset (id),
    region_code  varchar(32)     not null references region (code),
    value        numeric(30, 6)  not null check (value >= 0),
    primary key (dataset_id, region_code)
);

-- A compensation scheme version: its formula as JSON (kind-specific: factors and weights, or provider and payers).
create table compensation_scheme (
    id           uuid           primary key,
    name         varchar(200)   not null,
    version      integer        not null check (version > 0),
    kind         varchar(16)    not null check (kind in ('VERTICAL', 'HORIZONTAL')),
    definition   text           not null,
    created_by   varchar(200)   not null,
    created_at   timestamptz    not null,
    unique (name, version)
);

-- One run of a scheme for a year: the whole answer (every factor value with its source, the arithmetic) as
-- served, and one row per region for what reads amounts (e.g. a holder's compensation income).
create table compensation_allocation (
    id              uuid           primary key,
    scheme_id       uuid           not null references compensation_scheme (id),
    year            integer        not null,
    region_code     varchar(32)    not null references region (code),
    total           numeric(24, 2) not null,
    document        text           not null,
    created_by      varchar(200)   not null,
    created_at      timestamptz    not null
);
create index compensation_allocation_scheme_idx on compensation_allocation (scheme_id, year);

create table compensation_allocation_line (
    allocation_id  uuid           not null references compensation_allocation (id),
    region_code    varchar(32)    not null references region (code),
    direction      varchar(8)     not null check (direction in ('RECEIVES', 'PAYS')),
    amount         numeric(24, 2) not null,
    primary key (allocation_id, region_code)
);
create index compensation_allocation_line_region_idx on compensation_allocation_line (region_code);

-- At most one published allocation per scheme version, year and paying or allocating region.
create table compensation_publication (
    allocation_id  uuid           primary key references compensation_allocation (id),
    scheme_id      uuid           not null references compensation_scheme (id),
    year           integer        not null,
    region_code    varchar(32)    not null,
    reason         varchar(2000)  not null,
    published_by   varchar(200)   not null,
    published_at   timestamptz    not null,
    unique (scheme_id, year, region_code)
);

create trigger regional_dataset_immutable before update or delete on regional_dataset
    for each row execute function refuse_record_change();
create trigger regional_dataset_value_immutable before update or delete on regional_dataset_value
    for each row execute function refuse_record_change();
create trigger compensation_scheme_immutable before update or delete on compensation_scheme
    for each row execute function refuse_record_change();
create trigger compensation_allocation_immutable before update or delete on compensation_allocation
    for each row execute function refuse_record_change();
create trigger compensation_allocation_line_immutable before update or delete on compensation_allocation_line
    for each row execute function refuse_record_change();
create trigger compensation_publication_immutable before update or delete on compensation_publication
    for each row execute function refuse_record_change();
