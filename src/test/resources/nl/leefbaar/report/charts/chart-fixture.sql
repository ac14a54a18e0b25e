-- Figures for the chart tests (ChartFixture): n complexes (%1$d) in k neighbourhoods (%2$d), month m (%3$s),
-- the first month with complete look-back (%4$s). Formatted by String.formatted: %% is a percent sign.
insert into neighbourhood
  select 'BU' || lpad(g::text, 4, '0'), 'Wijk ' || g, 'District ' || (g %% 3)
  from generate_series(1, %2$d) g;
insert into complex
  select 'C' || lpad(g::text, 5, '0'), 'Complex ' || g || ' Straatweg',
         'BU' || lpad((1 + g %% %2$d)::text, 4, '0'), 'corp', 10 + (g * 37) %% 300
  from generate_series(1, %1$d) g;
create temp table fx_month as
  select (date '%3$s' - make_interval(months => g))::date as period from generate_series(0, 35) g;
create temp table fx as
  select c.complex_id, c.neighbourhood_code, c.dwellings, m.period, cat.code as category,
         mod(abs(hashtext(c.complex_id || m.period::text || cat.code)),
             greatest(2, c.dwellings / 40 + 2)
             * case when c.complex_id in ('C00003', 'C00007') then 3 else 1 end) as reports,
         mod(abs(hashtext('r' || c.complex_id || m.period::text || cat.code)), 3) as repeats_raw
  from complex c cross join fx_month m
  cross join (values ('neighbour_nuisance'), ('pollution'), ('damage'), ('safety'), ('social'),
                     ('public_space'), ('other')) cat(code);
create temp table fx_units as
  select 'complex'::text as level, complex_id as unit_id, period, category,
         reports::double precision as reports, least(reports, repeats_raw)::double precision as repeats,
         dwellings::double precision as dwellings
  from fx
  union all
  select 'neighbourhood', neighbourhood_code, period, category, sum(reports),
         sum(least(reports, repeats_raw)), sum(dwellings)
  from fx group by neighbourhood_code, period, category
  union all
  select 'city', 'city', period, category, sum(reports), sum(least(reports, repeats_raw)), sum(dwellings)
  from fx group by period, category;
insert into fx_units
  select level, unit_id, period, 'all', sum(reports), sum(repeats), max(dwellings)
  from fx_units group by level, unit_id, period;
create temp table fx_roll as
  select *, sum(reports) over w as reports_12m, sum(repeats) over w as repeats_12m
  from fx_units
  window w as (partition by level, unit_id, category order by period rows 11 preceding);
delete from fx_roll where period < date '%3$s' - interval '23 months';
create temp table fx_city as
  select period, category, reports_12m / dwellings as per_dwelling from fx_roll where level = 'city';

insert into figure_long (period, level, unit_id, category, indicator, value, numerator, denominator)
  select period, level, unit_id, category, 'report_rate', 100 * reports / dwellings, reports, dwellings
  from fx_roll;
insert into figure_long (period, level, unit_id, category, indicator, value)
  select period, level, unit_id, category, 'reports_12m', reports_12m from fx_roll;
insert into figure_long
  select r.period, r.level, r.unit_id, r.category, 'report_rate_12m', 100 * r.reports_12m / r.dwellings,
         r.reports_12m, r.dwellings,
         100 * greatest(0, r.reports_12m - 1.96 * sqrt(r.reports_12m)) / r.dwellings,
         100 * (r.reports_12m + 1.96 * sqrt(r.reports_12m + 1) + 1) / r.dwellings,
         case when r.level = 'city' then null
              when z > 3.090232 then 'high' when z > 1.959964 then 'elevated'
              when z < -3.090232 then 'low' when z < -1.959964 then 'reduced' else 'in range' end
  from fx_roll r join fx_city c using (period, category),
       lateral (select (r.reports_12m - c.per_dwelling * r.dwellings)
                       / sqrt(greatest(c.per_dwelling * r.dwellings, 1e-9)) as z) zz;
insert into figure_long
  select period, level, unit_id, category, 'dwelling_repeat_rate',
         case when period >= date '%4$s' and reports > 0 then repeats / reports end,
         case when period >= date '%4$s' then repeats end,
         case when period >= date '%4$s' then reports end,
         case when period >= date '%4$s' and reports > 0 then
              (2 * repeats + 3.8415 - 1.96 * sqrt(3.8415 + 4 * repeats * (1 - repeats / reports)))
              / (2 * (reports + 3.8415)) end,
         case when period >= date '%4$s' and reports > 0 then
              (2 * repeats + 3.8415 + 1.96 * sqrt(3.8415 + 4 * repeats * (1 - repeats / reports)))
              / (2 * (reports + 3.8415)) end,
         case when period < date '%4$s' then 'incomplete_lookback' end
  from fx_roll;
insert into figure_long (period, level, unit_id, category, indicator, value, numerator, denominator, flag)
  select period, level, unit_id, category, 'dwelling_repeat_rate_12m',
         case when period >= date '%4$s' and reports_12m > 0 then repeats_12m / reports_12m end,
         case when period >= date '%4$s' then repeats_12m end,
         case when period >= date '%4$s' then reports_12m end,
         case when period < date '%4$s' then 'incomplete_lookback' end
  from fx_roll;
insert into figure_long (period, level, unit_id, category, indicator, value, numerator, denominator)
  select period, level, unit_id, 'all', 'concentration_top10_12m',
         sum(r12) filter (where rank <= ceil(0.1 * n)) / sum(r12),
         sum(r12) filter (where rank <= ceil(0.1 * n)), sum(r12)
  from (select r.period, u.level, u.unit_id, r.reports_12m as r12,
               row_number() over (partition by r.period, u.level, u.unit_id
                                  order by r.reports_12m desc, r.unit_id) as rank,
               count(*) over (partition by r.period, u.level, u.unit_id) as n
        from fx_roll r join complex c on c.complex_id = r.unit_id
        cross join lateral (values ('city', 'city'), ('neighbourhood', c.neighbourhood_code)) u(level, unit_id)
        where r.level = 'complex' and r.category = 'all' and r.period = date '%3$s') t
  group by period, level, unit_id;
insert into funnel_stat values (date '%3$s', 'complex', 'all', 'report_rate_12m', %1$d, 3.2, 0.012, true);
insert into activity_effect (period, activity_id, type, complex_id, neighbourhood_code, date, category,
                             window_days, before, after, rate_ratio, ci_low, ci_high, p_value,
                             comparison_before, comparison_after, comparison_rate_ratio,
                             effect_vs_comparison, flag)
values (date '%3$s', null, 'cleanup', null, null, null, 'pollution', null, 240, 163,
        0.6791666666666667, 0.557, 0.826, 0.0001, 900, 810, 0.9, 0.7546296296296297, null),
       (date '%3$s', null, 'greening', null, null, null, 'public_space', null, 60, 55,
        0.9166666666666666, 0.63, 1.33, 0.71, 300, 290, 0.9666666666666667, 0.9482758620689655, null),
       (date '%3$s', null, 'mediation', null, null, null, 'neighbour_nuisance', null, 30, 18,
        0.6, 0.32, 1.1, 0.11, 120, 100, 0.8333333333333334, 0.72, null),
       (date '%3$s', 'A1', 'cleanup', 'C00001', 'BU0002', date '%3$s', 'pollution', 180, 12, 3,
        0.25, 0.05, 0.9, 0.035, 40, 38, 0.95, 0.26, null);
