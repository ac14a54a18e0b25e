-- The figures of a month, stored one row per unit and category instead of one row per indicator.
--
-- indicators.md's export has a row per unit, category and indicator: for 20,000 complexes that is
-- about 2.3 million rows a month, each repeating its text key, and a backfill of three years
-- wrote 82 million of them and spent minutes building their primary key. Here the nineteen
-- indicators of a unit and category share one row: the position of an indicator (indicator_slot)
-- is its index in the arrays, and bit (position - 1) of `present` says that the indicator has a
-- figure there (a row in the long form, possibly with an empty value). An array is null when
-- every element is.
--
-- Readers keep the long form: indicator_value below is a view with the same columns as the table
-- it replaces, and writable (INSTEAD OF triggers) for fixtures and hand corrections.

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
    primary key (period, level, unit_id, category)
);

-- The stored figures were in the long table; they are computed again from the reports on the next
-- run (every month's input fingerprint is forgotten), rather than converted here.
drop table indicator_value;
delete from computed_month;

create view indicator_value as
select f.period, f.level, f.unit_id, f.category, s.indicator,
       f.value[s.position] as value, f.numerator[s.position] as numerator,
       f.denominator[s.position] as denominator, f.ci_low[s.position] as ci_low,
       f.ci_high[s.position] as ci_high, f.flag[s.position] as flag
from unit_figure f
join indicator_slot s on f.present & (1 << (s.position - 1)) <> 0;

-- One figure written in the long form: its unit's row is created when missing, the indicator's
-- elements set and its bit raised. Slow per row, and meant for a few rows (the pipeline writes
-- unit_figure directly, with COPY).
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
