-- The owners' sums (OwnerSums), one month at a time from the stored sums (owner_month_sum,
-- V8__owner_month_sum.sql).

-- name: built_from
-- What a month's sums rest on besides its figures: the owner of every complex and the indicators
-- summed.
select md5(coalesce(string_agg(complex_id || '=' || coalesce(owner, ''), ',' order by complex_id), '')
           || '|' || :indicators || '|' || :perCategory)
from complex;

-- name: stale
-- The computed months among :first to :last without sums built from their current figures and
-- owners.
select m.period
from computed_month m
left join owner_month_built b on b.period = m.period
where m.period between :first and :last
  and (b.period is null or b.built_at_computation <> m.computed_at or b.built_from <> :builtFrom)
order by m.period;

-- name: forget
delete from owner_month_built where period in (:periods);

-- name: built
insert into owner_month_built (period, built_at_computation, built_from)
select period, computed_at, :builtFrom from computed_month where period in (:periods);

-- name: store
-- Stores the rows of the statement sum below (OwnerSums puts the two together).
insert into owner_month_sum (owner, period, category, indicator, value, numerator, denominator, incomplete)

-- name: read
select owner, period, category, indicator, value, numerator, denominator, incomplete
from owner_month_sum
where period between :first and :last;

-- name: uncomputed
-- The months among :first to :last without a computation: their figures, if any, were written by
-- hand, and are summed at every read.
select month::date from generate_series(:first::date, :last::date, interval '1 month') as month
except
select period from computed_month
order by 1;

-- name: sum
-- The sums behind each owner's figures (the owner's complexes added up, as indicators.md adds up a
-- neighbourhood's): per owner, month, category and indicator, the sum of the values (counts), of
-- the numerators and of the denominators (rates and shares are rebuilt from these), and how many
-- of the complexes' figures are missing for lack of look-back (then the owner's figure is too).
-- Every category for :perCategory, category all for the other :indicators.
select c.owner, v.period, v.category, v.indicator,
       sum(v.value) as value, sum(v.numerator) as numerator, sum(v.denominator) as denominator,
       count(*) filter (where v.flag = 'incomplete_lookback') as incomplete
from indicator_value v
join complex c on c.complex_id = v.unit_id
where v.level = 'complex' and v.period in (:periods) and v.indicator in (:indicators)
  and (v.category = 'all' or v.indicator in (:perCategory))
  and c.owner is not null and btrim(c.owner) <> ''
group by c.owner, v.period, v.category, v.indicator;
