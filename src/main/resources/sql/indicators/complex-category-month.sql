-- complex_category_month: every complex, category and month of the run with its month's facts,
-- its 12-month sums, open_overdue at the month's end and, where it is a hotspot, its hotspot
-- figures (from hotspots; null otherwise). The month's counts come from month_report_counts (the
-- months a run counts) or, before those, from the stored complex_month_fact, whose facts are
-- current when the caller says so. Counts are added up as int (sum(x::int), a bigint): over
-- bigint, PostgreSQL's sum accumulates in 128 bits and converts every result through numeric; one
-- row's count always fits an int.

-- name: from_the_month_before
-- One month after a stored month (a monthly job): the stored sums of the month before, plus the
-- month's facts, less the stored facts of the month 12 before. sums_from_store holds all but the
-- month's reports, and every input has at most one row per complex and category, so these are
-- hash joins on the complex x category grid. month_report_counts holds the month's reports in a
-- row per hotspot window.
create temp table complex_category_month on commit drop as
select c.complex_id collate "C" as complex_id, c.neighbourhood_code collate "C" as neighbourhood_code,
       t.category collate "C" as category, :from_day::date as month,
       coalesce(g.reports, 0) as reports, coalesce(g.repeats, 0) as repeats,
       coalesce(g.dwelling_reports, 0) as dwelling_reports, coalesce(g.dwelling_repeats, 0) as dwelling_repeats,
       coalesce(g.follow_ups, 0) as follow_ups, coalesce(b.closed, 0) as closed, coalesce(b.within, 0) as within,
       coalesce(b.reports_12m, 0) + coalesce(g.reports, 0) as reports_12m,
       coalesce(b.repeats_12m, 0) + coalesce(g.repeats, 0) as repeats_12m,
       coalesce(b.dwelling_reports_12m, 0) + coalesce(g.dwelling_reports, 0) as dwelling_reports_12m,
       coalesce(b.dwelling_repeats_12m, 0) + coalesce(g.dwelling_repeats, 0) as dwelling_repeats_12m,
       coalesce(b.closed_12m, 0) as closed_12m, coalesce(b.within_12m, 0) as within_12m,
       h.reports as hotspot_reports, h.reports_before as hotspot_reports_before, h.p_value as hotspot_p_value,
       h.last_reported as hotspot_last_reported, h.new_this_month as hotspot_new,
       coalesce(b.overdue, 0) as overdue
from complex c cross join category_target t
left join (select complex_id, category, sum(reports::int) as reports, sum(repeats::int) as repeats,
                  sum(dwelling_reports::int) as dwelling_reports, sum(dwelling_repeats::int) as dwelling_repeats,
                  sum(follow_ups::int) as follow_ups
           from month_report_counts where month = :from_day group by 1, 2) g
       on g.complex_id = c.complex_id collate "C" and g.category = t.category collate "C"
left join sums_from_store b on b.complex_id = c.complex_id collate "C" and b.category = t.category collate "C"
left join hotspots h on h.complex_id = c.complex_id collate "C" and h.category = t.category collate "C";

-- name: by_window_join
-- A short run (up to three months, as a late report causes): each month's facts and the sums of
-- the facts in its 12-month window, joined onto its months, with the stored facts of the months
-- before the run. overdue adds up the run's changes up to the month (a short run's months all lie
-- within the 12 of its last).
create temp table complex_category_month on commit drop as
with facts as (
    select complex_id, category, month, reports, repeats, dwelling_reports, dwelling_repeats, follow_ups,
           0::bigint as closed, 0::bigint as within, 0::bigint as overdue_change
    from month_report_counts where month >= :counted_day
    union all
    select complex_id, category, month, 0, 0, 0, 0, 0, closed, within, 0 from month_closings
    union all
    select complex_id, category, month, 0, 0, 0, 0, 0, 0, 0, delta from overdue_changes
    union all
    select complex_id collate "C", category collate "C", period, reports, repeats, dw_reports, dw_repeats, 0,
           closed, within, 0
    from complex_month_fact where period >= :from12_day and period < :counted_day),
sums as (
    select f.complex_id, f.category, m.month,
           coalesce(sum(f.reports::int) filter (where f.month = m.month), 0) as reports,
           coalesce(sum(f.repeats::int) filter (where f.month = m.month), 0) as repeats,
           coalesce(sum(f.dwelling_reports::int) filter (where f.month = m.month), 0) as dwelling_reports,
           coalesce(sum(f.dwelling_repeats::int) filter (where f.month = m.month), 0) as dwelling_repeats,
           coalesce(sum(f.follow_ups::int) filter (where f.month = m.month), 0) as follow_ups,
           coalesce(sum(f.closed::int) filter (where f.month = m.month), 0) as closed,
           coalesce(sum(f.within::int) filter (where f.month = m.month), 0) as within,
           sum(f.reports::int) as reports_12m, sum(f.repeats::int) as repeats_12m,
           sum(f.dwelling_reports::int) as dwelling_reports_12m, sum(f.dwelling_repeats::int) as dwelling_repeats_12m,
           sum(f.closed::int) as closed_12m, sum(f.within::int) as within_12m,
           sum(f.overdue_change::int) as overdue
    from facts f join run_month m on f.month between (m.month - interval '11 months')::date and m.month
    group by 1, 2, 3)
