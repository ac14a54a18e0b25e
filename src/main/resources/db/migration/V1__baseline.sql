-- Leefbaar's schema as it stands at its first release: one baseline, later changes are new
-- migrations (V2, V3, ...). A database made by the migrations before this baseline (a
-- development or bench home) cannot be upgraded: start it again with a new LEEFBAAR_HOME.

-- ---------------------------------------------------------------------------------------------
-- Spring Batch 6.0 job repository (spring-batch-core's schema-postgresql.sql), managed here so
-- that the batch tables live and migrate with Leefbaar's own.

CREATE TABLE BATCH_JOB_INSTANCE (
	JOB_INSTANCE_ID BIGINT  NOT NULL PRIMARY KEY,
	VERSION BIGINT,
	JOB_NAME VARCHAR(100) NOT NULL,
	JOB_KEY VARCHAR(32) NOT NULL,
	constraint JOB_INST_UN unique (JOB_NAME, JOB_KEY)
) ;

CREATE TABLE BATCH_JOB_EXECUTION (
	JOB_EXECUTION_ID BIGINT  NOT NULL PRIMARY KEY,
	VERSION BIGINT,
	JOB_INSTANCE_ID BIGINT NOT NULL,
	CREATE_TIME TIMESTAMP NOT NULL,
	START_TIME TIMESTAMP DEFAULT NULL,
	END_TIME TIMESTAMP DEFAULT NULL,
	STATUS VARCHAR(10),
	EXIT_CODE VARCHAR(2500),
	EXIT_MESSAGE VARCHAR(2500),
	LAST_UPDATED TIMESTAMP,
	constraint JOB_INST_EXEC_FK foreign key (JOB_INSTANCE_ID)
	references BATCH_JOB_INSTANCE(JOB_INSTANCE_ID)
) ;

CREATE TABLE BATCH_JOB_EXECUTION_PARAMS (
	JOB_EXECUTION_ID BIGINT NOT NULL,
	PARAMETER_NAME VARCHAR(100) NOT NULL,
	PARAMETER_TYPE VARCHAR(100) NOT NULL,
	PARAMETER_VALUE VARCHAR(2500),
	IDENTIFYING CHAR(1) NOT NULL,
	constraint JOB_EXEC_PARAMS_FK foreign key (JOB_EXECUTION_ID)
	references BATCH_JOB_EXECUTION(JOB_EXECUTION_ID)
) ;

CREATE TABLE BATCH_STEP_EXECUTION (
	STEP_EXECUTION_ID BIGINT  NOT NULL PRIMARY KEY,
	VERSION BIGINT NOT NULL,
	STEP_NAME VARCHAR(100) NOT NULL,
	JOB_EXECUTION_ID BIGINT NOT NULL,
	CREATE_TIME TIMESTAMP NOT NULL,
	START_TIME TIMESTAMP DEFAULT NULL,
	END_TIME TIMESTAMP DEFAULT NULL,
	STATUS VARCHAR(10),
	COMMIT_COUNT BIGINT,
	READ_COUNT BIGINT,
	FILTER_COUNT BIGINT,
	WRITE_COUNT BIGINT,
	READ_SKIP_COUNT BIGINT,
	WRITE_SKIP_COUNT BIGINT,
	PROCESS_SKIP_COUNT BIGINT,
	ROLLBACK_COUNT BIGINT,
	EXIT_CODE VARCHAR(2500),
	EXIT_MESSAGE VARCHAR(2500),
	LAST_UPDATED TIMESTAMP,
	constraint JOB_EXEC_STEP_FK foreign key (JOB_EXECUTION_ID)
	references BATCH_JOB_EXECUTION(JOB_EXECUTION_ID)
) ;

CREATE TABLE BATCH_STEP_EXECUTION_CONTEXT (
	STEP_EXECUTION_ID BIGINT NOT NULL PRIMARY KEY,
	SHORT_CONTEXT VARCHAR(2500) NOT NULL,
	SERIALIZED_CONTEXT TEXT,
	constraint STEP_EXEC_CTX_FK foreign key (STEP_EXECUTION_ID)
	references BATCH_STEP_EXECUTION(STEP_EXECUTION_ID)
) ;

CREATE TABLE BATCH_JOB_EXECUTION_CONTEXT (
	JOB_EXECUTION_ID BIGINT NOT NULL PRIMARY KEY,
	SHORT_CONTEXT VARCHAR(2500) NOT NULL,
	SERIALIZED_CONTEXT TEXT,
	constraint JOB_EXEC_CTX_FK foreign key (JOB_EXECUTION_ID)
	references BATCH_JOB_EXECUTION(JOB_EXECUTION_ID)
) ;

CREATE SEQUENCE BATCH_STEP_EXECUTION_SEQ MAXVALUE 9223372036854775807 NO CYCLE;
CREATE SEQUENCE BATCH_JOB_EXECUTION_SEQ MAXVALUE 9223372036854775807 NO CYCLE;
CREATE SEQUENCE BATCH_JOB_INSTANCE_SEQ MAXVALUE 9223372036854775807 NO CYCLE;

-- ---------------------------------------------------------------------------------------------
-- The imported records (input-format.md). Free text, names of residents and addresses never get
-- here: the importer drops such columns before anything is written.

create table neighbourhood (
    neighbourhood_code text primary key,
    name               text not null,
    district           text
);

create table complex (
    complex_id         text primary key,
    name               text not null,
    neighbourhood_code text not null references neighbourhood,
    owner              text,
    dwellings          integer not null check (dwellings > 0)
);
create index complex_neighbourhood on complex (neighbourhood_code);

-- reported_at/closed_at are instants; reported_day is the Europe/Amsterdam calendar day of
-- reported_at, stored so that month and day grouping needs no time-zone arithmetic per row.
create table report (
    report_id       text primary key,
    complex_id      text not null references complex,
    dwelling_ref    text,
    source_category text not null,
    category        text not null,
    reported_at     timestamptz not null,
    reported_day    date not null,
    closed_at       timestamptz,
    channel         text,
    follow_up       text,
    check (closed_at is null or closed_at >= reported_at)
);
-- A report's predecessors of the same complex and category (repeats, look-back).
create index report_complex_category_time on report (complex_id, category, reported_at, report_id);
-- A complex's reports of one category on a range of local days (activity effects): index-only
-- range scans.
create index report_complex_category_day on report (complex_id, category, reported_day);
create index report_day on report (reported_day);
-- The reports closed in a month, with what their handling figures read, so that PostgreSQL reads
-- them from the index alone (the computation vacuums report first to keep pages all-visible).
create index report_closed_at on report (closed_at) include (complex_id, category, reported_at);
-- The reports still open at a month's end (open_overdue).
create index report_open_until on report ((coalesce(closed_at, 'infinity'::timestamptz)), reported_at);

create table activity (
    activity_id        text primary key,
    complex_id         text references complex,
    neighbourhood_code text references neighbourhood,
    type               text not null,
    date               date not null,
    participants       integer check (participants >= 0),
    addresses_category text,
    check ((complex_id is null) <> (neighbourhood_code is null))
);
create index activity_date on activity (date);

-- One row per import run, so that the Toelichting can say how fresh the data is and how many rows
-- were rejected.
create table import_run (
    import_run_id       bigserial primary key,
    job_execution_id    bigint,
    started_at          timestamptz not null default now(),
    input_folder        text not null,
    rows_read           bigint not null default 0,
    loaded              bigint not null default 0,
    rejected            bigint not null default 0,
    new_rows            bigint not null default 0,
    changed_rows        bigint not null default 0,
    unchanged_rows      bigint not null default 0,
    unmapped_categories bigint not null default 0,
    rejects_file        text
);

-- ---------------------------------------------------------------------------------------------
-- Staging for the importer (nl.leefbaar.ingest): valid rows arrive here by COPY, with the line
-- they came from, and go on to the tables above in set-based statements. Unlogged: they are
-- scratch space, emptied in the import's own transaction, so nothing in them needs WAL. No
-- constraints or indexes: duplicates are found here, and COPY must stay fast.

create unlogged table staging_neighbourhood (
    line               bigint not null,
    neighbourhood_code text,
    name               text,
    district           text
);

create unlogged table staging_complex (
    line               bigint not null,
    complex_id         text,
    name               text,
    neighbourhood_code text,
    owner              text,
    dwellings          integer
);

create unlogged table staging_report (
    line            bigint not null,
    report_id       text,
    complex_id      text,
    dwelling_ref    text,
    source_category text,
    category        text,
    reported_at     timestamptz,
    reported_day    date,
    closed_at       timestamptz,
    channel         text,
    follow_up       text
);

create unlogged table staging_activity (
    line               bigint not null,
    activity_id        text,
    complex_id         text,
    neighbourhood_code text,
    type               text,
    date               date,
    participants       integer,
    addresses_category text
);

-- ---------------------------------------------------------------------------------------------
-- Digests of the reports per local reporting day, per local closing month, and of the reports
-- open at a month's end, kept up to date by triggers on report whoever writes it (the import, a
-- correction by hand, a test). A month's input fingerprint (indicators.Fingerprints) adds up a
-- few hundred of these rows instead of reading the reports. A digest is a count and a sum of row
-- hashes, so a statement's rows are added or subtracted as a whole, in any order: new rows add,
-- deleted rows subtract, an update does both. Hashes use epoch seconds, not timestamps as text,
-- so that they do not depend on the session's time zone.
--
-- report_open_digest keeps the set of open reports as a difference: a report adds its hash in the
-- month it was reported and subtracts it in the month it was closed, so the digests of the months
-- up to m add up to the set open at the end of m (a later closing leaves m alone). open_overdue
-- of month m starts from m - 1's stored count, so m's fingerprint must change whenever that set
-- changes, also through a correction of a report reported long before.

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

