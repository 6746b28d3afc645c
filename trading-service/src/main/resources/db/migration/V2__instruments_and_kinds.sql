-- What is really fungible is the instrument: a right type of one vintage and, where the type has them, one pollutant
-- or one kind of water right (a withdrawal permit's quota also with the permit's end date). Balances, serial blocks,
-- journal entries, movements and imported issuances name their instrument by its id, bound in this one table.
-- Kinds and statuses are checked here as the service's enums name them.

do $$
begin
    if exists (select 1 from issuance_import where right_type = 'WATER_RIGHT') then
        raise exception 'the ledger holds water rights imported before their kind was kept; empty the trading database and import '
            'the feed again (the registry keeps each issuance''s kind)';
    end if;
end $$;

create table instrument (
    id                 integer generated always as identity primary key,
    right_type         text not null check (right_type in ('CARBON_ALLOWANCE', 'CCER', 'FOREST_CARBON_SINK', 'WATER_RIGHT',
                           'POLLUTANT_EMISSION_RIGHT', 'ENERGY_USE_RIGHT', 'GREEN_POWER_CERTIFICATE')),
    vintage            integer not null,
    pollutant          text check (pollutant in ('SO2', 'NOX', 'COD', 'NH3N', 'TP', 'TN', 'VOCS', 'PB', 'HG', 'CD', 'CR', 'AS')),
    water_right_kind   text check (water_right_kind in ('REGIONAL', 'WITHDRAWAL_PERMIT', 'IRRIGATION')),
    permit_valid_until date,
    check ((right_type = 'POLLUTANT_EMISSION_RIGHT') = (pollutant is not null)),
    check ((right_type = 'WATER_RIGHT') = (water_right_kind is not null)),
    check ((coalesce(water_right_kind, '') = 'WITHDRAWAL_PERMIT') = (permit_valid_until is not null))
);
create unique index instrument_unique on instrument
    (right_type, vintage, coalesce(pollutant, ''), coalesce(water_right_kind, ''), coalesce(permit_valid_until, 'infinity'));

insert into instrument (right_type, vintage, pollutant)
select distinct right_type, vintage, nullif(pollutant, '') from (
    select right_type, vintage, pollutant from issuance_import
    union select right_type, vintage, pollutant from balance
    union select right_type, vintage, pollutant from holding
    union select right_type, vintage, pollutant from movement
    union select right_type, vintage, pollutant from journal_entry) used
order by 1, 2, 3;

-- each table: the instrument's id instead of its three columns
alter table issuance_import add column instrument_id integer;
update issuance_import t set instrument_id = i.id from instrument i
 where i.right_type = t.right_type and i.vintage = t.vintage and i.pollutant is not distinct from nullif(t.pollutant, '');
alter table issuance_import alter column instrument_id set not null, drop column right_type, drop column vintage, drop column pollutant;

alter table balance add column instrument_id integer;
update balance t set instrument_id = i.id from instrument i
 where i.right_type = t.right_type and i.vintage = t.vintage and i.pollutant is not distinct from nullif(t.pollutant, '');
alter table balance drop constraint balance_pkey;
alter table balance alter column instrument_id set not null, drop column right_type, drop column vintage, drop column pollutant;
alter table balance add primary key (holder_id, instrument_id), add foreign key (instrument_id) references instrument;

alter table holding add column instrument_id integer;
update holding t set instrument_id = i.id from instrument i
 where i.right_type = t.right_type and i.vintage = t.vintage and i.pollutant is not distinct from nullif(t.pollutant, '');
alter table holding alter column instrument_id set not null, drop column right_type, drop column vintage, drop column pollutant;
create index holding_live on holding (holder_id, instrument_id, state, id) where held_until is null;

alter table movement add column instrument_id integer;
update movement t set instrument_id = i.id from instrument i
 where i.right_type = t.right_type and i.vintage = t.vintage and i.pollutant is not distinct from nullif(t.pollutant, '');
alter table movement alter column instrument_id set not null, drop column right_type, drop column vintage, drop column pollutant;
alter table movement add check (kind in ('TRADE', 'RETIREMENT', 'SURRENDER', 'PLEDGE', 'FREEZE', 'EXPIRY')),
    add check (status in ('OPEN', 'SETTLED', 'DONE', 'CANCELLED', 'EXPIRED', 'RELEASED', 'ENFORCED')),
    add check (mode in ('LISTED', 'AGREEMENT', 'BLOCK', 'AUCTION'));
create index movement_settled on movement (instrument_id, settled_at) where kind = 'TRADE' and settled_units > 0;

alter table journal_entry add column instrument_id integer;
update journal_entry t set instrument_id = i.id from instrument i
 where i.right_type = t.right_type and i.vintage = t.vintage and i.pollutant is not distinct from nullif(t.pollutant, '');
alter table journal_entry alter column instrument_id set not null, drop column right_type, drop column vintage, drop column pollutant;
alter table journal_entry add unique (holder_id, instrument_id, chain_seq),
    add check (bucket in ('AVAILABLE', 'PENDING', 'PLEDGED', 'FROZEN', 'RETIRED', 'EXPIRED'));
