-- The summable facts of a complex, category and month, as the month's computation counted them
-- (rows with nothing to count are left out). Month m's 12-month figures add up m and its 11
-- predecessors; with these kept, recomputing m reads its own reports (and the look-back and
-- hotspot days before it) instead of a year of them. IndicatorService uses a month's row only
-- while that month's input fingerprint is unchanged, so they are never stale.
create table complex_month_fact (
    period      date not null,
    complex_id  text not null,
    category    text not null,
    reports     bigint not null,
    repeats     bigint not null,
    dw_reports  bigint not null,
    dw_repeats  bigint not null,
    closed      bigint not null,
    within      bigint not null,
    primary key (period, complex_id, category)
);

-- Months computed before this table existed have no facts here: compute them again.
delete from computed_month;
