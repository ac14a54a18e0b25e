-- A month's figures for indicators.csv (IndicatorExports), a row per unit and category as stored
-- (the arrays of unit_figure, by the positions of indicator_slot), in the order of the file:
-- complexes, neighbourhoods, the city, each by id. IndicatorExports writes each unit's figures in
-- the order of the indicators and categories.
select f.level, f.unit_id, f.category, f.present, f.value, f.numerator, f.denominator, f.ci_low, f.ci_high, f.flag,
       coalesce(c.name, n.name, 'city') as unit_name, c.dwellings as complex_dwellings
from unit_figure f
left join complex c on f.level = 'complex' and c.complex_id = f.unit_id
left join neighbourhood n on f.level = 'neighbourhood' and n.neighbourhood_code = f.unit_id
where f.period = :period
order by array_position(array['complex', 'neighbourhood', 'city'], f.level), f.unit_id;
