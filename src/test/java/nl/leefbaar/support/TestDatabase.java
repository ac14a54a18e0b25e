package nl.leefbaar.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tests share one embedded PostgreSQL per test run (and Spring's cached contexts); each test
 * starts from empty domain tables. The job repository is left alone: Spring Batch needs its
 * history to tell restarts from new runs, and tests give every run unique parameters.
 */
public final class TestDatabase {
    private TestDatabase() {
    }

    public static void clearDomainTables(JdbcTemplate jdbc) {
        jdbc.execute("""
                truncate table report, activity, complex, neighbourhood, import_run, unit_figure, complex_month_fact,
                               hotspot, activity_effect, funnel_stat, computed_month restart identity cascade
                """);
    }
}
