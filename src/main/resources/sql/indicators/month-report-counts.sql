-- The counted reports per complex, category, month and their hotspot windows, with their repeat
-- flags; below them the rows of lookback_reports in a hotspot window, which are only counted.
--
-- A report of day d lies in window A (the hotspot_days days that end with the month) of the months
-- from its own to hotspot_until, the month before that of d + hotspot_days, and in window B (the
-- hotspot_before_days days before window A) of the months after hotspot_until up to before_until,
-- the month before that of d + hotspot_days + hotspot_before_days.
--
-- A report is a repeat when its predecessor by (reported_at, report_id) in its complex and
-- category (gap_in_complex), or in its dwelling and category (gap_in_dwelling), is at most W
-- before it: if any earlier report is within W, so is the latest. lag() finds the predecessors
-- among the counted reports, so its sorts hold those alone. A dwelling's first counted report
-- takes its predecessor from dwelling_last_report on the way in (a small table); a complex's first
-- (its lag() is null) is compared with the latest time in lookback_reports after grouping, in the
-- group that holds it.
--
-- Keys are compared in the "C" collation here and in every table after it: the database's C.UTF-8
-- sorts text through strcoll without abbreviated keys, several times slower, and for valid UTF-8
-- both give the same order (code points), so ties in report_id and complex_id order the same.
create temp table month_report_counts on commit drop as
with flagged as (
    select r.complex_id collate "C" as complex_id, r.category collate "C" as category, r.dwelling_ref,
           r.reported_day, r.reported_at, r.follow_up,
           r.reported_at - lag(r.reported_at) over (partition by r.complex_id collate "C", r.category collate "C"
                                                    order by r.reported_at, r.report_id collate "C") as gap_in_complex,
           r.reported_at - coalesce(lag(r.reported_at) over (partition by r.complex_id collate "C",
                                                                          r.dwelling_ref collate "C", r.category collate "C"
                                                             order by r.reported_at, r.report_id collate "C"),
                                    d.last_at) as gap_in_dwelling
    from report r
    left join dwelling_last_report d on d.complex_id = r.complex_id collate "C" and d.category = r.category collate "C"
                                    and d.dwelling_ref = r.dwelling_ref collate "C"
    where r.reported_day between :counted_day and :to_day),
grouped as (
    select complex_id, category, date_trunc('month', reported_day::timestamp)::date as month,
           (date_trunc('month', (reported_day + :hotspot_days)::timestamp) - interval '1 month')::date as hotspot_until,
           (date_trunc('month', (reported_day + :hotspot_days + :hotspot_before_days)::timestamp) - interval '1 month')::date
               as before_until,
           count(*) as reports,
           count(*) filter (where gap_in_complex <= make_interval(secs => :repeat_window_seconds)) as repeats,
           min(reported_at) filter (where gap_in_complex is null) as first_at,
           count(dwelling_ref) as dwelling_reports,
           count(*) filter (where dwelling_ref is not null
                            and gap_in_dwelling <= make_interval(secs => :repeat_window_seconds)) as dwelling_repeats,
           count(*) filter (where coalesce(lower(btrim(follow_up)), '') not in ('', 'none')) as follow_ups,
           max(reported_at) as last_at
    from flagged
    group by 1, 2, 3, 4, 5)
select g.complex_id, g.category, g.month, g.hotspot_until, g.before_until, g.reports,
       g.repeats + coalesce((g.first_at - c.last_at <= make_interval(secs => :repeat_window_seconds))::int, 0) as repeats,
       g.dwelling_reports, g.dwelling_repeats, g.follow_ups, g.last_at
from grouped g
left join (select complex_id, category, max(last_at) as last_at from lookback_reports group by 1, 2) c
       on c.complex_id = g.complex_id and c.category = g.category
union all
select complex_id, category, month, hotspot_until, before_until, reports, 0, 0, 0, 0, last_at
from lookback_reports where before_until is not null;
