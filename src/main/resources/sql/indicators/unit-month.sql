-- The facts of the coarser units (the complexes' category 'all', neighbourhoods and the city) per
-- month of the run; unit-facts.sql reads the complex x category rows from complex_category_month
-- itself. The neighbourhoods' grouping sets start from neighbourhood x category sums, which are
-- hashed (the complex rows are not sorted for the grouping sets).
create temp table unit_month on commit drop as
select month, 'complex' as level, complex_id as unit_id, 'all' as category,
       sum(reports::int) as reports, sum(repeats::int) as repeats,
       sum(dwelling_reports::int) as dwelling_reports, sum(dwelling_repeats::int) as dwelling_repeats,
       sum(follow_ups::int) as follow_ups, sum(reports_12m::int) as reports_12m, sum(repeats_12m::int) as repeats_12m,
       sum(dwelling_reports_12m::int) as dwelling_reports_12m, sum(dwelling_repeats_12m::int) as dwelling_repeats_12m,
       sum(closed::int) as closed, sum(within::int) as within, sum(closed_12m::int) as closed_12m,
       sum(within_12m::int) as within_12m, sum(overdue::int) as overdue,
       count(hotspot_reports) as hotspots
from complex_category_month group by month, complex_id
union all
select month, case when grouping(neighbourhood_code) = 0 then 'neighbourhood' else 'city' end,
       coalesce(neighbourhood_code, 'city'), coalesce(category, 'all'),
       sum(reports::int) as reports, sum(repeats::int) as repeats,
       sum(dwelling_reports::int) as dwelling_reports, sum(dwelling_repeats::int) as dwelling_repeats,
       sum(follow_ups::int) as follow_ups, sum(reports_12m::int) as reports_12m, sum(repeats_12m::int) as repeats_12m,
       sum(dwelling_reports_12m::int) as dwelling_reports_12m, sum(dwelling_repeats_12m::int) as dwelling_repeats_12m,
       sum(closed::int) as closed, sum(within::int) as within, sum(closed_12m::int) as closed_12m,
       sum(within_12m::int) as within_12m, sum(overdue::int) as overdue,
       sum(hotspots::int)
from (select month, neighbourhood_code, category,
             sum(reports::int) as reports, sum(repeats::int) as repeats,
             sum(dwelling_reports::int) as dwelling_reports, sum(dwelling_repeats::int) as dwelling_repeats,
             sum(follow_ups::int) as follow_ups, sum(reports_12m::int) as reports_12m, sum(repeats_12m::int) as repeats_12m,
             sum(dwelling_reports_12m::int) as dwelling_reports_12m, sum(dwelling_repeats_12m::int) as dwelling_repeats_12m,
             sum(closed::int) as closed, sum(within::int) as within, sum(closed_12m::int) as closed_12m,
             sum(within_12m::int) as within_12m, sum(overdue::int) as overdue,
             count(hotspot_reports) as hotspots
      from complex_category_month group by 1, 2, 3) n
group by grouping sets ((month, neighbourhood_code, category), (month, neighbourhood_code), (month, category), (month));
