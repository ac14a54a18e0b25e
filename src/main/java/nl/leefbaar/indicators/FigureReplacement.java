package nl.leefbaar.indicators;

import java.sql.Date;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Removes the stored figures of a run's months before the run stores new ones, inside the
 * run's transaction.
 * <p>
 * The big tables are partitioned by month (V1__baseline.sql): a big month's partition is
 * emptied with TRUNCATE (or created), so that the run's rows go into fresh pages and a
 * fresh key index instead of meeting their deleted predecessors there. TRUNCATE locks the
 * partition until commit, so a reader waits for the new figures rather than seeing a mix.
 * (A reader whose snapshot was taken before the commit, in a transaction that began
 * earlier, finds the month empty.) Small partitions, and the small tables, are deleted by
 * month.
 * <p>
 * A backfill, which replaces everything stored, also drops the partitions' primary keys
 * while it stores and builds them at the end ({@link #finish()}).
 */
final class FigureReplacement {

	private static final Logger log = LoggerFactory.getLogger(FigureReplacement.class);

	/** A table partitioned by month, with the columns of its primary key. */
	private record Partitioned(String table, String key) {
	}

	/**
	 * One partition a month each (V1__baseline.sql), besides the default partition for
	 * rows stored by hand.
	 */
	private static final List<Partitioned> PARTITIONED = List.of(
			new Partitioned("unit_figure", "period, level, unit_id, category"),
			new Partitioned("complex_month_fact", "period, complex_id, category"));

	/** From this many months on, a run that replaces everything stored is a backfill. */
	private static final int BULK_MONTHS = 12;

	/**
	 * Partitions from this size on are emptied by TRUNCATE, smaller ones by deleting
	 * their rows.
	 */
	private static final long TRUNCATE_BYTES = 1 << 20;

	private static final DateTimeFormatter PARTITION_SUFFIX = DateTimeFormatter.ofPattern("yyyyMM");

	private final JdbcTemplate jdbc;

	private boolean bulk;

	/**
	 * A month's partition of a partitioned table, named after both: unit_figure_202412.
	 */
	private record Partition(String table, YearMonth month) {
		String name() {
			return table + "_" + month.format(PARTITION_SUFFIX);
		}
	}

	FigureReplacement(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void clear(YearMonth from, YearMonth to) {
		Object[] range = { Date.valueOf(from.atDay(1)), Date.valueOf(to.atDay(1)) };
		for (String table : List.of("funnel_stat", "index_component")) {
			jdbc.update("delete from " + table + " where period between ? and ?", range);
		}
		List<Partition> partitions = new ArrayList<>();
		for (Partitioned partitioned : PARTITIONED) {
			for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
				partitions.add(new Partition(partitioned.table(), month));
			}
		}
		// A big partition is emptied by TRUNCATE (a new file for the table and its
		// index), the rest by deleting their rows, which costs less than TRUNCATE's
		// file work. The delete also empties the months' rows in the default
		// partition, where they would keep their partitions from being created.
		Map<String, Long> existing = new HashMap<>();
		new NamedParameterJdbcTemplate(jdbc).query(IndicatorSql.statement("figure-store", "partition_sizes"),
				new MapSqlParameterSource("names", partitions.stream().map(Partition::name).toArray(String[]::new)),
				rs -> {
					existing.put(rs.getString(1), rs.getLong(2));
				});
		List<String> big = existing.keySet()
			.stream()
			.filter(name -> existing.get(name) >= TRUNCATE_BYTES)
			.sorted()
			.toList();
		if (!big.isEmpty()) {
			jdbc.execute("truncate " + String.join(", ", big));
		}
		for (Partitioned partitioned : PARTITIONED) {
			jdbc.update("delete from " + partitioned.table() + " where period between ? and ?", range);
		}
		for (Partition partition : partitions) {
			if (!existing.containsKey(partition.name())) {
				jdbc.execute("create table " + partition.name() + " partition of " + partition.table()
						+ " for values in ('" + partition.month().atDay(1) + "')");
			}
		}
		// A backfill stores without the keys and builds them once at the end, by sorting,
		// instead of growing them row by row.
		long months = from.until(to, ChronoUnit.MONTHS) + 1;
		bulk = months >= BULK_MONTHS && PARTITIONED.stream().noneMatch(p -> storedOutside(p.table(), range));
		if (bulk) {
			for (Partitioned partitioned : PARTITIONED) {
				jdbc.execute(
						"alter table " + partitioned.table() + " drop constraint " + partitioned.table() + "_pkey");
			}
		}
	}

	private boolean storedOutside(String table, Object[] range) {
		return Boolean.TRUE.equals(jdbc.queryForObject(
				"select exists (select 1 from " + table + " where period < ? or period > ?)", Boolean.class, range));
	}

	/**
	 * Puts the primary keys back after a backfill (which also checks that no key
	 * repeats).
	 */
	void finish() {
		if (bulk) {
			long started = System.nanoTime();
			jdbc.execute("set local maintenance_work_mem = '512MB'");
			for (Partitioned partitioned : PARTITIONED) {
				jdbc.execute("alter table " + partitioned.table() + " add constraint " + partitioned.table() + "_pkey"
						+ " primary key (" + partitioned.key() + ")");
			}
			log.debug("primary keys built in {} ms", (System.nanoTime() - started) / 1_000_000);
		}
	}

}
