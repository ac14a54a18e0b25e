-- One scan of the days before the counted months: per complex and category the latest report time
-- (a complex's first counted report is a repeat when it comes within W of it) and the counts of the
-- days that lie in a hotspot window of the run's hotspot months (the run's months and the month
-- before them), tagged as in month-report-counts.sql; the earlier days in one row without tags.
--
-- Only the days in a window A of a hotspot month keep their month. The tags are clamped to the
-- hotspot months (hotspot_until to the month before them at least, before_until to the run's last
-- month at most): within those months they mean the same, and the days of window B, which are most
-- of the scan, fall into a few rows per complex and category.
create temp table lookback_reports on commit drop as
select complex_id collate "C" as complex_id, category collate "C" as category,
       case when reported_day >= :hotspot_a_from_day then date_trunc('month', reported_day::timestamp)::date end as month,
       case when reported_day >= :hotspot_b_from_day
            then greatest((date_trunc('month', (reported_day + :hotspot_days)::timestamp) - interval '1 month')::date,
                          :months_before_hotspots::date) end as hotspot_until,
       case when reported_day >= :hotspot_b_from_day
            then least((date_trunc('month', (reported_day + :hotspot_days + :hotspot_before_days)::timestamp)
                        - interval '1 month')::date, :to_month::date) end as before_until,
       count(*) as reports, max(reported_at) as last_at
from report
where reported_day >= :scan_from_day and reported_day < :counted_day
group by 1, 2, 3, 4, 5;
