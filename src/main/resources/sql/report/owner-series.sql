-- The sums behind each owner's figures (the owner's complexes added up, as indicators.md adds up a
-- neighbourhood's): per owner, month, category and indicator, the sum of the values (counts), of
-- the numerators and of the denominators (rates and shares are rebuilt from these), and how many
-- of the complexes' figures are missing for lack of look-back (then the owner's figure is too).
-- One pass over the complexes' figures of the months :first to :last for every owner at once;
-- every category for :perCategory, category all for the other :indicators.
select c.owner, v.period, v.category, v.indicator,
       sum(v.value) as value, sum(v.numerator) as numerator, sum(v.denominator) as denominator,
       count(*) filter (where v.flag = 'incomplete_lookback') as incomplete
from indicator_value v
join complex c on c.complex_id = v.unit_id
where v.level = 'complex' and v.period between :first and :last and v.indicator in (:indicators)
  and (v.category = 'all' or v.indicator in (:perCategory))
  and c.owner is not null and btrim(c.owner) <> ''
group by c.owner, v.period, v.category, v.indicator
