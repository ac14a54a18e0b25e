package nl.leefbaar.indicators.effects;

import nl.leefbaar.system.SqlFiles;

/**
 * The SQL of the activity effects. The two reading statements live in
 * {@code src/main/resources/sql/effects/<name>.sql} (one statement a file, named
 * parameters for
 * {@link org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate}, a comment
 * at the top saying what it reads): {@code effect-activities} (the activities at a
 * complex with a category) and {@code report-days} (the reports' days per complex and
 * category). {@link EffectCounts} counts with them.
 */
final class EffectQueries {

	static final String ACTIVITIES = file("effect-activities");

	static final String REPORT_DAYS = file("report-days");

	static final String DELETE_PERIOD = "delete from activity_effect where period = ?";

	static final String LOAD_PERIOD = """
			select * from activity_effect
			where period = cast(:period as date)
			order by activity_id is null, date, activity_id, type
			""";

	static final String INSERT = """
			insert into activity_effect (period, activity_id, type, complex_id, neighbourhood_code, date, category,
			                             window_days, before, after, rate_ratio, ci_low, ci_high, p_value,
			                             comparison_before, comparison_after, comparison_rate_ratio,
			                             effect_vs_comparison, flag, effect_ci_low, effect_ci_high)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			""";

	private EffectQueries() {
	}

	/** The statement of {@code sql/effects/<name>.sql}. */
	static String file(String name) {
		return SqlFiles.in("effects").statement(name);
	}

}
