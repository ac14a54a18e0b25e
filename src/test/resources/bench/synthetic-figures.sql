-- Synthetic figures for the report benchmark and for looking at the workbooks: :complexes
-- complexes over 24 months to :month (first day), as the indicator stage would store them, and
-- :reportScale times the figures' reports as rows of report (2.3 at 12,800 complexes gives issue
-- 23's 3.3 M reports).
-- Statements are separated by lines holding only ';;'. Deterministic (setseed).
-- Figures go into the temporary table figure_long (nl.leefbaar.support.LongFigures), stored as unit_figure rows at the end.
select setseed(0.42);
;;
insert into neighbourhood
select 'BU' || lpad(i::text, 4, '0'),
       (array['Centrum','Oud-Noord','Parkwijk','Havenkwartier','De Velden','Molenbuurt','Bloemhof','Kanaalzone','Het Laar','Zuidrand'])[1 + (i - 1) % 10]
         || case when i > 10 then ' ' || ((i - 1) / 10 + 1) else '' end,
       'Wijk ' || chr(65 + (i - 1) % 6)
from generate_series(1, greatest(3, :complexes / 8)) i;
;;
insert into complex
select 'C' || lpad(i::text, 5, '0'),
       case when i = 7 then '=HYPERLINK("http://x","y")' when i = 11 then '+31 10 123'
            else (array['De Linde','Parkzicht','Het Baken','Zonnehof','De Meeuw','Vijverhof','Kastanjehof','Zuiderhuis','Torenflat','Hofje van Gijn'])[1 + i % 10] || ' ' || i end,
       'BU' || lpad((1 + (i - 1) % greatest(3, :complexes / 8))::text, 4, '0'),
       -- owners of different sizes (half, three tenths, a seventh) and a few complexes without one
       case when i % 20 < 10 then 'Corporatie Noord' when i % 20 < 16 then 'Woonstichting Zuid'
            when i % 20 < 19 then 'Wonen & Co' end,
       case when i % 23 = 0 then 6 + i % 4 else 12 + floor(random() * 280)::int end
from generate_series(1, :complexes) i;
;;
create temp table bench_unit_month as
select c.complex_id, c.neighbourhood_code, c.dwellings, k,
       (:month::date - make_interval(months => 23 - k))::date period,
       0.6 + 0.9 * (hashtext(c.complex_id) & 1023) / 1023.0 propensity
from complex c, generate_series(0, 23) k;
;;
alter table bench_unit_month add column reports int, add column repeats int, add column with_dwelling int,
    add column closed int, add column closed_in_target int, add column activities int, add column participants int;
;;
update bench_unit_month set
    reports = floor(dwellings * propensity * (0.028 + 0.008 * sin(k / 1.9) + 0.0004 * k) * (0.7 + 0.6 * random()))::int,
    activities = case when random() < 0.06 then 1 else 0 end;
;;
update bench_unit_month set
    with_dwelling = floor(reports * 0.85)::int,
    repeats = floor(floor(reports * 0.85) * least(0.9, 0.08 * propensity * propensity + 0.05 * random()))::int,
    closed = floor(reports * 0.9)::int,
    closed_in_target = floor(floor(reports * 0.9) * (0.95 - 0.2 * propensity + 0.1 * random()))::int,
    participants = activities * (5 + floor(random() * 30)::int);
;;
create temp table bench_fig as
select complex_id, neighbourhood_code, dwellings, period, k, reports, repeats, with_dwelling, closed, closed_in_target,
       activities, participants, propensity,
       sum(reports) over w reports_12m, sum(repeats) over w repeats_12m, sum(with_dwelling) over w with_dwelling_12m,
       sum(participants) over w participants_12m, count(*) over w months_12m
