-- The reports' days that the activity effects count (indicators.md, Activity effect): per complex
-- and category, for the categories that activities address, with the complex's neighbourhood, the
-- days of its reports up to the last day of m (as days since 1970-01-01), in order, as the text of
-- an integer array, '{19662,19670}' (text: it reads the same after the driver has switched a
-- statement it prepared on the server to binary results, which it does for arrays). One pass
-- over the index on (complex_id, category, reported_day) (V1__baseline.sql), which delivers the reports in this
-- order, so there is nothing to sort.
-- Parameters: :monthEnd (last day of m), :categories (text[]).
select g.complex_id, c.neighbourhood_code, g.category, g.days
from (select complex_id, category,
             cast(array_agg(reported_day - date '1970-01-01' order by reported_day) as text) as days
      from report
      where reported_day <= cast(:monthEnd as date)
        and category = any(cast(:categories as text[]))
      group by complex_id, category) g
join complex c on c.complex_id = g.complex_id