create table report_open_digest (
    month   date primary key,
    reports bigint not null,
    digest  numeric not null
);

-- What a report's figures depend on as reported (not its closing: a later closing must not touch
-- the months before it), as closed, and as open.
create function report_reported_hash(r report) returns bigint language sql immutable as $$
    select hashtextextended(concat_ws('|', r.report_id, r.complex_id, r.dwelling_ref, r.category,
                                      extract(epoch from r.reported_at), r.follow_up), 0)
$$;

create function report_closed_hash(r report) returns bigint language sql immutable as $$
    select hashtextextended(concat_ws('|', r.report_id, r.complex_id, r.category,
                                      extract(epoch from r.reported_at), extract(epoch from r.closed_at)), 0)
$$;

create function report_open_hash(r report) returns bigint language sql immutable as $$
    select hashtextextended(concat_ws('|', r.report_id, r.complex_id, r.category, extract(epoch from r.reported_at)), 0)
$$;

create function report_closing_month(closed_at timestamptz) returns date language sql immutable as $$
    select date_trunc('month', closed_at at time zone 'Europe/Amsterdam')::date
$$;

-- One function for every kind of write: a statement's new rows add, its old rows subtract (an
-- update does both). Transition tables are visible to dynamic SQL in the trigger function, so the
-- same statements serve both.
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

