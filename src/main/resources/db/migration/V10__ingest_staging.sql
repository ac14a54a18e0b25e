-- Staging for the importer (nl.leefbaar.ingest): valid rows arrive here by COPY, with the line
-- they came from, and go on to the domain tables of V2 in set-based statements. UNLOGGED: they
-- are scratch space, emptied in the import's own transaction, so nothing in them needs WAL.
-- No constraints or indexes: duplicates are found here, and COPY must stay fast.

create unlogged table staging_neighbourhood (
    line               bigint not null,
    neighbourhood_code text,
    name               text,
    district           text
);

create unlogged table staging_complex (
    line               bigint not null,
    complex_id         text,
    name               text,
    neighbourhood_code text,
    owner              text,
    dwellings          integer
);

create unlogged table staging_report (
    line            bigint not null,
    report_id       text,
    complex_id      text,
    dwelling_ref    text,
    source_category text,
    category        text,
    reported_at     timestamptz,
    reported_day    date,
    closed_at       timestamptz,
    channel         text,
    follow_up       text
);

create unlogged table staging_activity (
    line               bigint not null,
    activity_id        text,
    complex_id         text,
    neighbourhood_code text,
    type               text,
    date               date,
    participants       integer,
    addresses_category text
);
