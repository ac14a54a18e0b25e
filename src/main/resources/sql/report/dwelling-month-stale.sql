-- The months :first to :last whose dwelling facts are missing or were built from other reports
-- (or another W): each month's key is the count and digest of the reports of its days and the
-- :lookbackDays before them (report_day_digest), compared with the key it was built with.
with months as (
    select generate_series(:first::date, :last::date, interval '1 month')::date as period
), keys as (
    select m.period, coalesce(sum(d.reports), 0) as reports, coalesce(sum(d.digest), 0) as digest
    from months m
    left join report_day_digest d on d.reported_day >= m.period - :lookbackDays
                                 and d.reported_day < (m.period + interval '1 month')::date
    group by m.period
)
select k.period, k.reports, k.digest
from keys k left join dwelling_month_built b on b.period = k.period
where b.period is null or b.reports <> k.reports or b.digest <> k.digest or b.window_days <> :w
order by k.period
