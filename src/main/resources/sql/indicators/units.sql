-- The units of the figures (Unit) with their dwellings.

-- name: complexes
select complex_id, name, dwellings from complex order by complex_id;

-- name: neighbourhoods
select n.neighbourhood_code, n.name, coalesce(sum(c.dwellings), 0)
from neighbourhood n left join complex c on c.neighbourhood_code = n.neighbourhood_code
group by n.neighbourhood_code, n.name order by n.neighbourhood_code;
