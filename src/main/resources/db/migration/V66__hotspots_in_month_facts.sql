-- The hotspot list moves into the month facts (complex_month_fact). A hotspot is a complex and
-- category whose hotspot window, ending with the month, holds at least the threshold's reports;
-- those reports lie in the month's 12, so the pair has a month fact already. Two columns of a row
-- that is written anyway cost less than a row of their own with its own key: at 10M reports a
-- month has 117,000 hotspots, which took 0.35 s to insert (and a backfill 4 M rows and a key).
-- hot_reports and hot_last are null where the pair is no hotspot. The view keeps the table's
-- name and columns for its readers.
alter table complex_month_fact add column hot_reports integer, add column hot_last timestamptz;

drop view hotspot_ranked;
drop table hotspot;

create view hotspot as
select period, complex_id, category, hot_reports as reports, hot_last as last_reported
from complex_month_fact
where hot_reports is not null;

-- As in V20: the hotspot list in its reading order (indicators.md: worst first = most reports,
-- then most recent), so that every output ranks it the same way.
create view hotspot_ranked as
select h.*, row_number() over (partition by period
                               order by reports desc, last_reported desc, complex_id, category) as rank
from hotspot h;

delete from computed_month;
