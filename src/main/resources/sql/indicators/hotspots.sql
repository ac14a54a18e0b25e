-- The hotspots of the run's months: the pairs whose window A holds at least hotspot_min_reports
-- reports and whose rise test gives p below hotspot_level, in the months whose data reach back to
-- the first day of window B (from hotspot_complete_from on; before it the month's hotspots are
-- missing). new_this_month: whether the pair was no hotspot at the end of the month before, null
-- when that month's hotspots are missing.
create temp table hotspots on commit drop as
with flagged as (
    select w.complex_id, w.category, w.month, w.reports, w.reports_before, p.p_value, w.last_reported
    from hotspot_windows w
    join hotspot_p_value p on p.reports = w.reports and p.reports_before = w.reports_before
    where p.p_value < :hotspot_level and w.month >= :hotspot_complete_from::date)
select h.complex_id, h.category, h.month, h.reports, h.reports_before, h.p_value, h.last_reported,
       case when (h.month - interval '1 month')::date >= :hotspot_complete_from::date
            then earlier.complex_id is null end as new_this_month
from flagged h
left join flagged earlier on earlier.complex_id = h.complex_id and earlier.category = h.category
                         and earlier.month = (h.month - interval '1 month')::date
where h.month >= :from_day::date;
