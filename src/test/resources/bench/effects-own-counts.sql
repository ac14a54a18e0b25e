-- The activities' own counts as computed until issue 23, kept as the reference for the effects
-- bench and EffectsAgreeWithPairwiseCountingTests. The activities whose effect is reported as of
-- month m (indicators.md, Activity effect): at a complex, with a category, dated up to the last
-- day of m; with the days available before d
-- (since the first report's day; without any report: 0) and from d on (to the last day of m),
-- the window w = least(B, both), and where w is long enough the complex's own reports of the
-- category before = [d - w, d - 1] and after = [d, d + w - 1]. Each count is a range scan of the
-- index on (complex_id, category, reported_day) over the activity's windows (V1__baseline.sql), so the work
-- is the activities plus the reports in their windows.
-- Parameters: :monthEnd (last day of m), :window (B), :minWindow (shorter windows are flagged).
with data_start as (
    select min(reported_day) as day from report
),
subject as (
    select a.activity_id, a.type, a.complex_id, c.neighbourhood_code, a.date,
           a.addresses_category as category,
           coalesce(a.date - s.day, 0) as days_before,
           cast(:monthEnd as date) - a.date + 1 as days_after
    from activity a
    join complex c on c.complex_id = a.complex_id
    cross join data_start s
    where a.addresses_category is not null
      and a.date <= cast(:monthEnd as date)
),
windowed as (
    select subject.*, least(cast(:window as integer), days_before, days_after) as window_days
    from subject
)
select w.activity_id, w.type, w.complex_id, w.neighbourhood_code, w.date, w.category,
       w.days_before, w.days_after, w.window_days, counts.before, counts.after
from windowed w
left join lateral (
    select count(*) filter (where r.reported_day < w.date) as before,
           count(*) filter (where r.reported_day >= w.date) as after
    from report r
    where r.complex_id = w.complex_id
      and r.category = w.category
      and r.reported_day >= w.date - w.window_days
      and r.reported_day < w.date + w.window_days
) counts on w.window_days >= cast(:minWindow as integer)
order by w.date, w.activity_id
