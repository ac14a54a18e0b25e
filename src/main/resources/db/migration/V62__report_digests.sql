-- Digests of the reports per local reporting day and per local closing month, kept up to date by
-- triggers on report, whoever writes it (the import, a correction by hand, a test).
--
-- A month's input fingerprint (indicators: Fingerprints) adds up the digests of about 27 months
-- of days and 12 closing months. Summed from report on every run, that read every report of those
-- months (2 s for 1 million reports, 15 s for 10 million) before anything was computed; kept here
-- it reads a thousand small rows. A digest is a count and a sum of row hashes, so a statement's
-- rows are added or subtracted as a whole, in any order: new rows add, deleted rows subtract, an
-- update does both. Hashes use epoch seconds, not timestamps as text, so that they do not depend
-- on the session's time zone.

create table report_day_digest (
    reported_day date primary key,
    reports      bigint not null,
    digest       numeric not null
);

create table report_closing_digest (
    month   date primary key,
    reports bigint not null,
    digest  numeric not null
);

-- What a report's figures depend on as reported (not its closing: a later closing must not touch
-- the months before it), and as closed.
create function report_reported_hash(r report) returns bigint language sql immutable as $$
    select hashtextextended(concat_ws('|', r.report_id, r.complex_id, r.dwelling_ref, r.category,
                                      extract(epoch from r.reported_at), r.follow_up), 0)
$$;

create function report_closed_hash(r report) returns bigint language sql immutable as $$
    select hashtextextended(concat_ws('|', r.report_id, r.complex_id, r.category,
                                      extract(epoch from r.reported_at), extract(epoch from r.closed_at)), 0)
$$;

create function report_closing_month(closed_at timestamptz) returns date language sql immutable as $$
    select date_trunc('month', closed_at at time zone 'Europe/Amsterdam')::date
$$;

create function report_digest_insert() returns trigger language plpgsql as $$
begin
    insert into report_day_digest as d (reported_day, reports, digest)
    select r.reported_day, count(*), sum(report_reported_hash(r)) from new_rows r group by 1
    on conflict (reported_day) do update set reports = d.reports + excluded.reports, digest = d.digest + excluded.digest;
    insert into report_closing_digest as d (month, reports, digest)
    select report_closing_month(r.closed_at), count(*), sum(report_closed_hash(r)) from new_rows r
    where r.closed_at is not null group by 1
    on conflict (month) do update set reports = d.reports + excluded.reports, digest = d.digest + excluded.digest;
    return null;
end
$$;

create function report_digest_delete() returns trigger language plpgsql as $$
begin
    insert into report_day_digest as d (reported_day, reports, digest)
    select r.reported_day, -count(*), -sum(report_reported_hash(r)) from old_rows r group by 1
    on conflict (reported_day) do update set reports = d.reports + excluded.reports, digest = d.digest + excluded.digest;
    insert into report_closing_digest as d (month, reports, digest)
    select report_closing_month(r.closed_at), -count(*), -sum(report_closed_hash(r)) from old_rows r
    where r.closed_at is not null group by 1
    on conflict (month) do update set reports = d.reports + excluded.reports, digest = d.digest + excluded.digest;
    return null;
end
$$;

create function report_digest_update() returns trigger language plpgsql as $$
begin
    insert into report_day_digest as d (reported_day, reports, digest)
    select reported_day, sum(n), sum(h)
    from (select r.reported_day, 1 as n, report_reported_hash(r)::numeric as h from new_rows r
          union all
          select r.reported_day, -1, -report_reported_hash(r)::numeric from old_rows r) x
    group by 1
    on conflict (reported_day) do update set reports = d.reports + excluded.reports, digest = d.digest + excluded.digest;
    insert into report_closing_digest as d (month, reports, digest)
    select month, sum(n), sum(h)
    from (select report_closing_month(r.closed_at) as month, 1 as n, report_closed_hash(r)::numeric as h
          from new_rows r where r.closed_at is not null
          union all
          select report_closing_month(r.closed_at), -1, -report_closed_hash(r)::numeric
          from old_rows r where r.closed_at is not null) x
    group by 1
    on conflict (month) do update set reports = d.reports + excluded.reports, digest = d.digest + excluded.digest;
    return null;
end
$$;

create function report_digest_truncate() returns trigger language plpgsql as $$
begin
    truncate report_day_digest, report_closing_digest;
    return null;
end
$$;

create trigger report_digest_insert after insert on report
    referencing new table as new_rows for each statement execute function report_digest_insert();
create trigger report_digest_delete after delete on report
    referencing old table as old_rows for each statement execute function report_digest_delete();
create trigger report_digest_update after update on report
    referencing old table as old_rows new table as new_rows for each statement execute function report_digest_update();
create trigger report_digest_truncate after truncate on report
    for each statement execute function report_digest_truncate();

-- The reports already there.
insert into report_day_digest (reported_day, reports, digest)
select r.reported_day, count(*), sum(report_reported_hash(r)) from report r group by 1;
insert into report_closing_digest (month, reports, digest)
select report_closing_month(r.closed_at), count(*), sum(report_closed_hash(r)) from report r
where r.closed_at is not null group by 1;
