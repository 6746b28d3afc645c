-- Holders: one registry account per legal entity (an organisation's unified social credit code, an individual's
-- citizen identity number).
create table holder (
    id            uuid primary key,
    number        bigint not null unique,   -- the registry's running number: list order and cursor
    kind          text not null check (kind in ('ORGANISATION', 'INDIVIDUAL')),
    name          text not null,
    uscc          text unique check (char_length(uscc) = 18),
    citizen_id    text unique check (char_length(citizen_id) = 18),
    status        text not null check (status in ('ACTIVE', 'SUSPENDED')),
    status_reason text,
    created_by    text not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    check ((kind = 'ORGANISATION' and uscc is not null and citizen_id is null)
        or (kind = 'INDIVIDUAL' and citizen_id is not null and uscc is null))
);
create sequence holder_number_seq;

-- The catalogue of ecological products.
create table product (
    id                uuid primary key,
    number            bigint not null unique,  -- short registry number: serial numbers, list order, cursor
    name              text not null,
    description       text,
    category          text not null,
    product_type      text not null,
    region_code       text not null,
    region_name       text not null,
    region_path       text[] not null,         -- the region and all its ancestors: search under a province
    ecosystem_type    text not null,
    quantity          numeric(24, 6) not null check (quantity > 0),
    unit              text not null,
    verified_quantity numeric(24, 6) check (verified_quantity > 0 and verified_quantity <= quantity),
    issued_quantity   numeric(24, 6) not null default 0,
    serials_allocated bigint not null default 0,
    vintage           integer,
    period_start      date,
    period_end        date,
    indicator         text not null,
    value_line        text,
    holder_id         uuid not null references holder (id),
    status            text not null,
    status_reason     text,
    submitted_by      text,
    verified_by       text,
    created_by        text not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    check (vintage is not null or (period_start is not null and period_end is not null and period_start <= period_end)),
    check (issued_quantity <= coalesce(verified_quantity, 0))
);
create sequence product_number_seq;
create index product_region_path on product using gin (region_path);
create index product_holder on product (holder_id, number);
create index product_status on product (status, number);

create table product_evidence (
    product_id uuid not null references product (id) on delete cascade,
    position   integer not null,
    name       text not null,
    media_type text not null,
    sha256     text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    primary key (product_id, position)
);

-- Every move of a product's status: who, when, why. Append-only.
create table product_transition (
    id          bigserial primary key,
    product_id  uuid not null references product (id),
    from_status text not null,
    to_status   text not null,
    actor       text not null,
    reason      text,
    at          timestamptz not null
);
create index product_transition_product on product_transition (product_id, id);

-- Valuation snapshots from the official GEP, with their provenance.
create table product_valuation (
    id                uuid primary key,
    product_id        uuid not null references product (id),
    region_code       text not null,
    year              integer not null,
    method_version    text not null,
    indicator         text not null,
    value_line        text not null,
    quantity          numeric(24, 6) not null,
    unit              text not null,
    line_unit         text not null,
    unit_factor       numeric(24, 6) not null,
    unit_price        numeric(24, 6) not null,
    price_unit        text,
    price_year        integer,
    price_key         text,
    price_source      text,
    value             numeric(24, 2) not null,
    account_id        uuid not null,
    publication_id    uuid,
    published_at      timestamptz,
    price_set_id      uuid,
    price_set_name    text,
    price_set_version integer,
    region_gep        numeric(24, 2),
    indicator_value   numeric(24, 2),
    valued_by         text not null,
    valued_at         timestamptz not null
);
create index product_valuation_product on product_valuation (product_id, valued_at desc);

-- Issued blocks of units. feed_position is dense and committed in order (allocated under a transaction lock),
-- so the trading service can read the feed after a position and never miss one.
create table issuance (
    id               uuid primary key,
    feed_position    bigint not null unique,
    product_id       uuid not null references product (id),
    region_code      text not null,            -- the product's region: where the units come from
    right_type       text not null,
    water_right_kind text,
    pollutant        text,
    methodology      text,
    vintage          integer not null,
    holder_id        uuid not null references holder (id),
    quantity         numeric(24, 6) not null check (quantity > 0),
    unit             text not null,
    serial_start     bigint not null,
    serial_end       bigint not null check (serial_end >= serial_start),
    serial_number    text not null unique,
    valid_until      date,
    status           text not null check (status in ('ISSUED', 'EXPIRED')),
    expired_at       timestamptz,
    issued_by        text not null,
    issued_at        timestamptz not null,
    unique (product_id, serial_start)
);
create index issuance_product on issuance (product_id);
create index issuance_holder on issuance (holder_id, feed_position);
create index issuance_expiring on issuance (valid_until) where status = 'ISSUED';
