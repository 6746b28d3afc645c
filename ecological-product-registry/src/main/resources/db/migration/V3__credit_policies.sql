-- GEP-backed credit (GEP贷): a lender's policy, versioned per name and never changed once stored (a change is a
-- new version, so that every capacity it gave can be explained again).
create table credit_policy (
    id                      uuid primary key,
    name                    text not null,
    version                 integer not null check (version > 0),
    loan_to_value           text not null,             -- JSON: loan-to-value ratio per right type
    compensation_multiple   numeric(10, 4) not null check (compensation_multiple >= 0),
    gep_cap_share           numeric(10, 6) not null check (gep_cap_share > 0 and gep_cap_share <= 1),
    max_amount              numeric(24, 2) check (max_amount > 0),
    term_years              integer not null check (term_years between 1 and 30),
    source                  text not null,
    created_by              text not null,
    created_at              timestamptz not null,
    unique (name, version)
);

create function refuse_policy_change() returns trigger language plpgsql as $$
begin
    raise exception 'credit policies are immutable: % refused (a change is a new version)', tg_op
        using errcode = 'integrity_constraint_violation';
end
$$;
create trigger credit_policy_immutable before update or delete on credit_policy
    for each row execute function refuse_policy_change();

-- The region whose published ecological compensation a holder receives (a county's platform company, a village
-- collective's share): that income counts towards the holder's credit capacity.
alter table holder add column compensation_region_code text;
