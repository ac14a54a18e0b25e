-- open_overdue as changes per complex, category and month, which complex_category_month adds up.
-- A report is overdue at the end of every month from the one in which it becomes older than its
-- target to the one before its closing, so open_overdue(m) is open_overdue(m - 1), plus the reports
-- that became overdue in m and are still open at its end, less the reports closed in m that were
-- overdue before (month_closings). A month never reads the reports that have been open for long.
--
-- The first month's change also holds the count at the end of the month before the run: from that
-- month's stored facts when they are current (stored_before), otherwise counted from the reports
-- open then (for a backfill, which starts at the first month, there are none).
create temp table overdue_changes on commit drop as
select complex_id, category, month, sum(n)::bigint as delta
from (select complex_id collate "C" as complex_id, category collate "C" as category, :from_day::date as month, overdue as n
      from complex_month_fact
      where :stored_before and period = (:from_day::date - interval '1 month')::date and overdue > 0
      union all
      select r.complex_id collate "C", r.category collate "C", :from_day::date, count(*)
      from report r left join category_target t on t.category = r.category
      where not :stored_before and r.reported_day < :from_day
        and coalesce(r.closed_at, 'infinity'::timestamptz) >= (:from_day::timestamp at time zone 'Europe/Amsterdam')
        and (r.reported_at + coalesce(t.target, make_interval(secs => :default_target_days * 86400)))
            < (:from_day::timestamp at time zone 'Europe/Amsterdam')
      group by 1, 2
      union all
      select r.complex_id collate "C", r.category collate "C",
             date_trunc('month', (r.reported_at + coalesce(t.target, make_interval(secs => :default_target_days * 86400)))
                                 at time zone 'Europe/Amsterdam')::date,
             count(*)
      from report r left join category_target t on t.category = r.category
      where r.reported_day between :overdue_scan_from_day and :to_day
        and (r.reported_at + coalesce(t.target, make_interval(secs => :default_target_days * 86400)))
            >= (:from_day::timestamp at time zone 'Europe/Amsterdam')
        and (r.reported_at + coalesce(t.target, make_interval(secs => :default_target_days * 86400)))
            < (:after_to_day::timestamp at time zone 'Europe/Amsterdam')
        and (r.closed_at is null
             or date_trunc('month', r.closed_at, 'Europe/Amsterdam')
                > date_trunc('month', r.reported_at + coalesce(t.target, make_interval(secs => :default_target_days * 86400)),
                             'Europe/Amsterdam'))
      group by 1, 2, 3
      union all
      select complex_id, category, month, -closed_overdue from month_closings
      where month >= :from_day and closed_overdue > 0) d
group by 1, 2, 3
having sum(n) <> 0;
