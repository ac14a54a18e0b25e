-- The dwellings with repeat reports, per month (outputs.md, Herhaalmeldingen): per month, complex,
-- category and dwelling, the reports with that dwelling reference and how many of them repeat an
-- earlier report of the same dwelling and category within W days (indicators.md). The report step
-- builds a month's rows once, from the month's reports and the W days before it, and reads the 12
-- months of the dashboards' list from here: without them every run sorted the reports of 15 months
-- (issue 23: 91.6 s of the dashboard at 3.3 M reports went to that query).
-- A month's rows are those of the reports they were built from: dwelling_month_built keeps the
-- count and the digest of those days' reports (report_day_digest, kept by the baseline schema's triggers and the
-- importer) and the W, and a month whose reports or W differ now is built again.
create table dwelling_month_built (
    period      date primary key,
    reports     bigint not null,
    digest      numeric not null,
    window_days integer not null
);

-- One row per month, complex, category and dwelling (the build's grouping makes them unique; no key
-- of four texts to maintain on a million rows a month at 3.3 M reports). The list reads the few rows
-- with repeats first (the partial index), then only those dwellings' rows.
create table dwelling_month_fact (
    period        date not null references dwelling_month_built (period) on delete cascade,
    complex_id    text not null,
    category      text not null,
    dwelling_ref  text not null,
    reports       integer not null,
    repeats       integer not null,
    last_reported timestamptz not null
);
create index dwelling_month_fact_period on dwelling_month_fact (period);
create index dwelling_month_fact_repeated on dwelling_month_fact (period) include (complex_id, category, dwelling_ref)
    where repeats > 0;
