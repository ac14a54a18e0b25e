-- Where each pulled source stands (sources-and-delivery.md, Sources): the latest change time
-- committed per source and kind of record, moved in the transaction that commits the records.
-- origin is where the source pulls from (its URL, or the variable that holds it): a source that
-- points elsewhere under the same name starts again from nothing.
create table source_watermark (
    source      text not null,
    kind        text not null check (kind in ('reports', 'activities')),
    type        text not null,
    origin      text not null,
    watermark   timestamptz,
    last_pull   timestamptz not null,
    last_pulled bigint not null,
    primary key (source, kind)
);
