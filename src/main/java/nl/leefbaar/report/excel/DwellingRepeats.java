package nl.leefbaar.report.excel;

import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import nl.leefbaar.system.SqlFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dwellings with repeat reports in the 12 months to m, for every dashboard of the
 * month, from the stored month facts (V4__dwelling_month_fact.sql): a month's facts are
 * built once for its reports (one sort of that month's reports and the W days before it)
 * and the list sums 12 months of them, instead of sorting the reports of 15 months on
 * every run.
 */
@Component
class DwellingRepeats {

	private static final Logger log = LoggerFactory.getLogger(DwellingRepeats.class);

	/** A dwelling's repeats; ranks among the city's and among its owner's dwellings. */
	record Dwelling(String complexId, String category, String dwellingRef, int reports, int repeats,
			OffsetDateTime lastReported, String owner, long teamRank, long ownerRank) {
	}

	/** The sorts and hashes of the facts and the list, per operation and session. */
	static final String WORK_MEM = "128MB";

	private static final SqlFiles SQL = SqlFiles.in("report");

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	DwellingRepeats(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		// committed at once, so that the queries on other connections see the facts
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * The first {@code limit} dwellings of the city and of each owner, worst first,
	 * building the facts of the 12 months first where they are missing or stale.
	 */
	List<Dwelling> worst(YearMonth month, int windowDays, int limit) {
		build(month, windowDays);
		MapSqlParameterSource parameters = new MapSqlParameterSource("first", day(month.minusMonths(11).atDay(1)))
			.addValue("last", day(month.atDay(1)))
			.addValue("limit", limit);
		return ownTransaction.execute(status -> {
			jdbc.getJdbcTemplate().execute("set local work_mem = '" + WORK_MEM + "'");
			return list(parameters);
		});
	}

	private List<Dwelling> list(MapSqlParameterSource parameters) {
		return jdbc.query(SQL.statement("dwelling-repeats"), parameters,
				(rs, i) -> new Dwelling(rs.getString("complex_id"), rs.getString("category"),
						rs.getString("dwelling_ref"), rs.getInt("reports"), rs.getInt("repeats"),
						rs.getObject("last_reported", OffsetDateTime.class), rs.getString("owner"),
						rs.getLong("team_rank"), rs.getLong("owner_rank")));
	}

	/**
	 * Builds the facts of the months among the 12 to m that have none, or that were built
	 * from other reports (their days' digests differ) or another W; a run of such months
	 * takes one statement. Other writers wait (the table lock) and find the work done.
	 */
	void build(YearMonth month, int windowDays) {
		ownTransaction.executeWithoutResult(status -> {
			jdbc.getJdbcTemplate().execute("lock table dwelling_month_built in share row exclusive mode");
			// the sort by dwelling of a year's reports in memory rather than on disk
			jdbc.getJdbcTemplate().execute("set local work_mem = '" + WORK_MEM + "'");
			int lookbackDays = windowDays + 2;
			List<Object[]> stale = jdbc.query(SQL.statement("dwelling-month-stale"),
					new MapSqlParameterSource("first", day(month.minusMonths(11).atDay(1)))
						.addValue("last", day(month.atDay(1)))
						.addValue("lookbackDays", lookbackDays)
						.addValue("w", windowDays),
					(rs, i) -> new Object[] { rs.getDate(1), rs.getLong(2), rs.getBigDecimal(3) });
			if (stale.isEmpty()) {
				return;
			}
			long start = System.nanoTime();
			List<YearMonth> months = stale.stream().map(r -> YearMonth.from(((Date) r[0]).toLocalDate())).toList();
			jdbc.update("delete from dwelling_month_built where period in (:periods)",
					new MapSqlParameterSource("periods", stale.stream().map(r -> r[0]).toList()));
			jdbc.getJdbcTemplate()
				.batchUpdate(
						"insert into dwelling_month_built (period, reports, digest, window_days) values (?, ?, ?, ?)",
						stale.stream().map(r -> new Object[] { r[0], r[1], r[2], windowDays }).toList());
			for (List<YearMonth> run : runs(months)) {
				YearMonth from = run.get(0);
				YearMonth to = run.get(run.size() - 1);
				jdbc.update(SQL.statement("dwelling-month-facts"),
						new MapSqlParameterSource("from", day(from.atDay(1)))
							.addValue("end", day(to.plusMonths(1).atDay(1)))
							// W * 86400 s before a local day can fall on the day before
							.addValue("lookback", day(from.atDay(1).minusDays(lookbackDays)))
							.addValue("windowSeconds", windowDays * 86400.0));
			}
			log.info("Built the dwellings' repeat facts of {} month(s) to {} in {} ms", months.size(), month,
					(System.nanoTime() - start) / 1_000_000);
		});
	}

	/** Consecutive months together. */
	static List<List<YearMonth>> runs(List<YearMonth> months) {
		List<List<YearMonth>> runs = new ArrayList<>();
		for (YearMonth month : months) {
			if (runs.isEmpty() || !runs.get(runs.size() - 1)
				.get(runs.get(runs.size() - 1).size() - 1)
				.plusMonths(1)
				.equals(month)) {
				runs.add(new ArrayList<>());
			}
			runs.get(runs.size() - 1).add(month);
		}
		return runs;
	}

	private static Date day(LocalDate day) {
		return Date.valueOf(day);
	}

}
