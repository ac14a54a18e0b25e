-- Activities from the data warehouse (jobs/pull-example.yml): the columns of activities.csv by name,
-- plus changed_at; :since is the watermark of this query (each query has its own).
select a.activiteit_nr   as activity_id,
       a.complex_code    as complex_id,
       a.buurt_code      as neighbourhood_code,
       a.soort           as type,
       a.datum           as date,
       a.deelnemers      as participants,
       a.doel_categorie  as addresses_category,
       a.gewijzigd_op    as changed_at
  from dwh.activiteit a
 where a.gewijzigd_op >= :since