create function report_digest_truncate() returns trigger language plpgsql as $$
begin
    truncate report_day_digest, report_closing_digest, report_open_digest;
    return null;
end
$$;

create trigger report_digest_insert after insert on report
    referencing new table as new_rows for each statement execute function report_digest_change();
create trigger report_digest_delete after delete on report
    referencing old table as old_rows for each statement execute function report_digest_change();
create trigger report_digest_update after update on report
    referencing old table as old_rows new table as new_rows for each statement execute function report_digest_change();
create trigger report_digest_truncate after truncate on report
    for each statement execute function report_digest_truncate();

-- ---------------------------------------------------------------------------------------------
-- The figures of a month (indicators.md), one row per unit and category: the indicators of a unit
-- and category share one row, the position of an indicator (indicator_slot) is its index in the
-- arrays, and bit (position - 1) of `present` says that the indicator has a figure there (a row
-- in the long form, possibly with an empty value). An array is null when every element is.
-- Readers keep the long form of indicators.csv through the view indicator_value below.
--
-- unit_figure and complex_month_fact are partitioned by month, one partition each
-- (unit_figure_202412, ...), created by the computation: replacing a month empties its partition
-- and fills it again inside the run's transaction. Rows written outside a computation (by hand,
-- a test's fixture) for a month without a partition go to the default partition; a computation
-- of that month removes them. A backfill drops and builds the primary keys by these names.

