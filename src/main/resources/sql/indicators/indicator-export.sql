-- A month's figures for indicators.csv (IndicatorExports), in the order of the file: complexes,
-- neighbourhoods, the city, each by id, then indicators and categories in the order given.
select v.*, coalesce(c.name, n.name, 'city') as unit_name, c.dwellings as complex_dwellings
from indicator_value v
left join complex c on v.level = 'complex' and c.complex_id = v.unit_id
left join neighbourhood n on v.level = 'neighbourhood' and n.neighbourhood_code = v.unit_id
where v.period = :period
order by array_position(array['complex', 'neighbourhood', 'city'], v.level), v.unit_id,
         array_position(:indicators::text[], v.indicator), array_position(:categories::text[], v.category);
