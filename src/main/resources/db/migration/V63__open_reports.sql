-- open_overdue of month m counts reports still open at the end of m, however old. Counted afresh,
-- that reads every report open then (at 10 million reports a million that never closed, so it
-- grew with the history); now month m starts from m - 1's stored count (complex_month_fact.overdue)
-- and adds the reports that became overdue in m less those closed in m.
--
-- That chain is only as good as m - 1's stored count, so a month's input fingerprint must change
-- whenever the set of reports open at its end changes, also through a correction of a report
-- reported long before (say, one closed years late in a clean-up). report_open_digest keeps
-- that set as a difference: a report adds its hash in the month it was reported and subtracts it
-- in the month it was closed, so the digests of the months up to m add up to the set open at the
-- end of m. A later closing (after m) leaves m's sum alone, as it should.

alter table complex_month_fact add column overdue bigint not null default 0;

create table report_open_digest (
    month   date primary key,
    reports bigint not null,
    digest  numeric not null
);

create function report_open_hash(r report) returns bigint language sql immutable as $$
    select hashtextextended(concat_ws('|', r.report_id, r.complex_id, r.category, extract(epoch from r.reported_at)), 0)
$$;

-- One function for every kind of write, in place of V62's three mirrored ones: a statement's new
-- rows add, its old rows subtract (an update does both). Transition tables are visible to
-- dynamic SQL in the trigger function, so the same statements serve both.
create function report_digest_change() returns trigger language plpgsql as $$
declare
    source text;
    sign int;
begin
    foreach source in array case tg_op when 'INSERT' then array['new_rows']
                                       when 'DELETE' then array['old_rows']
                                       else array['old_rows', 'new_rows'] end loop
        sign := case source when 'new_rows' then 1 else -1 end;
        execute format($sql$
            insert into report_day_digest as d (reported_day, reports, digest)
            select r.reported_day, (%1$s) * count(*), (%1$s) * sum(report_reported_hash(r)) from %2$I r group by 1
            on conflict (reported_day) do update set reports = d.reports + excluded.reports, digest = d.digest + excluded.digest
            $sql$, sign, source);
        execute format($sql$
            insert into report_closing_digest as d (month, reports, digest)
            select report_closing_month(r.closed_at), (%1$s) * count(*), (%1$s) * sum(report_closed_hash(r)) from %2$I r
            where r.closed_at is not null group by 1
            on conflict (month) do update set reports = d.reports + excluded.reports, digest = d.digest + excluded.digest
            $sql$, sign, source);
        execute format($sql$
            insert into report_open_digest as d (month, reports, digest)
            select month, sum(n), sum(h)
            from (select date_trunc('month', r.reported_day::timestamp)::date as month, (%1$s) as n,
                         (%1$s) * report_open_hash(r)::numeric as h
                  from %2$I r
                  union all
                  select report_closing_month(r.closed_at), -(%1$s), -(%1$s) * report_open_hash(r)::numeric
                  from %2$I r where r.closed_at is not null) x
            group by 1
            on conflict (month) do update set reports = d.reports + excluded.reports, digest = d.digest + excluded.digest
            $sql$, sign, source);
    end loop;
    return null;
end
$$;

create or replace function report_digest_truncate() returns trigger language plpgsql as $$
begin
    truncate report_day_digest, report_closing_digest, report_open_digest;
    return null;
end
$$;

drop trigger report_digest_insert on report;
drop trigger report_digest_delete on report;
drop trigger report_digest_update on report;
drop function report_digest_insert();
drop function report_digest_delete();
drop function report_digest_update();

create trigger report_digest_insert after insert on report
    referencing new table as new_rows for each statement execute function report_digest_change();
create trigger report_digest_delete after delete on report
    referencing old table as old_rows for each statement execute function report_digest_change();
create trigger report_digest_update after update on report
    referencing old table as old_rows new table as new_rows for each statement execute function report_digest_change();

-- The reports already there.
insert into report_open_digest (month, reports, digest)
select month, sum(n), sum(h)
from (select date_trunc('month', r.reported_day::timestamp)::date as month, 1 as n, report_open_hash(r)::numeric as h from report r
      union all
      select report_closing_month(r.closed_at), -1, -report_open_hash(r)::numeric from report r where r.closed_at is not null) x
group by 1;

-- Months computed before have no overdue counts stored: compute them again.
delete from computed_month;