create table indicator_slot (
    position  smallint primary key check (position between 1 and 31),
    indicator text not null unique
);

-- The order of indicators.md's table (and of nl.leefbaar.indicators.Indicator).
insert into indicator_slot (position, indicator) values
    (1, 'reports'), (2, 'reports_12m'), (3, 'report_rate'), (4, 'report_rate_12m'),
    (5, 'repeat_rate'), (6, 'repeat_rate_12m'), (7, 'dwelling_repeat_rate'), (8, 'dwelling_repeat_rate_12m'),
    (9, 'hotspots'), (10, 'concentration_top10_12m'), (11, 'days_to_close_median'), (12, 'days_to_close_p90'),
    (13, 'closed_within_target_share'), (14, 'open_overdue'), (15, 'follow_up_share'), (16, 'activities'),
    (17, 'participants'), (18, 'participation_rate_12m'), (19, 'liveability_index');

create table unit_figure (
    period      date not null,
    level       text not null check (level in ('complex', 'neighbourhood', 'city')),
    unit_id     text not null,
    category    text not null,
    present     integer not null,
    value       double precision[],
    numerator   double precision[],
    denominator double precision[],
    ci_low      double precision[],
    ci_high     double precision[],
    flag        text[],
    constraint unit_figure_pkey primary key (period, level, unit_id, category)
) partition by list (period);
create table unit_figure_default partition of unit_figure default;

create view indicator_value as
select f.period, f.level, f.unit_id, f.category, s.indicator,
       f.value[s.position] as value, f.numerator[s.position] as numerator,
       f.denominator[s.position] as denominator, f.ci_low[s.position] as ci_low,
       f.ci_high[s.position] as ci_high, f.flag[s.position] as flag
from unit_figure f
join indicator_slot s on f.present & (1 << (s.position - 1)) <> 0;

-- One figure written in the long form: its unit's row is created when missing, the indicator's
-- elements set and its bit raised. Meant for a few rows (fixtures, hand corrections); the
-- pipeline writes unit_figure directly, with COPY.
create function indicator_value_write() returns trigger language plpgsql as $$
declare
    p smallint;
begin
    if tg_op in ('UPDATE', 'DELETE') then
        select position into p from indicator_slot where indicator = old.indicator;
        update unit_figure set present = present & ~(1 << (p - 1)),
                               value[p] = null, numerator[p] = null, denominator[p] = null,
                               ci_low[p] = null, ci_high[p] = null, flag[p] = null
        where period = old.period and level = old.level and unit_id = old.unit_id and category = old.category;
        if tg_op = 'DELETE' then
            return old;
        end if;
    end if;
    select position into p from indicator_slot where indicator = new.indicator;
    if p is null then
        raise exception 'unknown indicator: %', new.indicator;
    end if;
    insert into unit_figure (period, level, unit_id, category, present)
    values (new.period, new.level, new.unit_id, new.category, 0)
    on conflict do nothing;
    update unit_figure set present = present | (1 << (p - 1)),
                           value[p] = new.value, numerator[p] = new.numerator, denominator[p] = new.denominator,
                           ci_low[p] = new.ci_low, ci_high[p] = new.ci_high, flag[p] = new.flag
    where period = new.period and level = new.level and unit_id = new.unit_id and category = new.category;
    return new;
end
$$;

