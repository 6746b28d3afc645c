-- The trading centre (生态产品交易中心): instruments listed with their trading rules, cash accounts with a hash-chained
-- journal like the units', listed orders (挂牌), block agreements (大宗协议), one-way auctions (单向竞价), and the fills
-- that deliver units against cash. Cash is counted in fen (0.01 元), as whole numbers.
-- Every row of an instrument's book (orders, proposals, auctions, bids, fills) changes only while its listing row is
-- locked: that lock is the book's, taken after the reservations and before any balance.

create table listing (
    instrument_id          integer primary key references instrument,
    status                 text not null check (status in ('LISTED', 'SUSPENDED')),
    tick                   numeric(18, 2) not null check (tick > 0),
    lot                    bigint not null check (lot > 0),               -- units
    listed_band            numeric(6, 4) not null check (listed_band > 0 and listed_band < 1),
    block_band             numeric(6, 4) not null check (block_band > 0 and block_band < 1),
    block_threshold        bigint not null check (block_threshold > 0),   -- units
    buyer_fee_rate         numeric(8, 6) not null check (buyer_fee_rate >= 0 and buyer_fee_rate < 0.1),
    seller_fee_rate        numeric(8, 6) not null check (seller_fee_rate >= 0 and seller_fee_rate < 0.1),
    sessions               text not null,                                 -- e.g. 09:30-11:30,13:00-15:00 (market time)
    holding_days           integer not null check (holding_days >= 0),    -- trading days between a buy and a sale
    position_limit         bigint check (position_limit > 0),             -- units; null: none
    large_holder_threshold bigint check (large_holder_threshold > 0),     -- units; null: no report
    settlement             text not null check (settlement in ('AT_FILL', 'END_OF_DAY')),
    base_price             numeric(18, 2) check (base_price > 0),
    base_price_from        date,                                           -- the trading day the base price applies from
    base_price_proposed_by uuid,
    seq                    bigint not null default 0,                      -- time priority of the book's orders, bids and fills
    listed_at              timestamptz not null,
    listed_by              text not null,
    changed_at             timestamptz not null,
    changed_by             text not null
);

-- Cash per participant: available and frozen fen, and the head of the account's journal chain. The centre's fee
-- account is the participant 00000000-0000-0000-0000-00000000fee0.
create table cash_account (
    participant_id uuid primary key,
    available      bigint not null default 0 check (available >= 0),
    frozen         bigint not null default 0 check (frozen >= 0),
    entries        bigint not null default 0,
    head_hash      bytea
);

-- The cash journal: hash = SHA-256(previous hash of the account || the entry's fields), as for units.
create table cash_entry (
    id             bigserial primary key,
    reference_id   uuid not null,   -- the deposit, withdrawal, order, bid or fill
    participant_id uuid not null,
    bucket         text not null check (bucket in ('AVAILABLE', 'FROZEN')),
    fen            bigint not null,
    chain_seq      bigint not null,
    at             timestamptz not null,
    trading_day    date not null,
    previous_hash  bytea,
    hash           bytea not null,
    unique (participant_id, chain_seq)
);
create index cash_entry_day on cash_entry (participant_id, trading_day);

-- Money in and out, as the operator recorded it (the bank transfer happens outside).
create table cash_transfer (
    id             uuid primary key,
    participant_id uuid not null,
    kind           text not null check (kind in ('DEPOSIT', 'WITHDRAWAL')),
    fen            bigint not null check (fen > 0),
    bank_reference text not null,
    at             timestamptz not null,
    trading_day    date not null,
    by_name        text not null
);

-- Listed orders (挂牌): a sell order's units wait in the owner's PENDING blocks tagged with the order's id; a buy
-- order's cash (price x quantity + the buyer's fee) is frozen, and frozen_fen says how much of it is left.
create table market_order (
    id             uuid primary key,
    seq            bigint not null,            -- time priority (the listing's counter)
    instrument_id  integer not null references listing,
    owner_id       uuid not null,
    side           text not null check (side in ('BUY', 'SELL')),
    price          numeric(18, 2) not null check (price > 0),
    units          bigint not null check (units > 0),
    filled         bigint not null check (filled >= 0 and filled <= units),
    amount_fen     bigint not null,            -- the amount of what was filled, and its owner's fees
    fees_fen       bigint not null,
    frozen_fen     bigint not null check (frozen_fen >= 0),
    status         text not null check (status in ('OPEN', 'FILLED', 'CANCELLED', 'CLOSED')),
    trading_day    date not null,
    created_at     timestamptz not null,
    created_by     text not null,
    ended_at       timestamptz
);
create index market_order_book on market_order (instrument_id, side, price, seq) where status = 'OPEN';
create index market_order_owner on market_order (owner_id, created_at);

-- Block agreements (大宗协议): proposed to a named counterparty, frozen and filled when it confirms.
create table block_proposal (
    id              uuid primary key,
    instrument_id   integer not null references listing,
    initiator_id    uuid not null,
    counterparty_id uuid not null,
    initiator_side  text not null check (initiator_side in ('BUY', 'SELL')),
    price           numeric(18, 2) not null check (price > 0),
    units           bigint not null check (units > 0),
    status          text not null check (status in ('PROPOSED', 'CONFIRMED', 'DECLINED', 'EXPIRED', 'WITHDRAWN')),
    expires_at      timestamptz not null,
    created_at      timestamptz not null,
    created_by      text not null,
    ended_at        timestamptz,
    fill_id         uuid
);
create index block_proposal_open on block_proposal (instrument_id, expires_at) where status = 'PROPOSED';

-- One-way auctions (单向竞价): a seller's lot (SELL: the lot's units wait in PENDING blocks tagged with the auction's
-- id, bids freeze cash) or a buyer's demand (BUY: the demand's cash at the reserve is frozen, offers' units wait).
create table auction (
    id             uuid primary key,
    instrument_id  integer not null references listing,
    side           text not null check (side in ('BUY', 'SELL')),
    principal_id   uuid not null,
    units          bigint not null check (units > 0),
    reserve_price  numeric(18, 2) not null check (reserve_price > 0),
    min_bid_units  bigint not null check (min_bid_units > 0),
    max_per_bidder bigint not null check (max_per_bidder > 0),
    pricing        text not null check (pricing in ('PAY_AS_BID', 'UNIFORM')),
    starts_at      timestamptz not null,
    ends_at        timestamptz not null check (ends_at > starts_at),
    status         text not null check (status in ('OPEN', 'ALLOCATED', 'CANCELLED')),
    frozen_fen     bigint not null default 0 check (frozen_fen >= 0),
    clearing_price numeric(18, 2),
    allocated      bigint not null default 0,
    created_at     timestamptz not null,
    created_by     text not null,
    allocated_at   timestamptz
);

