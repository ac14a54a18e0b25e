-- For one month after a stored month: what its complex_category_month row takes from the store and
-- from the handling facts, added up per complex and category on the closings' session, so that the
-- run's session joins one table instead of four: the month's closings and open_overdue, and its
-- 12-month sums but for its own reports (the stored sums of the month before, plus the month's
-- closings, less the stored facts of the month 12 before).
create temp table sums_from_store on commit drop as
select complex_id, category, sum(closed::int) as closed, sum(within::int) as within,
       sum(overdue::int) as overdue, sum(reports_12m::int) as reports_12m, sum(repeats_12m::int) as repeats_12m,
       sum(dwelling_reports_12m::int) as dwelling_reports_12m, sum(dwelling_repeats_12m::int) as dwelling_repeats_12m,
       sum(closed_12m::int) as closed_12m, sum(within_12m::int) as within_12m
from (select complex_id, category, closed, within, 0::bigint as overdue, 0::bigint as reports_12m,
             0::bigint as repeats_12m, 0::bigint as dwelling_reports_12m, 0::bigint as dwelling_repeats_12m,
             closed as closed_12m, within as within_12m
      from month_closings
      union all
      select complex_id, category, 0, 0, delta, 0, 0, 0, 0, 0, 0 from overdue_changes
      union all
      select complex_id collate "C", category collate "C", 0, 0, 0, reports_12m, repeats_12m, dw_reports_12m,
             dw_repeats_12m, closed_12m, within_12m
      from complex_month_fact where period = :month_before_day
      union all
      select complex_id collate "C", category collate "C", 0, 0, 0, -reports, -repeats, -dw_reports, -dw_repeats,
             -closed, -within
      from complex_month_fact where period = :month_12_before_day) x
group by 1, 2;