from bench_unit_month
window w as (partition by complex_id order by period rows between 11 preceding and current row);
;;
-- Complex figures, category all.
insert into figure_long (period, level, unit_id, category, indicator, value, numerator, denominator, ci_low, ci_high, flag)
select period, 'complex', complex_id, 'all', ind.name, ind.value, ind.num, ind.den, ind.lo, ind.hi, ind.flag
from bench_fig f,
lateral (values
    ('reports', reports::float8, null::float8, null::float8, null::float8, null::float8, null::text),
    ('reports_12m', reports_12m, null, null, null, null, null),
    ('report_rate', 100.0 * reports / dwellings, reports, dwellings, null, null, null),
    ('report_rate_12m', 100.0 * reports_12m / dwellings, reports_12m, dwellings,
        100.0 * greatest(0, reports_12m - 1.96 * sqrt(reports_12m)) / dwellings,
        100.0 * (reports_12m + 2 + 1.96 * sqrt(reports_12m + 1)) / dwellings,
        case when propensity > 1.42 then 'high' when propensity > 1.3 then 'elevated' when propensity < 0.64 then 'low'
             when propensity < 0.72 then 'reduced' else 'in range' end),
    ('dwelling_repeat_rate_12m', case when with_dwelling_12m > 0 then repeats_12m::float8 / with_dwelling_12m end,
        repeats_12m, with_dwelling_12m,
        case when with_dwelling_12m > 0 then greatest(0, repeats_12m::float8 / with_dwelling_12m - 0.08) end,
        case when with_dwelling_12m > 0 then least(1, repeats_12m::float8 / with_dwelling_12m + 0.08) end,
        case when with_dwelling_12m = 0 then null
             when repeats_12m::float8 / with_dwelling_12m > 0.16 then 'high'
             when repeats_12m::float8 / with_dwelling_12m > 0.12 then 'elevated' else 'in range' end),
    ('repeat_rate_12m', case when reports_12m > 0 then least(1, 1.8 * repeats_12m::float8 / reports_12m + 0.1) end,
        null, reports_12m, case when reports_12m > 0 then least(1, 1.8 * repeats_12m::float8 / reports_12m) end,
        case when reports_12m > 0 then least(1, 1.8 * repeats_12m::float8 / reports_12m + 0.2) end, null),
    ('closed_within_target_share', case when closed > 0 then closed_in_target::float8 / closed end, closed_in_target, closed,
        null, null, null),
    ('days_to_close_median', case when closed > 0 then 3 + 20 * propensity * random() end, null, null, null, null, null),
    ('open_overdue', floor(reports * 0.3 * propensity), null, null, null, null, null),
    ('activities', activities, null, null, null, null, null),
    ('participants', participants, null, null, null, null, null),
    ('participation_rate_12m', 100.0 * participants_12m / dwellings, participants_12m, dwellings, null, null, null),
    ('liveability_index', case when months_12m = 12 then 100 + 28 * (1.05 - propensity) + 6 * (random() - 0.5) end,
        null, null, null, null, null)
) as ind(name, value, num, den, lo, hi, flag);
;;
-- Complex figures per category, for the month only: the dwelling-level repeats per complex and category.
insert into figure_long (period, level, unit_id, category, indicator, value, numerator, denominator, ci_low, ci_high, flag)
select f.period, 'complex', f.complex_id, cat.code, 'dwelling_repeat_rate_12m', case when c.n > 0 then least(1, c.x / c.n) end,
       least(c.x, c.n), c.n, case when c.n > 0 then greatest(0, least(1, c.x / c.n) - 0.1) end,
       case when c.n > 0 then least(1, c.x / c.n + 0.15) end, null
from bench_fig f
cross join (values ('neighbour_nuisance', 0.22), ('pollution', 0.24), ('damage', 0.2), ('safety', 0.07), ('social', 0.09),
                   ('public_space', 0.11), ('other', 0.07)) as cat(code, share),
lateral (select floor(f.repeats_12m * cat.share * (0.4 + 1.2 * random() + 0 * f.k))::float8 x,
                floor(f.with_dwelling_12m * cat.share)::float8 n) c
where f.period = :month::date;
;;
-- Neighbourhood and city figures: sums of numerators and denominators, never averages.
create temp table bench_area as
select 'neighbourhood' lvl, neighbourhood_code unit, period, sum(dwellings) dwellings, sum(reports) reports,
       sum(reports_12m) reports_12m, sum(repeats) repeats, sum(with_dwelling) with_dwelling, sum(repeats_12m) repeats_12m,
       sum(with_dwelling_12m) with_dwelling_12m, sum(closed) closed, sum(closed_in_target) closed_in_target,
       sum(activities) activities, sum(participants) participants, sum(participants_12m) participants_12m,
       avg(propensity) propensity, min(months_12m) months_12m
from bench_fig group by neighbourhood_code, period
union all
select 'city', 'city', period, sum(dwellings), sum(reports), sum(reports_12m), sum(repeats), sum(with_dwelling),
       sum(repeats_12m), sum(with_dwelling_12m), sum(closed), sum(closed_in_target), sum(activities), sum(participants),
       sum(participants_12m), avg(propensity), min(months_12m)