create table auction_bid (
    id          uuid primary key,
    auction_id  uuid not null references auction,
    seq         bigint not null,
    bidder_id   uuid not null,
    price       numeric(18, 2) not null check (price > 0),
    units       bigint not null check (units > 0),
    frozen_fen  bigint not null check (frozen_fen >= 0),
    allocated   bigint not null default 0 check (allocated >= 0 and allocated <= units),
    status      text not null check (status in ('OPEN', 'WON', 'LOST')),
    created_at  timestamptz not null,
    created_by  text not null
);
create index auction_bid_auction on auction_bid (auction_id, seq);

-- Fills: units seller -> buyer against cash buyer -> seller less each side's fee (delivery versus payment), at the
-- fill (SETTLED) or, where the instrument settles at the end of the day, then (PENDING until the close settles it:
-- the units wait in the seller's PENDING blocks tagged with the fill's id, the buyer's cash stays frozen).
create table fill (
    id             uuid primary key,
    seq            bigint not null,
    instrument_id  integer not null references instrument,
    mode           text not null check (mode in ('LISTED', 'BLOCK', 'AUCTION', 'PLATFORM')),
    seller_id      uuid not null,
    buyer_id       uuid not null,
    units          bigint not null check (units > 0),
    price          numeric(18, 2) not null check (price > 0),
    amount_fen     bigint not null check (amount_fen >= 0),
    seller_fee_fen bigint not null check (seller_fee_fen >= 0),
    buyer_fee_fen  bigint not null check (buyer_fee_fen >= 0),
    source_id      uuid,   -- the order taken, the proposal or the auction
    platform       text,
    platform_reference text,
    status         text not null check (status in ('PENDING', 'SETTLED')),
    trading_day    date not null,
    at             timestamptz not null,
    settled_at     timestamptz,
    unique (platform, platform_reference)
);
create index fill_day on fill (instrument_id, trading_day, seq);
create index fill_seller on fill (seller_id, instrument_id, trading_day);
create index fill_buyer on fill (buyer_id, instrument_id, trading_day);
create index fill_pending on fill (trading_day) where status = 'PENDING';

-- Where a fill's units came from: the issuance (and its region), so that first sales out of the holder the units
-- were issued to (primary) can be told from resales.
create table fill_origin (
    fill_id     uuid not null,
    issuance_id uuid not null,
    region_code text not null,
    units       bigint not null check (units > 0),
    primary key (fill_id, issuance_id)
);

-- Platforms that match elsewhere, and the participants each may report trades between.
create table platform_member (
    platform       text not null,
    participant_id uuid not null,
    granted_at     timestamptz not null,
    granted_by     text not null,
    primary key (platform, participant_id)
);

-- The trading days closed: orders left cancelled, proposals expired, fills settled, the next base prices fixed.
create table market_day (
    day       date primary key,
    closed_at timestamptz not null,
    closed_by text not null
);

-- Each book's close of each trading day: the close (VWAP of the day's listed fills; null without) and the base price
-- the next trading day gets from it (or carried forward).
create table listing_close (
    instrument_id   integer not null references listing,
    day             date not null,
    close           numeric(18, 2),
    next_base_price numeric(18, 2),
    next_base_from  date,
    primary key (instrument_id, day)
);
