-- Answers of writes sent with an Idempotency-Key, per caller, kept 24 hours (service-common's Idempotency).
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
