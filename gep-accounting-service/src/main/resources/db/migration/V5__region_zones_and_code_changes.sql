-- The vendored code table is the statistics bureau's (统计用区划代码), not pure GB/T 2260: its county-level units include
-- development zones and other functional zones (county digits 71-79, e.g. 130171 石家庄高新技术产业开发区). They are flagged,
-- so that a prefecture without their figures is not "missing" them, while a province that accounts them can.
alter table region add column development_zone boolean not null default false;
update region set development_zone = true where level = 'COUNTY' and not custom and substr(code, 5, 1) = '7';

-- Codes change over the years (a county-level city becomes a district, districts merge or split). A code is valid from
-- and until a year (null: open); a change links a code to its successor with the first year under the successor.
alter table region add column valid_from integer;
alter table region add column valid_until integer;
alter table region add constraint region_validity check (valid_from is null or valid_until is null or valid_from <= valid_until);

create table region_code_change (
    code            varchar(32)   not null references region (code),
    successor_code  varchar(32)   not null references region (code),
    year            integer       not null,
    kind            varchar(16)   not null check (kind in ('RECODED', 'MERGED', 'SPLIT')),
    note            varchar(1000) not null,
    source          varchar(500)  not null,
    primary key (code, successor_code)
);
create index region_code_change_successor_idx on region_code_change (successor_code);
