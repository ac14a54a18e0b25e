-- The tables of a run's settings and months, on each session that builds facts. Each is analyzed
-- after it is filled: unanalyzed, both count as 1,200 rows, the complex x category x month grid
-- looks like a hundred million rows and its joins are planned as sort-merge joins.

-- name: drop
drop table if exists pg_temp.category_target, pg_temp.run_month, pg_temp.lookback_reports,
    pg_temp.dwelling_last_report, pg_temp.month_report_counts, pg_temp.month_closings,
    pg_temp.close_percentiles, pg_temp.overdue_changes, pg_temp.sums_from_store, pg_temp.hotspot_windows,
    pg_temp.hotspot_p_value, pg_temp.hotspots, pg_temp.complex_category_month, pg_temp.unit_month, pg_temp.unit_concentration, pg_temp.unit_activities;

-- name: category_target
create temp table category_target (category text primary key, target interval not null) on commit drop;

-- name: category_target_row
insert into category_target values (:category, make_interval(secs => :target_days * 86400));

-- name: run_month
create temp table run_month (month date primary key) on commit drop;

-- name: run_month_rows
insert into run_month
select m::date from generate_series(:from_day::timestamp, :to_month::timestamp, interval '1 month') m;
