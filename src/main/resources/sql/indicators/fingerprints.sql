-- What a month's input fingerprint (Fingerprints) reads: the digests the report triggers keep
-- (V1__baseline.sql), the activities per month and the units.

-- name: report_days
select reported_day, reports, digest::text from report_day_digest where reported_day between :from_day and :to_day;

-- name: closing_months
select month, reports, digest::text from report_closing_digest where month between :from_month and :to_month;

-- name: open_months
select month, reports, digest::text from report_open_digest where month <= :to_month;

-- name: activity_months
select date_trunc('month', date::timestamp)::date, md5(string_agg(a::text, ';' order by activity_id))
from activity a group by 1;

-- name: units
select md5(coalesce((select string_agg(c::text, ';' order by complex_id) from complex c), '')
        || '#' || coalesce((select string_agg(n::text, ';' order by neighbourhood_code) from neighbourhood n), ''));
