package nl.leefbaar.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tests share one embedded PostgreSQL per test run (and Spring's cached contexts); each
 * test starts from empty domain tables. The job repository is left alone: Spring Batch
 * needs its history to tell restarts from new runs, and tests give every run unique
 * parameters.
 */
public final class TestDatabase {

	private TestDatabase() {
	}

	public static void clearDomainTables(JdbcTemplate jdbc) {
		// The tables partitioned by month are emptied by deleting their few rows:
		// truncating them
		// means new files for every month's partition, and doubled the time of this
		// method.
		jdbc.execute("""
				truncate table report, activity, complex, neighbourhood, import_run, activity_effect, funnel_stat,
				               owner_month_built, computed_month restart identity cascade;
				delete from unit_figure;
				delete from source_watermark;
				delete from complex_month_fact
				""");
	}

}
