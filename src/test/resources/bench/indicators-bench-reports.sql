-- The synthetic reports of IndicatorsBench: about 500 per complex over 2022-2024, 70 % with a dwelling,
-- 90 % closed. Parameters: the number of complexes, the number of reports.
insert into report (report_id, complex_id, dwelling_ref, source_category, category, reported_at,
                    reported_day, closed_at, channel, follow_up)
select 'R' || i, complex_id, dwelling_ref, category, category, reported_at,
       (reported_at at time zone 'Europe/Amsterdam')::date,
       case when random() < 0.9 then reported_at + make_interval(secs => 86400 * 20 * -ln(1 - random())) end,
       'app', case when random() < 0.3 then 'visit' end
from (select i, 'C' || lpad((1 + (hashint8(i) & 2147483647) % ?)::text, 6, '0') as complex_id,
             case when random() < 0.7 then 'D' || (random() * 150)::int end as dwelling_ref,
             (array['neighbour_nuisance', 'pollution', 'pollution', 'damage', 'damage', 'damage',
                    'safety', 'social', 'public_space', 'other'])[1 + floor(random() * 10)::int] as category,
             timestamptz '2022-01-01 00:00+01' + random() * interval '1095 days' as reported_at
      from generate_series(1, ?) i) g
-- in the order they were reported, as monthly exports append them (stored in id
-- order, every range of days would be spread over every page of the table)
order by reported_at

