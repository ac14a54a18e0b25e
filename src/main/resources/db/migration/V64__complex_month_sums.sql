-- Month m's 12-month sums are those of m - 1, plus m's facts, less the facts of m - 12. With each
-- month's sums kept beside its facts, recomputing a month reads two stored months instead of its
-- eleven predecessors (at 20,000 complexes 280,000 rows instead of 1.5 million).
alter table complex_month_fact
    add column reports_12m    bigint not null default 0,
    add column repeats_12m    bigint not null default 0,
    add column dw_reports_12m bigint not null default 0,
    add column dw_repeats_12m bigint not null default 0,
    add column closed_12m     bigint not null default 0,
    add column within_12m     bigint not null default 0;

-- Months computed before have no sums stored: compute them again.
delete from computed_month;
