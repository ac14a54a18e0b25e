-- Activities and participants per unit and month of the run, and participants in the 12 months to
-- it. Neighbourhood-wide activities count for the neighbourhood and the city, not for complexes.
create temp table unit_activities on commit drop as
with per_month as (
    select date_trunc('month', a.date::timestamp)::date as month, a.complex_id,
           coalesce(a.neighbourhood_code, c.neighbourhood_code) as neighbourhood_code,
           count(*) as activities, coalesce(sum(a.participants), 0) as participants
    from activity a left join complex c on c.complex_id = a.complex_id
    where a.date between :from12_day and :to_day
    group by 1, 2, 3)
select m.month,
       case when grouping(a.complex_id) = 0 then 'complex'
            when grouping(a.neighbourhood_code) = 0 then 'neighbourhood' else 'city' end as level,
       coalesce(a.complex_id, a.neighbourhood_code, 'city') as unit_id,
       coalesce(sum(a.activities) filter (where a.month = m.month), 0) as activities,
       coalesce(sum(a.participants) filter (where a.month = m.month), 0) as participants,
       sum(a.participants)::bigint as participants_12m
from run_month m
join per_month a on a.month between (m.month - interval '11 months')::date and m.month
group by grouping sets ((m.month, a.complex_id), (m.month, a.neighbourhood_code), (m.month))
having not (grouping(a.complex_id) = 0 and a.complex_id is null);
