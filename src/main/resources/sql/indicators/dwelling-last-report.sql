-- The latest report time per complex, dwelling and category before the counted months, for the
-- dwellings with counted reports only (a few thousand of the dwellings in a month's look-back):
-- a dwelling's first counted report takes its predecessor from here. Reading from before
-- lookback_day is harmless: an earlier time is more than W before every counted report.
create temp table dwelling_last_report on commit drop as
select complex_id collate "C" as complex_id, category collate "C" as category,
       dwelling_ref collate "C" as dwelling_ref, max(reported_at) as last_at
from report
where reported_day >= :lookback_day and reported_day < :counted_day and dwelling_ref is not null
  and (complex_id, category, dwelling_ref) in (select complex_id, category, dwelling_ref from report
                                             where reported_day between :counted_day and :to_day and dwelling_ref is not null)
group by 1, 2, 3;
