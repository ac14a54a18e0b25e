package nl.leefbaar.indicators;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import nl.leefbaar.indicators.SideTables.Table;
import nl.leefbaar.indicators.SideTables.Use;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The handling facts of a run's months: closings (month_closings), the monthly changes of
 * open_overdue (overdue_changes), for one month after a stored one what its 12-month sums
 * take from the store (sums_from_store), and the percentiles of days to close
 * (close_percentiles). They read the reports closed in the months and those that became
 * overdue in them, nothing of the report pass, so they are built on two more sessions
 * beside it: the closings' first, the percentiles' when the closings are done (a third
 * busy session beside the report pass slows it on two cores). The closings' tables are
 * copied into the run's session; the percentiles are read where they were built, while
 * the run's session sums and stores.
 */
final class HandlingFacts implements AutoCloseable {

	private final RunSession run;

	private final DataSource dataSource;

	private SideTables closings;

	private SideTables percentiles;

	HandlingFacts(RunSession run, DataSource dataSource) {
		this.run = run;
		this.dataSource = dataSource;
	}

	/** Starts building on the other sessions. */
	void start() {
		FactRun facts = run.run();
		// One month after a stored one only needs the closings and overdue changes in
		// sums_from_store.
		Use closingsUse = facts.afterStoredMonth() ? Use.FEEDS : Use.COPIED;
		List<Table> closingTables = new ArrayList<>(
				List.of(new Table("month_closings", closingsUse, IndicatorSql.statement("month-closings")),
						new Table("overdue_changes", closingsUse, IndicatorSql.statement("overdue-changes"))));
		if (facts.afterStoredMonth()) {
			closingTables.add(new Table("sums_from_store", Use.COPIED, IndicatorSql.statement("sums-from-store")));
		}
		closings = SideTables.start(run.jdbc(), dataSource, closingTables, run.parameters(), null,
				session -> RunSession.createRunTables(session, facts));
		percentiles = SideTables.start(run.jdbc(), dataSource,
				List.of(new Table("close_percentiles", Use.READ_THERE, IndicatorSql.statement("close-percentiles"))),
				run.parameters(), closings, session -> RunSession.createRunTables(session, facts));
	}

	/** Waits for the closings' tables and copies them into the run's session. */
	void copyClosings() {
		closings.copyInto(run.jdbc(), dataSource);
		run.lap("closings copied");
	}

	/**
	 * Waits for the percentiles of days to close and gives the session that holds them,
	 * to read them month by month beside the run's session. It stays open until
	 * {@link #close()}; it read only report and complex, which the run does not lock.
	 */
	JdbcTemplate awaitPercentiles() {
		JdbcTemplate session = percentiles.awaitSession();
		run.lap("percentiles waited for");
		return session;
	}

	/** Ends the other sessions (after a failure, stopping what they still do). */
	@Override
	public void close() {
		if (closings != null) {
			closings.close();
		}
		if (percentiles != null) {
			percentiles.close();
		}
	}

}