from bench_fig group by period;
;;
insert into figure_long (period, level, unit_id, category, indicator, value, numerator, denominator, ci_low, ci_high, flag)
select period, lvl, unit, 'all', ind.name, ind.value, ind.num, ind.den, ind.lo, ind.hi, ind.flag
from bench_area a,
lateral (values
    ('reports', reports::float8, null::float8, null::float8, null::float8, null::float8, null::text),
    ('reports_12m', reports_12m, null, null, null, null, null),
    ('report_rate', 100.0 * reports / dwellings, reports, dwellings, null, null, null),
    ('report_rate_12m', 100.0 * reports_12m / dwellings, reports_12m, dwellings,
        100.0 * greatest(0, reports_12m - 1.96 * sqrt(reports_12m)) / dwellings,
        100.0 * (reports_12m + 2 + 1.96 * sqrt(reports_12m + 1)) / dwellings,
        case when lvl = 'city' then null when propensity > 1.2 then 'high' when propensity > 1.12 then 'elevated'
             when propensity < 0.9 then 'reduced' else 'in range' end),
    ('dwelling_repeat_rate', case when with_dwelling > 0 then repeats::float8 / with_dwelling end, repeats, with_dwelling, null, null, null),
    ('dwelling_repeat_rate_12m', case when with_dwelling_12m > 0 then repeats_12m::float8 / with_dwelling_12m end,
        repeats_12m, with_dwelling_12m,
        case when with_dwelling_12m > 0 then greatest(0, repeats_12m::float8 / with_dwelling_12m - 0.03) end,
        case when with_dwelling_12m > 0 then least(1, repeats_12m::float8 / with_dwelling_12m + 0.03) end,
        case when lvl = 'city' then null else 'in range' end),
    ('closed_within_target_share', case when closed > 0 then closed_in_target::float8 / closed end, closed_in_target, closed,
        case when closed > 0 then greatest(0, closed_in_target::float8 / closed - 0.05) end,
        case when closed > 0 then least(1, closed_in_target::float8 / closed + 0.05) end, null),
    ('open_overdue', floor(reports * 0.3 * propensity), null, null, null, null, null),
    ('activities', activities, null, null, null, null, null),
    ('participants', participants, null, null, null, null, null),
    ('participation_rate_12m', 100.0 * participants_12m / dwellings, participants_12m, dwellings, null, null, null),
    ('concentration_top10_12m', 0.25 + 0.1 * propensity, null, null, null, null, null),
    ('liveability_index', case when months_12m = 12 then 100 + 40 * (1.05 - propensity) + 3 * (random() - 0.5) end,
        null, null, null, null, null)
) as ind(name, value, num, den, lo, hi, flag);
;;
-- The city per category (Trends and Overzicht): fixed shares of the total with some noise.
insert into figure_long (period, level, unit_id, category, indicator, value, numerator, denominator)
select a.period, 'city', 'city', cat.code, ind.name, ind.value, ind.num, ind.den
from bench_area a
cross join (values ('neighbour_nuisance', 0.22), ('pollution', 0.24), ('damage', 0.2), ('safety', 0.07), ('social', 0.09),
                   ('public_space', 0.11), ('other', 0.07)) as cat(code, share),
lateral (select floor(a.reports * cat.share * (0.8 + 0.4 * random()))::float8 n,
                floor(a.repeats * cat.share * (0.7 + 0.6 * random()))::float8 r,
                floor(a.closed_in_target * cat.share)::float8 ct, floor(a.closed * cat.share)::float8 cl) c,
lateral (values
    ('reports', c.n, null::float8, null::float8),
    ('report_rate', 100.0 * c.n / a.dwellings, c.n, a.dwellings::float8),
    ('dwelling_repeat_rate', case when c.n > 0 then c.r / (c.n * 0.85) end, c.r, c.n * 0.85),
    ('closed_within_target_share', case when c.cl > 0 then least(1, c.ct * (0.9 + 0.2 * random()) / c.cl) end, c.ct, c.cl)
) as ind(name, value, num, den)
where a.lvl = 'city';
;;
-- Reports with pseudonymous dwellings (for the dwelling-level repeat list) and the hotspots they make.
insert into report (report_id, complex_id, dwelling_ref, source_category, category, reported_at, reported_day)
select r.complex_id || '-' || r.k || '-' || j, r.complex_id,
       case when random() < 0.85 then 'W' || lpad(floor(random() * r.dwellings)::text, 4, '0') end,
       cat, cat, ts, (ts at time zone 'Europe/Amsterdam')::date
