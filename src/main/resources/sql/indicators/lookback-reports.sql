-- One scan of the days before the counted months: per complex and category the latest report time
-- (a complex's first counted report is a repeat when it comes within W of it) and the counts of
-- the hotspot window's days among them, a row per month and hotspot_until (the last month whose
-- hotspot window still holds the reports), and one row without either for the earlier days.
create temp table lookback_reports on commit drop as
select complex_id collate "C" as complex_id, category collate "C" as category,
       case when reported_day >= :hotspot_from_day then date_trunc('month', reported_day::timestamp)::date end as month,
       case when reported_day >= :hotspot_from_day
            then (date_trunc('month', (reported_day + :hotspot_days)::timestamp) - interval '1 month')::date end
           as hotspot_until,
       count(*) as reports, max(reported_at) as last_at
from report
where reported_day >= :scan_from_day and reported_day < :counted_day
group by 1, 2, 3, 4;
