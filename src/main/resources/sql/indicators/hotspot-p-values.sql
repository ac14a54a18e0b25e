-- The p-value of the rise test (RiseTest) for each pair of window counts that occurs in
-- hotspot_windows: computed once per pair of counts, in Java.

-- name: counts
select distinct reports, reports_before from hotspot_windows;

-- name: create
create temp table hotspot_p_value (reports int, reports_before int, p_value float8, primary key (reports, reports_before))
    on commit drop;

-- name: insert
insert into hotspot_p_value select * from unnest(:reports::int[], :reports_before::int[], :p_values::float8[]);