select c.complex_id collate "C" as complex_id, c.neighbourhood_code collate "C" as neighbourhood_code,
       t.category collate "C" as category, m.month,
       coalesce(s.reports, 0) as reports, coalesce(s.repeats, 0) as repeats,
       coalesce(s.dwelling_reports, 0) as dwelling_reports, coalesce(s.dwelling_repeats, 0) as dwelling_repeats,
       coalesce(s.follow_ups, 0) as follow_ups, coalesce(s.closed, 0) as closed, coalesce(s.within, 0) as within,
       coalesce(s.reports_12m, 0) as reports_12m, coalesce(s.repeats_12m, 0) as repeats_12m,
       coalesce(s.dwelling_reports_12m, 0) as dwelling_reports_12m,
       coalesce(s.dwelling_repeats_12m, 0) as dwelling_repeats_12m,
       coalesce(s.closed_12m, 0) as closed_12m, coalesce(s.within_12m, 0) as within_12m,
       h.reports as hotspot_reports, h.reports_before as hotspot_reports_before, h.p_value as hotspot_p_value,
       h.last_reported as hotspot_last_reported, h.new_this_month as hotspot_new,
       coalesce(s.overdue, 0) as overdue
from complex c cross join category_target t cross join run_month m
left join sums s on s.complex_id = c.complex_id collate "C" and s.category = t.category collate "C" and s.month = m.month
left join hotspots h on h.complex_id = c.complex_id collate "C" and h.category = t.category collate "C"
                    and h.month = m.month;

-- name: by_sliding_window
-- A long run (a backfill): a window of 12 months slides over the dense complex x category x month
-- grid, which starts where the data do (grid_from_day), instead of joining every fact to twelve
-- months; open_overdue is the running sum of its changes.
create temp table complex_category_month on commit drop as
with counted as (
    select complex_id, category, month, sum(reports::int) as reports, sum(repeats::int) as repeats,
           sum(dwelling_reports::int) as dwelling_reports, sum(dwelling_repeats::int) as dwelling_repeats,
           sum(follow_ups::int) as follow_ups
    from month_report_counts where month >= :counted_day group by 1, 2, 3),
stored as (
    select complex_id collate "C" as complex_id, category collate "C" as category, period as month,
           reports, repeats, dw_reports as dwelling_reports, dw_repeats as dwelling_repeats,
           0::bigint as follow_ups, closed, within
    from complex_month_fact where period >= :from12_day and period < :counted_day),
grid as (
    select c.complex_id collate "C" as complex_id, c.neighbourhood_code collate "C" as neighbourhood_code,
           t.category collate "C" as category, mo::date as month
    from complex c cross join category_target t
    cross join generate_series(:grid_from_day::timestamp, :to_month::timestamp, interval '1 month') mo),
month_facts as (
    select grid.*, coalesce(g.reports, s.reports, 0) as reports, coalesce(g.repeats, s.repeats, 0) as repeats,
           coalesce(g.dwelling_reports, s.dwelling_reports, 0) as dwelling_reports,
           coalesce(g.dwelling_repeats, s.dwelling_repeats, 0) as dwelling_repeats,
           coalesce(g.follow_ups, s.follow_ups, 0) as follow_ups,
           coalesce(cl.closed, s.closed, 0) as closed, coalesce(cl.within, s.within, 0) as within,
           coalesce(od.delta, 0) as overdue_change
    from grid
    left join counted g using (complex_id, category, month)
    left join month_closings cl using (complex_id, category, month)
    left join stored s using (complex_id, category, month)
    left join overdue_changes od using (complex_id, category, month)),
windowed as (
    select f.*, sum(reports::int) over w12 as reports_12m, sum(repeats::int) over w12 as repeats_12m,
           sum(dwelling_reports::int) over w12 as dwelling_reports_12m,
           sum(dwelling_repeats::int) over w12 as dwelling_repeats_12m,
           sum(closed::int) over w12 as closed_12m, sum(within::int) over w12 as within_12m,
           sum(overdue_change::int) over (partition by complex_id, category order by month
                                          rows between unbounded preceding and current row) as overdue
    from month_facts f
    window w12 as (partition by complex_id, category order by month rows between 11 preceding and current row))
select w.*, h.reports as hotspot_reports, h.reports_before as hotspot_reports_before, h.p_value as hotspot_p_value,
       h.last_reported as hotspot_last_reported, h.new_this_month as hotspot_new
from windowed w
left join hotspots h using (complex_id, category, month)
where w.month >= :from_day
order by month;
