-- The DuckDB peer of issue 23: the core indicators of one month straight from the CSV exports
-- (indicators.md): reports, reports_12m, report_rate, report_rate_12m, repeat_rate(_12m),
-- dwelling_repeat_rate(_12m), days_to_close_median/p90, closed_within_target_share, open_overdue
-- and hotspots, per canonical category and `all` (hotspots per category only), for every complex,
-- neighbourhood and the city, in the long form of indicators.csv (value, numerator, denominator;
-- no intervals or funnel flags). Run by DuckPeer with ${...} replaced. Assumes the month has
-- complete look-back (the bench's month does) and timestamps without an offset, in local time
-- Europe/Amsterdam, in one format throughout (DuckPeer reads it from the first row), as the bench
-- data have them.
set timezone = 'Europe/Amsterdam';

create table target as
select * from (values ('safety', 3), ('damage', 14), ('neighbour_nuisance', 28), ('pollution', 7)) t(category, days);

create table canonical as
select * from (values ('neighbour_nuisance'), ('pollution'), ('damage'), ('safety'), ('social'),
                      ('public_space'), ('other')) t(category);

create table mapping as
select lower(trim(source_category)) as source, category
from read_csv('${mapping}', header = true, all_varchar = true);

create table complex as
select complex_id, neighbourhood_code, dwellings::int as dwellings
from read_csv('${dir}/complexes.csv', header = true, all_varchar = true);

-- Reports up to the month's end, categories mapped, times as instants; the repeat gaps by
-- (reported_at, report_id) in the complex and in the dwelling, from W + 1 days before the 12 months
-- (a local day can be 23 hours long).
create table report as
with raw as (
    select report_id, complex_id, nullif(trim(dwelling_ref), '') as dwelling_ref,
           coalesce(m.category, c.category, 'other') as category,
           timezone('Europe/Amsterdam', strptime(reported_at, '${timestamp_format}')) as reported_at,
           timezone('Europe/Amsterdam', strptime(nullif(trim(closed_at), ''), '${timestamp_format}')) as closed_at
    from read_csv('${dir}/reports.csv', header = true, all_varchar = true, delim = '${delimiter}', quote = '"') r
    left join mapping m on m.source = lower(trim(r.category))
    left join canonical c on c.category = lower(trim(r.category)))
select *, epoch(reported_at) as at_s, epoch(closed_at) as closed_s,
       cast(reported_at as date) as day
from raw
where reported_at < timezone('Europe/Amsterdam', date '${month}' + interval 1 month);

create table flagged as
select complex_id, category, dwelling_ref, day, at_s,
       at_s - lag(at_s) over (partition by complex_id, category order by at_s, report_id) <= ${W} * 86400 as repeat,
       case when dwelling_ref is not null
            then at_s - lag(at_s) over (partition by complex_id, dwelling_ref, category order by at_s, report_id)
                 <= ${W} * 86400 end as dwelling_repeat
from report
where day >= date '${month}' - interval 11 month - (${W} + 1) * interval 1 day;

-- Per complex and category: the month's and the 12 months' counts.
create table counts as
select complex_id, category,
       count(*) filter (where day >= date '${month}') as reports,
       count(*) filter (where day >= date '${month}' and repeat) as repeats,
       count(dwelling_ref) filter (where day >= date '${month}') as dwelling_reports,
       count(*) filter (where day >= date '${month}' and dwelling_repeat) as dwelling_repeats,
       count(*) as reports_12m,
       count(*) filter (where repeat) as repeats_12m,
       count(dwelling_ref) as dwelling_reports_12m,
       count(*) filter (where dwelling_repeat) as dwelling_repeats_12m
from flagged
where day >= date '${month}' - interval 11 month
group by all;

-- Closings of the month (days to close, within target) and the reports overdue at its end.
create table handling as
select r.complex_id, r.category, (r.closed_s - r.at_s) / 86400.0 as days,
       r.closed_s - r.at_s <= coalesce(t.days, 28) * 86400 as within
from report r left join target t using (category)
where r.closed_at >= timezone('Europe/Amsterdam', date '${month}')
  and r.closed_at < timezone('Europe/Amsterdam', date '${month}' + interval 1 month);

create table overdue as
select r.complex_id, r.category, count(*) as open_overdue
from report r left join target t using (category)
where (r.closed_s is null or r.closed_s >= epoch(timezone('Europe/Amsterdam', date '${month}' + interval 1 month)))
  and r.at_s + coalesce(t.days, 28) * 86400 < epoch(timezone('Europe/Amsterdam', date '${month}' + interval 1 month))
group by all;

-- Hotspots: n reports in the 90 days that end with the month (window A), b in the 365 days before
-- (window B); p = P(X >= n), X ~ Binomial(n + b, 90 / 455); a hotspot when n >= 3 and p < 0.01.
create table windows as
select complex_id, category,
       count(*) filter (where day >= date '${month}' + interval 1 month - interval 90 day) as n,
       count(*) filter (where day < date '${month}' + interval 1 month - interval 90 day) as b
from report
where day >= date '${month}' + interval 1 month - interval 455 day
group by all
having count(*) filter (where day >= date '${month}' + interval 1 month - interval 90 day) >= 3;

create table hotspot as
select w.complex_id, w.category
from windows w, lateral (
    select sum(exp(lgamma(w.n + w.b + 1) - lgamma(k + 1) - lgamma(w.n + w.b - k + 1)
                   + k * ln(90 / 455) + (w.n + w.b - k) * ln(365 / 455))) as p
    from range(w.n, w.n + w.b + 1) s(k)) p
where p.p < 0.01;

-- Every unit with every category, as the export has them.
create table unit as
select 'complex' as level, complex_id as unit_id, neighbourhood_code, complex_id, dwellings from complex
union all
select 'neighbourhood', neighbourhood_code, neighbourhood_code, null, sum(dwellings) from complex group by all
union all
select 'city', 'city', null, null, sum(dwellings) from complex;

create table facts as
with per_complex as (
    select c.complex_id, c.neighbourhood_code, k.category,
           coalesce(n.reports, 0) as reports, coalesce(n.repeats, 0) as repeats,
           coalesce(n.dwelling_reports, 0) as dwelling_reports, coalesce(n.dwelling_repeats, 0) as dwelling_repeats,
           coalesce(n.reports_12m, 0) as reports_12m, coalesce(n.repeats_12m, 0) as repeats_12m,
           coalesce(n.dwelling_reports_12m, 0) as dwelling_reports_12m,
           coalesce(n.dwelling_repeats_12m, 0) as dwelling_repeats_12m,
           coalesce(o.open_overdue, 0) as open_overdue,
           (h.complex_id is not null)::int as hotspots
    from complex c cross join canonical k
    left join counts n on n.complex_id = c.complex_id and n.category = k.category
    left join overdue o on o.complex_id = c.complex_id and o.category = k.category
    left join hotspot h on h.complex_id = c.complex_id and h.category = k.category)
select case when grouping(complex_id) = 0 then complex_id
            when grouping(neighbourhood_code) = 0 then neighbourhood_code else 'city' end as unit_id,
       case when grouping(category) = 0 then category else 'all' end as category,
       sum(reports) as reports, sum(repeats) as repeats, sum(dwelling_reports) as dwelling_reports,
       sum(dwelling_repeats) as dwelling_repeats, sum(reports_12m) as reports_12m, sum(repeats_12m) as repeats_12m,
       sum(dwelling_reports_12m) as dwelling_reports_12m, sum(dwelling_repeats_12m) as dwelling_repeats_12m,
       sum(open_overdue) as open_overdue, sum(hotspots) as hotspots
from per_complex
group by grouping sets ((complex_id, category), (complex_id), (neighbourhood_code, category), (neighbourhood_code),
                        (category), ());

create table closings as
select case when grouping(h.complex_id) = 0 then h.complex_id
            when grouping(c.neighbourhood_code) = 0 then c.neighbourhood_code else 'city' end as unit_id,
       case when grouping(h.category) = 0 then h.category else 'all' end as category,
       count(*) as closed, count(*) filter (where within) as within,
       quantile_cont(days, 0.5) as median, quantile_cont(days, 0.9) as p90
from handling h join complex c using (complex_id)
group by grouping sets ((h.complex_id, h.category), (h.complex_id), (c.neighbourhood_code, h.category),
                        (c.neighbourhood_code), (h.category), ());

create table figures as
with f as (
    select u.level, u.unit_id, f.category, u.dwellings, f.*, cl.closed, cl.within, cl.median, cl.p90
    from unit u join facts f using (unit_id)
    left join closings cl on cl.unit_id = f.unit_id and cl.category = f.category)
select level, unit_id, category, indicator, value, numerator, denominator
from f, lateral (values
    ('reports', reports::double, null::bigint, null::bigint),
    ('reports_12m', reports_12m, null, null),
    ('report_rate', 100.0::double * reports / dwellings, reports, dwellings),
    ('report_rate_12m', 100.0::double * reports_12m / dwellings, reports_12m, dwellings),
    ('repeat_rate', case when reports > 0 then repeats / reports end, repeats, reports),
    ('repeat_rate_12m', case when reports_12m > 0 then repeats_12m / reports_12m end, repeats_12m, reports_12m),
    ('dwelling_repeat_rate', case when dwelling_reports > 0 then dwelling_repeats / dwelling_reports end,
        dwelling_repeats, dwelling_reports),
    ('dwelling_repeat_rate_12m', case when dwelling_reports_12m > 0 then dwelling_repeats_12m / dwelling_reports_12m end,
        dwelling_repeats_12m, dwelling_reports_12m),
    ('hotspots', case when category <> 'all' then hotspots end, null, null),
    ('days_to_close_median', median, null, coalesce(closed, 0)),
    ('days_to_close_p90', p90, null, coalesce(closed, 0)),
    ('closed_within_target_share', case when closed > 0 then within / closed end, coalesce(within, 0), coalesce(closed, 0)),
    ('open_overdue', open_overdue, null, null)) v(indicator, value, numerator, denominator)
where not (indicator = 'hotspots' and category = 'all');

copy (select * from figures order by level, unit_id, category, indicator) to '${out}' (header, delimiter ',');
