-- Concentration: per neighbourhood and for the city, the 12-month reports of the top ceil(10 %) of
-- the unit's complexes by 12-month reports (complexes without reports count, ties by complex_id),
-- and of all its complexes.
create temp table unit_concentration on commit drop as
with complexes as (
    select month, complex_id, neighbourhood_code, sum(reports_12m)::bigint as reports_12m
    from complex_category_month group by 1, 2, 3),
ranked as (
    select c.*,
           row_number() over (partition by month, neighbourhood_code order by reports_12m desc, complex_id)
               as neighbourhood_rank,
           count(*) over (partition by month, neighbourhood_code) as neighbourhood_complexes,
           row_number() over (partition by month order by reports_12m desc, complex_id) as city_rank,
           count(*) over (partition by month) as city_complexes
    from complexes c)
select month, 'neighbourhood' as level, neighbourhood_code as unit_id,
       coalesce(sum(reports_12m) filter (where neighbourhood_rank <= ceil(0.1 * neighbourhood_complexes)), 0) as top,
       sum(reports_12m)::bigint as total
from ranked group by month, neighbourhood_code
union all
select month, 'city', 'city',
       coalesce(sum(reports_12m) filter (where city_rank <= ceil(0.1 * city_complexes)), 0), sum(reports_12m)::bigint
from ranked group by month;
