-- Reports from a corporation's data warehouse for Leefbaar's PostgreSQL source (jobs/pull-example.yml).
-- The columns of reports.csv by name (input-format.md), plus changed_at: the row's change time,
-- a timestamp with time zone, from which Leefbaar takes the watermark. :since is the watermark
-- (1900-01-01 on the first pull). ">=" reads the rows at the watermark again, so a row that shares
-- the watermark's time is never skipped; they come back unchanged. If the warehouse can commit rows
-- whose changed_at is earlier than rows already committed (long loads), read a margin before it:
-- where m.gewijzigd_op >= :since - interval '1 hour'.
-- The warehouse schema here is an example (the tests build it): adapt the names to yours. Leave out
-- free text (omschrijving), names and addresses; dwelling_ref must be a pseudonym.
select m.melding_nr      as report_id,
       m.complex_code    as complex_id,
       'VHE-' || m.vhe_nr as dwelling_ref,
       m.categorie       as category,
       m.ontvangen_op    as reported_at,
       m.afgehandeld_op  as closed_at,
       m.kanaal          as channel,
       m.vervolg         as follow_up,
       m.gewijzigd_op    as changed_at
  from dwh.melding m
 where m.gewijzigd_op >= :since
