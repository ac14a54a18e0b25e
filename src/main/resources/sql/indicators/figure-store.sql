-- Storing a month's figures (FigureCopy, FigureReplacement).

-- name: indicator_slots
-- The position of each indicator in the arrays of unit_figure (V1__baseline.sql).
select indicator, position from indicator_slot;

-- name: copy_figures
copy unit_figure (period, level, unit_id, category, present, value, numerator,
                  denominator, ci_low, ci_high, flag) from stdin (format binary);

-- name: partition_sizes
-- The existing partitions among the names given, with their sizes.
select relname::text, pg_relation_size(oid) from pg_class
where relname = any (:names) and relkind = 'r' and pg_table_is_visible(oid);
