package nl.leefbaar.indicators;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The set-based part of a computation: for a run of consecutive months ({@link FactRun})
 * it reads the reports once and leaves the summable facts per unit, category and month in
 * temporary tables that live until the transaction ends. Java then only does statistics
 * on these aggregates. The statements are in {@code src/main/resources/sql/indicators/},
 * one file per table.
 * <p>
 * PostgreSQL runs one query of a session on one core, and does not parallelise queries
 * that touch a session's temporary tables, which every fact query does. So the facts that
 * do not depend on the report pass (the dwellings' look-back, the handling facts) are
 * built on other sessions that share the run's snapshot ({@link SideTables}). Use it in
 * try-with-resources: {@link #close()} ends those sessions.
 * <p>
 * Must run inside a REPEATABLE READ transaction: the temporary tables are
 * {@code on commit drop}, every statement must see the same connection, and the other
 * sessions the same snapshot.
 */
final class FactTables implements AutoCloseable {

	private final JdbcTemplate jdbc;

	private final DataSource dataSource;

	private RunSession session;

	private ReportPass reportPass;

	private HandlingFacts handling;

	FactTables(JdbcTemplate jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/** Builds the facts of the run's months. */
	void build(FactRun run) {
		session = new RunSession(jdbc, run);
		RunSession.createRunTables(jdbc, run);
		session.lap("run_month");
		reportPass = new ReportPass(session, dataSource);
		reportPass.startDwellingLookback();
		handling = new HandlingFacts(session, dataSource);
		handling.start();
		reportPass.countReports();
		HotspotFacts.build(session, HotspotRule.of(run.settings()));
		handling.copyClosings();
		TwelveMonthSums.build(session);
		RollUp.build(session);
	}

	/**
	 * Stores the run's complex facts, with their hotspots, into complex_month_fact: one
	 * month in the order of the primary key, a longer run in month order (a backfill
	 * stores without the keys).
	 */
	void store() {
		session.update(IndicatorSql.statement("store-month-facts",
				session.run().oneMonth() ? "in_key_order" : "in_month_order"));
		session.lap("stored");
	}

	/**
	 * Waits for the percentiles of days to close and gives the session that holds them
	 * ({@link HandlingFacts#awaitPercentiles()}).
	 */
	JdbcTemplate awaitPercentiles() {
		return handling.awaitPercentiles();
	}

	/** Ends the other sessions (after a failure, stopping what they still do). */
	@Override
	public void close() {
		if (reportPass != null) {
			reportPass.close();
		}
		if (handling != null) {
			handling.close();
		}
	}

}
