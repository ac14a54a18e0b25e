-- Every source's watermark, for `leefbaar status`.
select source, kind, type, watermark, last_pull, last_pulled
  from source_watermark
 order by source, kind
