-- The report digests of a load that the importer computed (ReportDigests), added to the stored
-- ones as the trigger report_digest_change (V1__baseline.sql) adds a statement's rows. Parameters: the keys
-- (days or first days of months) as text[], the counts as bigint[], the digests as text[] (numeric
-- values beyond 64 bits).

-- name: report-day-digest
insert into report_day_digest as d (reported_day, reports, digest)
select k, n, h from unnest(cast(:keys as text[])::date[], cast(:counts as bigint[]), cast(:digests as text[])::numeric[]) as x (k, n, h)
on conflict (reported_day) do update set reports = d.reports + excluded.reports, digest = d.digest + excluded.digest;

-- name: report-closing-digest
insert into report_closing_digest as d (month, reports, digest)
select k, n, h from unnest(cast(:keys as text[])::date[], cast(:counts as bigint[]), cast(:digests as text[])::numeric[]) as x (k, n, h)
on conflict (month) do update set reports = d.reports + excluded.reports, digest = d.digest + excluded.digest;

-- name: report-open-digest
insert into report_open_digest as d (month, reports, digest)
select k, n, h from unnest(cast(:keys as text[])::date[], cast(:counts as bigint[]), cast(:digests as text[])::numeric[]) as x (k, n, h)
on conflict (month) do update set reports = d.reports + excluded.reports, digest = d.digest + excluded.digest;
