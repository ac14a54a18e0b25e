-- The activities that take part in the activity effects (indicators.md, Activity effect): those at
-- a complex that address a category, whatever their date. Those dated up to the last day of m get
-- an effect row; all of them, in every month, leave their complex out of the comparison groups of
-- their category within B days of their date. In the order of the export: by date, then id.
select a.activity_id, a.type, a.complex_id, c.neighbourhood_code, a.date, a.addresses_category as category
from activity a
join complex c on c.complex_id = a.complex_id
where a.addresses_category is not null
order by a.date, a.activity_id
