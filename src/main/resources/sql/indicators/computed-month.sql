-- Which months are computed from which input (computed_month).

-- name: fingerprints
select period, input_fingerprint from computed_month;

-- name: store
insert into computed_month (period, input_fingerprint, reference_year, computed_at)
values (:period, :fingerprint, :reference_year, now())
on conflict (period) do update set input_fingerprint = excluded.input_fingerprint,
    reference_year = excluded.reference_year, computed_at = excluded.computed_at;
