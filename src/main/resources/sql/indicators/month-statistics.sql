-- What a month's computation stores besides its figures: the statistics of its funnels and the
-- components of every unit's liveability index.

-- name: funnel_stat
insert into funnel_stat (period, level, category, indicator, units, phi, tau2, adjusted)
values (:period, :level, :category, :indicator, :units, :phi, :tau2, :adjusted);

-- name: index_component
-- A row per unit, in one statement over arrays.
insert into index_component (period, level, unit_id, dwellings, report_rate_12m,
    dwelling_repeat_rate_12m, closed_within_target_share_12m, participation_rate_12m)
select :period, * from unnest(:levels::text[], :unit_ids::text[], :dwellings::float8[], :report_rates::float8[],
                             :dwelling_repeat_rates::float8[], :closed_within_target_shares::float8[],
                             :participation_rates::float8[]);

-- name: reference_components
-- The complexes' components of the reference December, as stored when it was computed.
select * from index_component where period = :period and level = 'complex';
