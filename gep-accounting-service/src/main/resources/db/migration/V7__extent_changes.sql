-- The SEEA EA extent change matrix of a region between two years: the area (km²) that went from each ecosystem type to
-- each other (from a land-cover change map). Versioned, never changed; the SEEA export reads the newest that still
-- agrees with the two years' official extents.
create table extent_change_matrix (
    id           uuid          primary key,
    region_code  varchar(32)   not null references region (code),
    from_year    integer       not null,
    to_year      integer       not null check (to_year > from_year),
    version      integer       not null check (version > 0),
    source       varchar(500)  not null,
    changes      text          not null,
    created_by   varchar(200)  not null,
    created_at   timestamptz   not null,
    unique (region_code, from_year, to_year, version)
);

create trigger extent_change_matrix_immutable before update or delete on extent_change_matrix
    for each row execute function refuse_record_change();
