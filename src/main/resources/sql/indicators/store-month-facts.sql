-- The run's complex facts, with their hotspot figures where the pair is a hotspot (V1__baseline.sql, V2__hotspot_rise.sql),
-- stored into the partitions FigureReplacement emptied, for the runs after it and the
-- reports. Rows with nothing to count are left out.

-- name: in_key_order
-- One month in the order of the primary key, so that its index grows at its right edge.
insert into complex_month_fact (period, complex_id, category, reports, repeats, dw_reports, dw_repeats, closed, within,
                                overdue, reports_12m, repeats_12m, dw_reports_12m, dw_repeats_12m, closed_12m,
                                within_12m, hot_reports, hot_last, hot_reports_before, hot_p_value, hot_new)
select month, complex_id, category, reports, repeats, dwelling_reports, dwelling_repeats, closed, within, overdue,
       reports_12m, repeats_12m, dwelling_reports_12m, dwelling_repeats_12m, closed_12m, within_12m,
       hotspot_reports, hotspot_last_reported, hotspot_reports_before, hotspot_p_value, hotspot_new
from complex_category_month where reports_12m > 0 or closed_12m > 0 or overdue > 0
order by month, complex_id, category;

-- name: in_month_order
-- A longer run month by month (a backfill stores without keys, FigureReplacement).
insert into complex_month_fact (period, complex_id, category, reports, repeats, dw_reports, dw_repeats, closed, within,
                                overdue, reports_12m, repeats_12m, dw_reports_12m, dw_repeats_12m, closed_12m,
                                within_12m, hot_reports, hot_last, hot_reports_before, hot_p_value, hot_new)
select month, complex_id, category, reports, repeats, dwelling_reports, dwelling_repeats, closed, within, overdue,
       reports_12m, repeats_12m, dwelling_reports_12m, dwelling_repeats_12m, closed_12m, within_12m,
       hotspot_reports, hotspot_last_reported, hotspot_reports_before, hotspot_p_value, hotspot_new
from complex_category_month where reports_12m > 0 or closed_12m > 0 or overdue > 0
order by month;
