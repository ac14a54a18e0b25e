-- The comparison groups' counts as computed until issue 23, kept as the reference for the effects
-- bench and EffectsAgreeWithPairwiseCountingTests: every counted activity joined to every other
-- complex of its neighbourhood that had no activity addressing the category dated d - B to d + B,
-- with the reports counted for each pair (quadratic: activities x complexes of a neighbourhood).
-- One row per activity that has such a complex: activity_id, complexes, before, after.
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
select w.activity_id, count(*) as complexes, sum(counts.before) as before, sum(counts.after) as after
from windowed w
join complex other
  on other.neighbourhood_code = w.neighbourhood_code
 and other.complex_id <> w.complex_id
cross join lateral (
    select count(*) filter (where r.reported_day < w.date) as before,
           count(*) filter (where r.reported_day >= w.date) as after
    from report r
    where r.complex_id = other.complex_id
      and r.category = w.category
      and r.reported_day >= w.date - w.window_days
      and r.reported_day < w.date + w.window_days
) counts
where w.window_days >= cast(:minWindow as integer)
  and not exists (
      select 1
      from activity o
      where o.complex_id = other.complex_id
        and o.addresses_category = w.category
        and o.date between w.date - cast(:window as integer) and w.date + cast(:window as integer))
group by w.activity_id
