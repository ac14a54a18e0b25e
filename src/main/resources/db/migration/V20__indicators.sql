-- Indexes and tables of the indicators stage (indicators.md).

-- Reports closed in a month (handling times, share within target) and reports still open at a
-- month's end (open_overdue): without these a one-month computation would scan the whole history.
create index report_closed_at on report (closed_at);
create index report_open_until on report ((coalesce(closed_at, 'infinity'::timestamptz)), reported_at);

-- The four components of the liveability index per unit and month (category all, 12 months to m),
-- kept so that later months can score against the reference December without recounting it, and
-- so that outputs can explain an index. Missing components are null.
create table index_component (
    period                           date not null,
    level                            text not null,
    unit_id                          text not null,
    dwellings                        double precision not null,
    report_rate_12m                  double precision,
    dwelling_repeat_rate_12m         double precision,
    closed_within_target_share_12m   double precision,
    participation_rate_12m           double precision,
    primary key (period, level, unit_id)
);

-- The hotspot list in its reading order (indicators.md: worst first = most reports, then most
-- recent), so that every output ranks it the same way.
create view hotspot_ranked as
select h.*, row_number() over (partition by period
                               order by reports desc, last_reported desc, complex_id, category) as rank
from hotspot h;
