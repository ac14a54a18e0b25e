-- The tables a computation replaces month by month become partitioned by month, one partition
-- each (unit_figure_202412, ...). Replacing a month is then dropping its partition and filling a
-- fresh one, inside the run's transaction. Deleting a month's rows and inserting them again cost
-- more than the computation that made them: the new rows met their own deleted versions in the
-- primary key (a uniqueness check that visits each old row) and in its full pages (splits). At
-- 10M reports that was 3 s for one month: deleting 168,000 unit rows, inserting 140,000 month
-- facts and 117,000 hotspots. The stored rows are kept: each moves into its month's partition.
--
-- Rows written outside a computation (by hand, or a test's fixture) for a month without a
-- partition go to the default partition; a computation of that month removes them.

drop view indicator_value;
drop view hotspot_ranked;

-- The keys keep their names (a backfill drops and builds them by name).
alter table unit_figure rename to unit_figure_unpartitioned;
alter table unit_figure_unpartitioned rename constraint unit_figure_pkey to unit_figure_unpartitioned_pkey;
alter table complex_month_fact rename to complex_month_fact_unpartitioned;
alter table complex_month_fact_unpartitioned rename constraint complex_month_fact_pkey to complex_month_fact_unpartitioned_pkey;
alter table hotspot rename to hotspot_unpartitioned;
alter table hotspot_unpartitioned rename constraint hotspot_pkey to hotspot_unpartitioned_pkey;

create table unit_figure (like unit_figure_unpartitioned including defaults including constraints) partition by list (period);
alter table unit_figure add constraint unit_figure_pkey primary key (period, level, unit_id, category);
create table complex_month_fact (like complex_month_fact_unpartitioned including defaults including constraints) partition by list (period);
alter table complex_month_fact add constraint complex_month_fact_pkey primary key (period, complex_id, category);
create table hotspot (like hotspot_unpartitioned including defaults including constraints) partition by list (period);
alter table hotspot add constraint hotspot_pkey primary key (period, complex_id, category);

do $$
declare
    t text;
    p date;
begin
    foreach t in array array['unit_figure', 'complex_month_fact', 'hotspot'] loop
        execute format('create table %I partition of %I default', t || '_default', t);
        for p in execute format('select distinct period from %I', t || '_unpartitioned') loop
            execute format('create table %I partition of %I for values in (%L)', t || '_' || to_char(p, 'YYYYMM'), t, p);
        end loop;
        execute format('insert into %I select * from %I', t, t || '_unpartitioned');
        execute format('drop table %I', t || '_unpartitioned');
    end loop;
end
$$;

create view indicator_value as
select f.period, f.level, f.unit_id, f.category, s.indicator,
       f.value[s.position] as value, f.numerator[s.position] as numerator,
       f.denominator[s.position] as denominator, f.ci_low[s.position] as ci_low,
       f.ci_high[s.position] as ci_high, f.flag[s.position] as flag
from unit_figure f
join indicator_slot s on f.present & (1 << (s.position - 1)) <> 0;

create trigger indicator_value_write instead of insert or update or delete on indicator_value
    for each row execute function indicator_value_write();

create view hotspot_ranked as
select h.*, row_number() over (partition by period
                               order by reports desc, last_reported desc, complex_id, category) as rank
from hotspot h;
