-- A national job writes some 3 000 accounts with 100 000 value rows and first keeps 3 000 requests as its items.
-- Two costs PostgreSQL paid there bought nothing:
--
-- 1. An item's request is working data, read back at most once (by a worker that did not take the upload): compressing
--    a national upload's 16 MB as it arrives bought nothing. It is now stored out of line without compression.
alter table gep_account_job_item alter column request set storage external;

-- 2. The foreign key from a value row to its account was checked row by row, each check an index probe that also
--    locks the account row (FOR KEY SHARE, against a concurrent delete): 0.8 s of a national run's 100 000 rows.
--    Accounts can be neither deleted nor truncated (V4), so the lock protects nothing; what remains of the key is
--    "every value row names a stored account", which is now checked once per statement, on the rows it inserted.
alter table gep_account_value drop constraint gep_account_value_account_id_fkey;

create function refuse_values_without_account() returns trigger language plpgsql as $$
declare
    orphan uuid;
begin
    select v.account_id into orphan from inserted_values v
        where not exists (select 1 from gep_account a where a.id = v.account_id) limit 1;
    if found then
        raise exception 'a value row names no stored account: %', orphan using errcode = 'foreign_key_violation';
    end if;
    return null;
end
$$;

create trigger gep_account_value_names_an_account after insert on gep_account_value
    referencing new table as inserted_values for each statement execute function refuse_values_without_account();
