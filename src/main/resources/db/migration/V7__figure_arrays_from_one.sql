-- The arrays of a unit_figure row start at position 1, so that a reader may take them whole
-- (IndicatorExports does). The pipeline writes them so; a row that indicator_value_write created
-- began with null arrays, and setting element p of a null array makes an array that starts at p.
-- Such a row now starts with arrays of nulls, and rows written before are moved to position 1.

create or replace function indicator_value_write() returns trigger language plpgsql as $$
declare
    p smallint;
    slots integer := (select max(position) from indicator_slot);
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
    insert into unit_figure (period, level, unit_id, category, present,
                             value, numerator, denominator, ci_low, ci_high, flag)
    values (new.period, new.level, new.unit_id, new.category, 0,
            array_fill(null::float8, array[slots]), array_fill(null::float8, array[slots]),
            array_fill(null::float8, array[slots]), array_fill(null::float8, array[slots]),
            array_fill(null::float8, array[slots]), array_fill(null::text, array[slots]))
    on conflict do nothing;
    update unit_figure set present = present | (1 << (p - 1)),
                           value[p] = new.value, numerator[p] = new.numerator, denominator[p] = new.denominator,
                           ci_low[p] = new.ci_low, ci_high[p] = new.ci_high, flag[p] = new.flag
    where period = new.period and level = new.level and unit_id = new.unit_id and category = new.category;
    return new;
end
$$;

-- Nulls before an array that starts after position 1.
update unit_figure
set value       = case when array_lower(value, 1) > 1
                       then array_fill(null::float8, array[array_lower(value, 1) - 1]) || value else value end,
    numerator   = case when array_lower(numerator, 1) > 1
                       then array_fill(null::float8, array[array_lower(numerator, 1) - 1]) || numerator else numerator end,
    denominator = case when array_lower(denominator, 1) > 1
                       then array_fill(null::float8, array[array_lower(denominator, 1) - 1]) || denominator else denominator end,
    ci_low      = case when array_lower(ci_low, 1) > 1
                       then array_fill(null::float8, array[array_lower(ci_low, 1) - 1]) || ci_low else ci_low end,
    ci_high     = case when array_lower(ci_high, 1) > 1
                       then array_fill(null::float8, array[array_lower(ci_high, 1) - 1]) || ci_high else ci_high end,
    flag        = case when array_lower(flag, 1) > 1
                       then array_fill(null::text, array[array_lower(flag, 1) - 1]) || flag else flag end
where array_lower(value, 1) > 1 or array_lower(numerator, 1) > 1 or array_lower(denominator, 1) > 1
   or array_lower(ci_low, 1) > 1 or array_lower(ci_high, 1) > 1 or array_lower(flag, 1) > 1;
