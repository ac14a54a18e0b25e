-- Per complex, category and month of the run: the reports in the month's hotspot window (the
-- hotspot_days days that end with the month) and the latest of them.
create temp table hotspot_reports on commit drop as
select g.complex_id, g.category, m.month, sum(g.reports::int) as reports, max(g.last_at) as last_reported
from month_report_counts g join run_month m on m.month between g.month and g.hotspot_until
group by 1, 2, 3;
