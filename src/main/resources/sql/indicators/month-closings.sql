-- Closings per complex, category and month from the first counted month on: how many, how many
-- within their category's target, and how many were overdue at the end of the month before (open
-- then and older than their target), which leave open_overdue in their month.
--
-- A report's target instant is reported_at plus its category's target (category_target; the
-- default for a category without one): closed by then it was closed within target; open at a
-- month end after it, it is overdue there. after_to_day is a constant, not the largest month of
-- run_month, so that the planner sees how few closings a run has and reads them by the closed_at
-- index, from the index alone (V1__baseline.sql).
create temp table month_closings on commit drop as
select r.complex_id collate "C" as complex_id, r.category collate "C" as category,
       date_trunc('month', r.closed_at at time zone 'Europe/Amsterdam')::date as month,
       count(*) as closed,
       count(*) filter (where r.closed_at <= (r.reported_at + coalesce(t.target, make_interval(secs => :default_target_days * 86400))))
           as within,
       count(*) filter (where (r.reported_at + coalesce(t.target, make_interval(secs => :default_target_days * 86400)))
                              < date_trunc('month', r.closed_at, 'Europe/Amsterdam')) as closed_overdue
from report r left join category_target t on t.category = r.category
where r.closed_at >= (:counted_day::timestamp at time zone 'Europe/Amsterdam')
  and r.closed_at < (:after_to_day::timestamp at time zone 'Europe/Amsterdam')
group by 1, 2, 3;
