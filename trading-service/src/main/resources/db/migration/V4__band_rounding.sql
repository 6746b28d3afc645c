-- How a listing's band limits are put on the tick. HALF_UP (四舍五入) is the exchanges' convention and the default;
-- listings made before this rule existed rounded inward, and take HALF_UP too: it only ever widens a band by at most a
-- tick on each side, so no order that was inside its band falls outside it.
alter table listing add column band_rounding text not null default 'HALF_UP' check (band_rounding in ('HALF_UP', 'INWARD'));
