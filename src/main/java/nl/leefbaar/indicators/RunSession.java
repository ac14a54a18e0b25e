package nl.leefbaar.indicators;

import java.util.List;

import nl.leefbaar.domain.Category;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The run's own session while it builds facts: runs the fact statements with the run's
 * parameters ({@link FactRun#parameters()}) and logs the time of each step at debug
 * level.
 */
final class RunSession {

	private static final Logger log = LoggerFactory.getLogger(RunSession.class);

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final FactRun run;

	private final MapSqlParameterSource parameters;

	private long lap = System.nanoTime();

	RunSession(JdbcTemplate jdbc, FactRun run) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.run = run;
		this.parameters = run.parameters();
	}

	JdbcTemplate jdbc() {
		return jdbc;
	}

	FactRun run() {
		return run;
	}

	MapSqlParameterSource parameters() {
		return parameters;
	}

	/** Creates a temporary table by its statement and analyzes it. */
	void create(String table, String statement) {
		named.update(statement, parameters);
		jdbc.execute("analyze " + table);
		lap(table);
	}

	/** Runs a statement that is not a table of its own (an insert). */
	void update(String statement) {
		named.update(statement, parameters);
	}

	/** Logs the time since the last step at debug level. */
	void lap(String step) {
		long now = System.nanoTime();
		log.debug("{}: {} ms", step, (now - lap) / 1_000_000);
		lap = now;
	}

	/**
	 * The run's settings and months (category_target, run_month) on a session that builds
	 * facts, with the memory its sorts need: they hold a few hundred thousand aggregates,
	 * which the default spills to disk.
	 */
	static void createRunTables(JdbcTemplate session, FactRun run) {
		NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(session);
		session.execute("set local work_mem = '256MB'");
		session.execute(IndicatorSql.statement("run-tables", "drop"));
		session.execute(IndicatorSql.statement("run-tables", "category_target"));
		List<SqlParameterSource> targets = Category.codes()
			.stream()
			.map(code -> (SqlParameterSource) new MapSqlParameterSource("category", code).addValue("target_days",
					run.settings().targetDays(Category.fromCode(code).orElseThrow())))
			.toList();
		named.batchUpdate(IndicatorSql.statement("run-tables", "category_target_row"),
				targets.toArray(SqlParameterSource[]::new));
		session.execute(IndicatorSql.statement("run-tables", "run_month"));
		named.update(IndicatorSql.statement("run-tables", "run_month_rows"), run.parameters());
		session.execute("analyze category_target");
		session.execute("analyze run_month");
	}

}
