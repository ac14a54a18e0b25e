-- Where the report data start and end (DataSpan), through the reported_day index: the first report's
-- time, its day and the last day.
select (select min(reported_at) from report where reported_day = (select min(reported_day) from report)),
       (select min(reported_day) from report), (select max(reported_day) from report);
