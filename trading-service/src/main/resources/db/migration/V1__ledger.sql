-- The rights ledger. Amounts are whole "units": the right type's smallest increment (1 t, or 0.001 t for pollutant
-- rights), which is also what one serial number counts. An instrument is (right type, vintage, pollutant or '').

-- Where the import of the registry's issuance feed stands; the row is locked while a sync runs.
create table feed_state (
    id        integer primary key default 1 check (id = 1),
    position  bigint not null,
    synced_at timestamptz
);
insert into feed_state (id, position) values (1, 0);

-- Every issuance taken from the feed, once (its id is the key).
create table issuance_import (
    issuance_id  uuid primary key,
    position     bigint not null unique,
    product_id   uuid not null,
    region_code  text not null,
    right_type   text not null,
    vintage      integer not null,
    pollutant    text not null,
    holder_id    uuid not null,
    units        bigint not null check (units > 0),
    serial_start bigint not null,
    serial_end   bigint not null,
    valid_until  date,
    imported_at  timestamptz not null
);

-- Balances per holder and instrument, with the head of that balance's journal chain.
create table balance (
    holder_id  uuid not null,
    right_type text not null,
    vintage    integer not null,
    pollutant  text not null,
    available  bigint not null default 0 check (available >= 0),
    pending    bigint not null default 0 check (pending >= 0),
    pledged    bigint not null default 0 check (pledged >= 0),
    frozen     bigint not null default 0 check (frozen >= 0),
    retired    bigint not null default 0 check (retired >= 0),
    expired    bigint not null default 0 check (expired >= 0),
    entries    bigint not null default 0,
    head_hash  bytea,
    primary key (holder_id, right_type, vintage, pollutant)
);

-- Serial blocks: who holds which serials in which state, and since when. A movement never edits a block's range:
-- it ends the block (held_until) and starts new ones, so the table is the history of every serial.
create table holding (
    id            bigserial primary key,
    holder_id     uuid not null,
    right_type    text not null,
    vintage       integer not null,
    pollutant     text not null,
    product_id    uuid not null,
    region_code   text not null,
    issuance_id   uuid not null,
    serial_prefix text not null,   -- <type>-<region>-<product number>-<vintage>: a serial is the prefix and a number
    serial_start  bigint not null,
    serial_end    bigint not null check (serial_end >= serial_start),
    state         text not null check (state in ('AVAILABLE', 'PENDING', 'PLEDGED', 'FROZEN', 'RETIRED', 'EXPIRED')),
    movement_id   uuid,            -- the movement that started the block; for reserved blocks, the reservation
    valid_until   date,
    held_from     timestamptz not null,
    held_until    timestamptz
);
create index holding_live on holding (holder_id, right_type, vintage, pollutant, state, id) where held_until is null;
create index holding_serial on holding (serial_prefix, serial_start);
create index holding_reserved on holding (movement_id) where held_until is null and state in ('PENDING', 'PLEDGED', 'FROZEN');
create index holding_expiring on holding (valid_until) where held_until is null and valid_until is not null
    and state in ('AVAILABLE', 'PENDING', 'PLEDGED', 'FROZEN');

-- Movements as asked for and as recorded. Reservations (two-phase trades, pledges, freezes) stay OPEN until they
-- are resolved, exactly once, under the lock of their row.
create table movement (
    id          uuid primary key,
    kind        text not null,
    status      text not null,
    seller_id   uuid not null,
    buyer_id    uuid,            -- the buyer, or the pledgee
    settled_units bigint,
    expires_at  timestamptz,
    resolved_at timestamptz,
    resolved_by text,
    right_type  text not null,
    vintage     integer not null,
    pollutant   text not null,
    units       bigint not null check (units > 0),
    price       numeric(18, 2),
    mode        text,
    purpose     text,
    beneficiary text,
    settled_at  timestamptz,     -- trades: when the units were delivered (market data and realised value count from here)
    created_by  text not null,
    created_at  timestamptz not null
);
create index movement_seller on movement (seller_id, created_at);
create index movement_settled on movement (right_type, settled_at) where kind = 'TRADE' and settled_units > 0;
create index movement_open on movement (expires_at) where status = 'OPEN';

-- Where the units a trade delivered came from: per region of origin (the product's), for the realised value.
create table trade_origin (
    movement_id uuid not null,
    region_code text not null,
    units       bigint not null,
    primary key (movement_id, region_code)
);

-- The append-only journal: double-entry legs (a movement's legs sum to zero per instrument), hash-chained per
-- balance: hash = SHA-256(previous hash of that balance || the entry's fields).
create table journal_entry (
    id          bigserial primary key,
    movement_id uuid not null,
    holder_id   uuid not null,
    right_type  text not null,
    vintage     integer not null,
    pollutant   text not null,
    bucket      text not null,
    units       bigint not null,
    chain_seq   bigint not null,
    at          timestamptz not null,
    prev_hash   bytea,
    hash        bytea not null,
    unique (holder_id, right_type, vintage, pollutant, chain_seq)
);

create table idempotency_key (
    caller       text not null,
    key          text not null,
    request_hash text not null,
    status       integer not null,
    body         text,
    location     text,
    created_at   timestamptz not null,
    primary key (caller, key)
);
create index idempotency_key_created on idempotency_key (created_at);
