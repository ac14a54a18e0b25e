-- A source's watermark after a pull, in the transaction that commits its records.
-- Parameters: source, kind, type, origin, watermark, last_pull, last_pulled.
insert into source_watermark as w (source, kind, type, origin, watermark, last_pull, last_pulled)
values (?, ?, ?, ?, ?, ?, ?)
on conflict (source, kind) do update
   set type = excluded.type,
       origin = excluded.origin,
       watermark = excluded.watermark,
       last_pull = excluded.last_pull,
       last_pulled = excluded.last_pulled
