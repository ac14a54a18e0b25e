-- What a month's figures read of the facts a run built (MonthFacts), by unit: the level, the unit's
-- id and, where it has one, the category come first.

-- name: unit_facts
-- Every unit and category, the complex x category rows from complex_category_month and the coarser
-- units from unit_month; Facts reads the columns from the fourth on by position, in this order.
select 'complex' as level, complex_id as unit_id, category,
       reports, repeats, dwelling_reports, dwelling_repeats, follow_ups, reports_12m, repeats_12m,
       dwelling_reports_12m, dwelling_repeats_12m, closed, within, closed_12m, within_12m, overdue,
       (hotspot_reports is not null)::int as hotspots
from complex_category_month where month = :month
union all
select level, unit_id, category,
       reports, repeats, dwelling_reports, dwelling_repeats, follow_ups, reports_12m, repeats_12m,
       dwelling_reports_12m, dwelling_repeats_12m, closed, within, closed_12m, within_12m, overdue,
       hotspots
from unit_month where month = :month;

-- name: close_percentiles
-- On the session that built them (HandlingFacts).
select level, unit_id, category, median, p90 from close_percentiles where month = :month;

-- name: unit_concentration
select level, unit_id, top, total from unit_concentration where month = :month;

-- name: unit_activities
select level, unit_id, activities, participants, participants_12m from unit_activities where month = :month;
