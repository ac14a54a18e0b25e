-- Hotspots are problems on the rise (indicators.md, Hotspot): a complex and category with at least
-- the minimum of reports on the 90 days that end with the month (window A, n reports) that is
-- significantly above its own 365 days before (window B, b reports): p = P(X >= n) for
-- X ~ Binomial(n + b, 90 / 455), a hotspot when p < 0.01. The month facts keep, besides n and the
-- latest report of window A (hot_reports, hot_last), b, p and whether the pair was not a hotspot at
-- the end of the month before (null when that month's hotspots are missing for lack of look-back).
-- All five are null where the pair is no hotspot.
alter table complex_month_fact
    add column hot_reports_before integer,
    add column hot_p_value double precision,
    add column hot_new boolean;

drop view hotspot_ranked;
drop view hotspot;

create view hotspot as
select period, complex_id, category, hot_reports as reports, hot_reports_before as reports_before,
       hot_p_value as p_value, hot_last as last_reported, hot_new as new_this_month
from complex_month_fact
where hot_reports is not null;

-- The hotspot list in its reading order (indicators.md: worst first = smallest p, then most reports,
-- then complex_id), so that every output ranks it the same way.
create view hotspot_ranked as
select h.*, row_number() over (partition by period order by p_value, reports desc, complex_id, category) as rank
from hotspot h;

-- Months computed by the earlier rule: compute them again.
delete from computed_month;
