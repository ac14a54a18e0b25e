-- The median and 90th percentile of days to close of the reports closed in each month of the run,
-- at every level (percentiles do not add up; percentile_cont is the R-7 rule).
create temp table close_percentiles on commit drop as
select month,
       case when grouping(complex_id) = 0 then 'complex'
            when grouping(neighbourhood_code) = 0 then 'neighbourhood' else 'city' end as level,
       coalesce(complex_id, neighbourhood_code, 'city') as unit_id,
       coalesce(category, 'all') as category,
       percentile_cont(0.5) within group (order by days) as median,
       percentile_cont(0.9) within group (order by days) as p90
from (select c.neighbourhood_code collate "C" as neighbourhood_code, r.complex_id collate "C" as complex_id,
             r.category collate "C" as category,
             date_trunc('month', r.closed_at at time zone 'Europe/Amsterdam')::date as month,
             date_part('epoch', r.closed_at - r.reported_at) / 86400.0 as days
      from report r join complex c on c.complex_id = r.complex_id
      where r.closed_at >= (:from_day::timestamp at time zone 'Europe/Amsterdam')
        and r.closed_at < (:after_to_day::timestamp at time zone 'Europe/Amsterdam')) x
group by grouping sets ((month, complex_id, category), (month, complex_id),
                        (month, neighbourhood_code, category), (month, neighbourhood_code),
                        (month, category), (month));
