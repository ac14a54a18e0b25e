-- The dwellings with repeat reports in the months :first to :last (dwelling_month_fact), worst
-- first (most repeats, most reports, latest report, then by id): the first :limit of the whole
-- city (team_rank) and the first :limit of each owner (owner_rank), in one pass for every
-- dashboard of the month. The dwellings with a repeat come from the partial index; only their
-- rows are summed.
with repeated as (
    select distinct complex_id, category, dwelling_ref
    from dwelling_month_fact
    where period between :first and :last and repeats > 0
), dwellings as (
    select f.complex_id, f.category, f.dwelling_ref, sum(f.reports)::int as reports,
           sum(f.repeats)::int as repeats, max(f.last_reported) as last_reported
    from dwelling_month_fact f
    join repeated r on r.complex_id = f.complex_id and r.category = f.category and r.dwelling_ref = f.dwelling_ref
    where f.period between :first and :last
    group by f.complex_id, f.category, f.dwelling_ref
), ranked as (
    select d.*, c.owner,
           row_number() over (order by d.repeats desc, d.reports desc, d.last_reported desc, d.complex_id,
                                       d.category, d.dwelling_ref) as team_rank,
           row_number() over (partition by c.owner
                              order by d.repeats desc, d.reports desc, d.last_reported desc, d.complex_id,
                                       d.category, d.dwelling_ref) as owner_rank
    from dwellings d
    join complex c on c.complex_id = d.complex_id
)
select complex_id, category, dwelling_ref, reports, repeats, last_reported, owner, team_rank, owner_rank
from ranked
where team_rank <= :limit or owner_rank <= :limit
order by team_rank
