-- A run of months' rows of dwelling_month_fact (V4__dwelling_month_fact.sql): the reports with a dwelling reference of the
-- months :from to the end before :end, each a repeat when the dwelling's previous report of the same
-- category (by reported_at, report_id) came at most :windowSeconds before it; the reports of the
-- days from :lookback on are read only as predecessors. One sort of those days' reports by
-- dwelling, which the report step does once for each month it has not built yet.
insert into dwelling_month_fact (period, complex_id, category, dwelling_ref, reports, repeats, last_reported)
select date_trunc('month', reported_day::timestamp)::date, complex_id, category, dwelling_ref,
       count(*), count(*) filter (where gap <= make_interval(secs => :windowSeconds)), max(reported_at)
from (select r.complex_id, r.category, r.dwelling_ref, r.reported_day, r.reported_at,
             -- the "C" collation sorts by code points without strcoll, several times faster (as
             -- the indicators' report pass does); only equal keys matter here
             r.reported_at - lag(r.reported_at) over (partition by r.complex_id collate "C", r.category collate "C",
                                                                   r.dwelling_ref collate "C"
                                                      order by r.reported_at, r.report_id collate "C") as gap
      from report r
      where r.dwelling_ref is not null and r.reported_day >= :lookback and r.reported_day < :end) flagged
where reported_day >= :from
group by 1, 2, 3, 4
