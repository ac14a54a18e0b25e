-- The owners' sums of their complexes' figures per month (OwnerSums, owner-series.sql), for the
-- 24 months of each owner's dashboard: summing them from unit_figure reads every complex figure of
-- 24 months. A month's sums are built once and read while the month's figures and the complexes'
-- owners are those they were built from: built_at_computation is the month's
-- computed_month.computed_at, built_from a digest of the owners of the complexes and of the
-- indicators summed.
create table owner_month_built (
    period                date primary key,
    built_at_computation  timestamptz not null,
    built_from            text not null
);

create table owner_month_sum (
    period      date not null references owner_month_built (period) on delete cascade,
    owner       text not null,
    category    text not null,
    indicator   text not null,
    value       double precision,
    numerator   double precision,
    denominator double precision,
    incomplete  bigint not null,
    constraint owner_month_sum_pkey primary key (period, owner, category, indicator)
);

-- A figure written by hand through indicator_value leaves computed_at as it was: every month's
-- sums are built again.
create function owner_month_forget() returns trigger language plpgsql as $$
begin
    delete from owner_month_built;
    return null;
end
$$;

create trigger owner_month_forget after insert or update or delete on indicator_value
    for each statement execute function owner_month_forget();
