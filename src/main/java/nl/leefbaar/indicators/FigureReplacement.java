package nl.leefbaar.indicators;

import java.sql.Date;
import java.time.YearMonth;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Removes the stored figures of a run's months before the run stores new ones, inside the run's
 * transaction.
 * <p>
 * A run that replaces every month of the big tables (a backfill) does it in bulk: they are
 * emptied with TRUNCATE instead of deleting hundreds of thousands of rows one by one (which leaves
 * them dead for vacuum and bloats the key index), and their primary keys are dropped while the
 * rows are copied in and built once at the end ({@link #finish()}), by sorting, instead of
 * growing by single insertions. Both take an exclusive lock until commit, so a reader waits for
 * the new figures rather than seeing a mix. Smaller runs delete their months and keep the key.
 */
final class FigureReplacement {
    private static final Logger log = LoggerFactory.getLogger(FigureReplacement.class);
    /** Below this many months a run is not a backfill: the key index is cheaper to keep. */
    static final int BULK_MONTHS = 12;

    /** A table a run replaces by month, with the columns of its primary key. */
    private record Replaced(String table, String key) {
    }

    /** The big ones, replaced in bulk by a backfill; the others are small and always deleted by month. */
    private static final List<Replaced> BULK = List.of(
            new Replaced("unit_figure", "period, level, unit_id, category"),
            new Replaced("complex_month_fact", "period, complex_id, category"),
            new Replaced("hotspot", "period, complex_id, category"));

    private final JdbcTemplate jdbc;
    private boolean bulk;

    FigureReplacement(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void clear(YearMonth from, YearMonth to) {
        Object[] range = {Date.valueOf(from.atDay(1)), Date.valueOf(to.atDay(1))};
        for (String table : List.of("funnel_stat", "index_component")) {
            jdbc.update("delete from " + table + " where period between ? and ?", range);
        }
        long months = from.until(to, java.time.temporal.ChronoUnit.MONTHS) + 1;
        bulk = months >= BULK_MONTHS && BULK.stream().noneMatch(r -> storedOutside(r.table(), range));
        for (Replaced replaced : BULK) {
            if (bulk) {
                jdbc.execute("truncate " + replaced.table());
                jdbc.execute("alter table " + replaced.table() + " drop constraint " + replaced.table() + "_pkey");
            } else {
                jdbc.update("delete from " + replaced.table() + " where period between ? and ?", range);
            }
        }
    }

    private boolean storedOutside(String table, Object[] range) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from " + table + " where period < ? or period > ?)", Boolean.class, range));
    }

    /** Puts the primary keys back after a bulk replacement (which also checks that no key repeats). */
    void finish() {
        if (bulk) {
            long started = System.nanoTime();
            jdbc.execute("set local maintenance_work_mem = '512MB'");
            for (Replaced replaced : BULK) {
                jdbc.execute("alter table " + replaced.table() + " add constraint " + replaced.table() + "_pkey"
                        + " primary key (" + replaced.key() + ")");
            }
            log.debug("primary keys built in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
    }
}
