-- The imported records (input-format.md). Free text, names of residents and addresses never
-- get here: the importer drops such columns before anything is written.

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
create index report_complex_category_time on report (complex_id, category, reported_at, report_id);
create index report_day on report (reported_day);

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

-- One row per import run, so that the Toelichting can say how fresh the data is and how many
-- rows were rejected.
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

-- Figures per month (indicators.md), in the long form of indicators.csv. period is the first
-- day of month m. unit_id is the complex id, the neighbourhood code or 'city'.
create table indicator_value (
    period      date not null,
    level       text not null check (level in ('complex', 'neighbourhood', 'city')),
    unit_id     text not null,
    category    text not null,
    indicator   text not null,
    value       double precision,
    numerator   double precision,
    denominator double precision,
    ci_low      double precision,
    ci_high     double precision,
    flag        text,
    primary key (period, level, unit_id, category, indicator)
);

-- The hotspot list at the end of month m, worst first.
create table hotspot (
    period        date not null,
    complex_id    text not null,
    category      text not null,
    reports       integer not null,
    last_reported timestamptz not null,
    primary key (period, complex_id, category)
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
