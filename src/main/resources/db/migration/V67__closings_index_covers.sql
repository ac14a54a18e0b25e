-- The closings of a month (ind_closed, ind_pct) read complex_id, category and reported_at of every
-- report closed in it. With these in the index on closed_at, PostgreSQL reads them from the index
-- alone (an index-only scan, where the visibility map says a page is all-visible: IndicatorService
-- vacuums report before it computes) instead of fetching each report from its own heap page:
-- reports are stored in the order they were reported, and a month's closings are spread over the
-- pages of the months before it. At 10M reports the closings of one month took 0.5 s instead of
-- 1.0 s, their percentiles 1.3 s instead of 1.56 s.
drop index report_closed_at;
create index report_closed_at on report (closed_at) include (complex_id, category, reported_at);
