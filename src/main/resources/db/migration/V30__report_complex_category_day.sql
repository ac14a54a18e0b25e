-- Activity effects count a complex's reports of one category on a range of local days, for every
-- activity and for every complex of its comparison group. With the day in the index these are
-- index-only range scans instead of reading every report of the complex and category.
create index report_complex_category_day on report (complex_id, category, reported_day);
