-- Per complex, category and hotspot month (the run's months and the month before them, from
-- hotspot_first_month on): the reports of window A (reports), of window B (reports_before) and the
-- latest report of window A, for the pairs with at least hotspot_min_reports in window A.
--
-- Each row of month_report_counts adds its reports to window A from its month to hotspot_until
-- and to window B from the month after hotspot_until to before_until. As changes at those months,
-- their running sums per complex and category give both counts of every month; a month between two
-- changes has the counts of the change before it. The latest report of window A is the latest up to
-- the month's end (when window A holds any, the latest of all does).
create temp table hotspot_windows on commit drop as
with changes as (
    select complex_id, category, month as at, reports as in_window, 0 as in_baseline, last_at
    from month_report_counts where month is not null
    union all
    select complex_id, category, (hotspot_until + interval '1 month')::date,
           case when month is not null then -reports else 0 end, reports, null
    from month_report_counts
    union all
    select complex_id, category, (before_until + interval '1 month')::date, 0, -reports, null
    from month_report_counts),
per_month as (
    select complex_id, category, at, sum(in_window::int) as in_window, sum(in_baseline::int) as in_baseline,
           max(last_at) as last_at
    from changes group by 1, 2, 3),
running as (
    select complex_id, category, at,
           sum(in_window) over pair as reports, sum(in_baseline) over pair as reports_before,
           max(last_at) over pair as last_reported, lead(at) over pair as next_at
    from per_month
    window pair as (partition by complex_id, category order by at))
select r.complex_id, r.category, m.month::date as month, r.reports::int as reports,
       r.reports_before::int as reports_before, r.last_reported
from running r
cross join lateral generate_series(greatest(r.at, :hotspot_first_month::date)::timestamp,
                                   least((r.next_at - interval '1 month')::date, :to_month::date)::timestamp,
                                   interval '1 month') m(month)
where r.reports >= :hotspot_min_reports;