create trigger indicator_value_write instead of insert or update or delete on indicator_value
    for each row execute function indicator_value_write();

-- The summable facts of a complex, category and month as the month's computation counted them
-- (rows with nothing to count are left out), with the 12-month sums to that month and the
-- reports open and overdue at its end. Month m's sums are m - 1's plus m's facts less those of
-- m - 12, so recomputing m reads two stored months and its own reports. IndicatorService uses a
-- month's rows only while that month's input fingerprint is unchanged. hot_reports and hot_last
-- hold the pair's hotspot (null where it is none).
create table complex_month_fact (
    period         date not null,
    complex_id     text not null,
    category       text not null,
    reports        bigint not null,
    repeats        bigint not null,
    dw_reports     bigint not null,
    dw_repeats     bigint not null,
    closed         bigint not null,
    within         bigint not null,
    overdue        bigint not null default 0,
    reports_12m    bigint not null default 0,
    repeats_12m    bigint not null default 0,
    dw_reports_12m bigint not null default 0,
    dw_repeats_12m bigint not null default 0,
    closed_12m     bigint not null default 0,
    within_12m     bigint not null default 0,
    hot_reports    integer,
    hot_last       timestamptz,
    constraint complex_month_fact_pkey primary key (period, complex_id, category)
) partition by list (period);
create table complex_month_fact_default partition of complex_month_fact default;

-- The hotspot list at the end of each month.
create view hotspot as
select period, complex_id, category, hot_reports as reports, hot_last as last_reported
from complex_month_fact
where hot_reports is not null;

-- The hotspot list in its reading order, so that every output ranks it the same way.
create view hotspot_ranked as
select h.*, row_number() over (partition by period
                               order by reports desc, last_reported desc, complex_id, category) as rank
from hotspot h;

-- The four components of the liveability index per unit and month (category all, 12 months to
-- m), kept so that later months score against the reference year without recounting it, and so
-- that outputs can explain an index. Missing components are null.
create table index_component (
    period                         date not null,
    level                          text not null,
    unit_id                        text not null,
    dwellings                      double precision not null,
    report_rate_12m                double precision,
    dwelling_repeat_rate_12m       double precision,
    closed_within_target_share_12m double precision,
    participation_rate_12m         double precision,
    primary key (period, level, unit_id)
);

-- Activity effects as of month m (activity-effects.csv); activity_id is null on a pooled row.
create table activity_effect (
    period                date not null,
    activity_id           text,
    type                  text not null,
    complex_id            text,
    neighbourhood_code    text,
    date                  date,
    category              text,
    window_days           integer,
    before                integer,
    after                 integer,
    rate_ratio            double precision,
    ci_low                double precision,
    ci_high               double precision,
    p_value               double precision,
    comparison_before     integer,
    comparison_after      integer,
    comparison_rate_ratio double precision,
    effect_vs_comparison  double precision,
    flag                  text
);
create index activity_effect_period on activity_effect (period);

-- Statistics of a month's funnel comparison (phi and tau2 for the Toelichting and the chart).
create table funnel_stat (
    period    date not null,
    level     text not null,
    category  text not null,
    indicator text not null,
    units     integer not null,
    phi       double precision,
    tau2      double precision,
    adjusted  boolean not null,
    primary key (period, level, category, indicator)
);

-- Which months are computed, from which input: a month is recomputed only when the data it
-- depends on changed (input_fingerprint) or the user forces it.
create table computed_month (
    period            date primary key,
    input_fingerprint text not null,
    reference_year    integer,
    computed_at       timestamptz not null default now()
);

-- ---------------------------------------------------------------------------------------------
-- Who runs which job for which month. The lock itself is a PostgreSQL advisory lock held by the
-- running process's session (so a killed process cannot leave it behind); this row only names
-- the holder for the one that has to wait. A row left by a killed process is overwritten by the
-- next holder.
create table run_lock (
    job    text not null,
    month  text not null,
    holder text not null,
    since  timestamptz not null default now(),
    primary key (job, month)
);
