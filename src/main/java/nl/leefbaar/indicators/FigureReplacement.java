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
 * A run that replaces every month in unit_figure (a backfill) is done in bulk: the table is
 * emptied with TRUNCATE instead of deleting hundreds of thousands of rows one by one (which leaves
 * them dead for vacuum and bloats the key index), and its primary key is dropped while the
 * figures are copied in and built once at the end ({@link #finish()}), by sorting, instead of
 * growing by single insertions. Both take an exclusive lock until commit, so a reader waits for
 * the new figures rather than seeing a mix. Smaller runs delete their months and keep the key.
 */
final class FigureReplacement {
    private static final Logger log = LoggerFactory.getLogger(FigureReplacement.class);
    /** Below this many months a run is not a backfill: the key index is cheaper to keep. */
    static final int BULK_MONTHS = 12;

    private final JdbcTemplate jdbc;
    private boolean bulk;

    FigureReplacement(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void clear(YearMonth from, YearMonth to) {
        Object[] range = {Date.valueOf(from.atDay(1)), Date.valueOf(to.atDay(1))};
        for (String table : List.of("hotspot", "funnel_stat", "index_component")) {
            jdbc.update("delete from " + table + " where period between ? and ?", range);
        }
        long months = from.until(to, java.time.temporal.ChronoUnit.MONTHS) + 1;
        bulk = months >= BULK_MONTHS && !storedOutside("unit_figure", range) && !storedOutside("complex_month_fact", range);
        if (bulk) {
            jdbc.execute("truncate unit_figure, complex_month_fact");
            jdbc.execute("alter table unit_figure drop constraint unit_figure_pkey");
        } else {
            jdbc.update("delete from unit_figure where period between ? and ?", range);
            jdbc.update("delete from complex_month_fact where period between ? and ?", range);
        }
    }

    private boolean storedOutside(String table, Object[] range) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from " + table + " where period < ? or period > ?)", Boolean.class, range));
    }

    /** Puts the primary key back after a bulk replacement (it also checks that no key repeats). */
    void finish() {
        if (bulk) {
            long started = System.nanoTime();
            jdbc.execute("set local maintenance_work_mem = '512MB'");
            jdbc.execute("""
                    alter table unit_figure add constraint unit_figure_pkey
                        primary key (period, level, unit_id, category)""");
            log.debug("primary key of unit_figure built in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
    }
}
