-- The 95 % interval of effect_vs_comparison (indicators.md, Activity effect): computed on the
-- log scale from the four counts, null when any of them is 0 or missing.
alter table activity_effect
    add column effect_ci_low  double precision,
    add column effect_ci_high double precision;
