-- Account jobs take their Idempotency-Key through service-common's Idempotency like every other write: the answers
-- of writes sent with a key, per caller, kept 24 hours. A job's key stays on the job (to find it again), but is no
-- longer unique there: after 24 hours a key may be used again.
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

alter table gep_account_job drop constraint gep_account_job_created_by_client_key_key;
create index gep_account_job_client_key on gep_account_job (created_by, client_key);
