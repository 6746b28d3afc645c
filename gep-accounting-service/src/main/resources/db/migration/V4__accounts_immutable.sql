-- A stored account is a record of what was computed from what: its row and its value rows can be neither changed nor
-- removed, by the service or anyone else with the service's privileges (a correction is a new account). The trigger
-- makes the database refuse it; POST /api/v1/gep-accounts/{id}/verification finds what a superuser changed anyway.
create function refuse_account_change() returns trigger language plpgsql as $$
begin
    raise exception 'accounts are immutable: % on % refused (a correction is a new account)', tg_op, tg_table_name
        using errcode = 'integrity_constraint_violation';
end
$$;

create trigger gep_account_immutable before update or delete on gep_account
    for each row execute function refuse_account_change();
create trigger gep_account_immutable_truncate before truncate on gep_account
    for each statement execute function refuse_account_change();
create trigger gep_account_value_immutable before update or delete on gep_account_value
    for each row execute function refuse_account_change();
create trigger gep_account_value_immutable_truncate before truncate on gep_account_value
    for each statement execute function refuse_account_change();
