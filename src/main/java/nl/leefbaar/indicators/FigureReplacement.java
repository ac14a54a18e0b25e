package nl.leefbaar.indicators;

import java.sql.Date;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Removes the stored figures of a run's months before the run stores new ones, inside the run's
 * transaction.
 * <p>
 * The big tables are partitioned by month (V65): a month's partition is dropped and created
 * again, empty, so that the run's rows go into fresh pages and a fresh key index instead of
 * meeting their deleted predecessors there. Dropping a partition locks the table until commit,
 * so a reader waits for the new figures rather than seeing a mix. (A reader whose snapshot was
 * taken before the commit, in a transaction that began earlier, finds the month empty, as after
 * a TRUNCATE.) The small tables are deleted by month.
 */
final class FigureReplacement {
    /** Partitioned by month, one partition each (V65), besides the default partition for rows stored by hand. */
    static final List<String> PARTITIONED = List.of("unit_figure", "complex_month_fact", "hotspot");
    private static final DateTimeFormatter PARTITION_SUFFIX = DateTimeFormatter.ofPattern("yyyyMM");

    private final JdbcTemplate jdbc;

    FigureReplacement(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void clear(YearMonth from, YearMonth to) {
        Object[] range = {Date.valueOf(from.atDay(1)), Date.valueOf(to.atDay(1))};
        for (String table : List.of("funnel_stat", "index_component")) {
            jdbc.update("delete from " + table + " where period between ? and ?", range);
        }
        for (String table : PARTITIONED) {
            // A partition for a month cannot be created while the default one holds rows of it.
            jdbc.update("delete from " + table + "_default where period between ? and ?", range);
            for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
                String partition = table + "_" + month.format(PARTITION_SUFFIX);
                jdbc.execute("drop table if exists " + partition);
                jdbc.execute("create table " + partition + " partition of " + table + " for values in ('" + month.atDay(1) + "')");
            }
        }
    }
}
