-- The column definitions of one of this session's temporary tables (names, types and collations),
-- for creating its twin on another session (SnapshotSession).
select string_agg(format('%I %s%s', a.attname, format_type(a.atttypid, a.atttypmod),
                         case when a.attcollation not in (0, t.typcollation)
                              then ' collate ' || quote_ident(c.collname) else '' end), ', ' order by a.attnum)
from pg_attribute a
join pg_type t on t.oid = a.atttypid
left join pg_collation c on c.oid = a.attcollation
where a.attrelid = (pg_my_temp_schema()::regnamespace::text || '.' || :table)::regclass and a.attnum > 0 and not a.attisdropped;