from bench_unit_month r, generate_series(1, ceil(r.reports * :reportScale)::int) j,
lateral (select (array['neighbour_nuisance','pollution','pollution','damage','damage','safety','social','public_space','other'])
                [1 + floor(random() * 9)::int] || (case when j < 0 then 'x' else '' end) cat,
                r.period + random() * ((r.period + interval '1 month')::date - r.period) * interval '1 day' ts) x;
;;
-- The hotspots live in the month facts (V1__baseline.sql); the other facts are not read by the reports.
insert into complex_month_fact (period, complex_id, category, reports, repeats, dw_reports, dw_repeats, closed, within,
                                hot_reports, hot_last)
select :month::date, complex_id, category, 0, 0, 0, 0, 0, 0, count(*), max(reported_at)
from report
where reported_day > (:month::date + interval '1 month' - interval '90 days')::date
  and reported_day < (:month::date + interval '1 month')::date
group by complex_id, category having count(*) >= 3;
;;
insert into activity
select 'A' || f.complex_id || '-' || f.k, f.complex_id, null,
       (array['cleanup','greening','meeting','mediation','home_visit'])[1 + (hashtext(f.complex_id) & 4095) % 5],
       f.period + (hashtext(f.complex_id) & 15), f.participants,
       (array['pollution','public_space','social','neighbour_nuisance','damage'])[1 + (hashtext(f.complex_id) & 4095) % 5]
from bench_fig f where f.activities > 0;
;;
insert into activity_effect
select :month::date, a.activity_id, a.type, a.complex_id, c.neighbourhood_code, a.date, a.addresses_category,
       least(180, (:month::date + interval '1 month')::date - a.date),
       b.before, b.after, case when b.before > 0 then b.after::float8 / b.before end,
       case when b.before > 0 then 0.6 * b.after::float8 / b.before end,
       case when b.before > 0 then 1.6 * b.after::float8 / b.before + 0.1 end,
       0.02 + 0.9 * random(), b.before * 8, b.before * 7 + b.after, 0.95,
       case when b.before > 0 then b.after::float8 / b.before / 0.95 end,
       case when (:month::date + interval '1 month')::date - a.date < 30 then 'too_recent' end
from activity a join complex c on c.complex_id = a.complex_id,
lateral (select 3 + floor(random() * 12 + 0 * length(a.activity_id))::int before,
                1 + floor(random() * 10 + 0 * length(a.activity_id))::int after) b
where a.date < (:month::date + interval '1 month')::date;
;;
insert into activity_effect (period, activity_id, type, category, window_days, before, after, rate_ratio, ci_low, ci_high, p_value,
                             comparison_before, comparison_after, comparison_rate_ratio, effect_vs_comparison)
select :month::date, null, type, null, null, sum(before), sum(after), sum(after)::float8 / nullif(sum(before), 0),
       0.8 * sum(after)::float8 / nullif(sum(before), 0), 1.2 * sum(after)::float8 / nullif(sum(before), 0), 0.01,
       sum(comparison_before), sum(comparison_after), sum(comparison_after)::float8 / nullif(sum(comparison_before), 0),
       (sum(after)::float8 / nullif(sum(before), 0)) / (sum(comparison_after)::float8 / nullif(sum(comparison_before), 0))
from activity_effect where period = :month::date and flag is null group by type;
;;
insert into funnel_stat values
  (:month::date, 'complex', 'all', 'report_rate_12m', :complexes, 3.41, 0.0187, true),
  (:month::date, 'complex', 'all', 'dwelling_repeat_rate_12m', :complexes, 1.92, 0.0041, true),
  (:month::date, 'neighbourhood', 'all', 'report_rate_12m', greatest(3, :complexes / 8), 1.12, 0.0011, true);
;;
insert into computed_month values (:month::date, 'bench', extract(year from :month::date)::int - 1, now());
;;
insert into import_run (started_at, input_folder, rows_read, loaded, rejected, unmapped_categories)
select now() - interval '1 hour', 'inbox', count(*) + 17, count(*), 17, 2 from report;
