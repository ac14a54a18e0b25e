package nl.leefbaar.indicators;

import java.sql.Date;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The facts of one month that {@link FactTables} left, for every unit: looked up by the
 * unit's position in the units and the category's in the categories, since every figure
 * reads them (a month of 20,000 complexes looks them up millions of times, and hash
 * lookups with string keys would lead the profile).
 */
final class MonthFacts {

	/** Median and 90th percentile of days to close of the reports closed in the month. */
	record DaysToClose(double median, double p90) {
	}

	/** A unit's 12-month reports at its top 10 % of complexes, and at all of them. */
	record Concentration(long top, long total) {
		static final Concentration NONE = new Concentration(0, 0);

	}

	/**
	 * A unit's activities and participants in the month, and participants in 12 months.
	 */
	record Activities(long activities, long participants, long participants12) {
		static final Activities NONE = new Activities(0, 0, 0);

	}

	private final Facts[][] facts;

	private final DaysToClose[][] daysToClose;

	private final Concentration[] concentration;

	private final Activities[] activities;

	private MonthFacts(int units, int categories) {
		facts = new Facts[units][categories];
		for (Facts[] unitFacts : facts) {
			Arrays.fill(unitFacts, Facts.NONE);
		}
		daysToClose = new DaysToClose[units][categories];
		concentration = new Concentration[units];
		Arrays.fill(concentration, Concentration.NONE);
		activities = new Activities[units];
		Arrays.fill(activities, Activities.NONE);
	}

	/**
	 * Reads the month's facts of the units (in this order) and categories; the
	 * percentiles on their own session, beside the rest on the run's.
	 */
	static MonthFacts read(JdbcTemplate jdbc, JdbcTemplate percentilesSession, YearMonth month, List<Unit> units,
			List<String> categories, int hotspotMinReports) {
		Map<String, Map<String, Integer>> positions = new HashMap<>();
		for (int unit = 0; unit < units.size(); unit++) {
			positions.computeIfAbsent(units.get(unit).level().code(), level -> new HashMap<>())
				.put(units.get(unit).id(), unit);
		}
		MonthFacts result = new MonthFacts(units.size(), categories.size());
		MapSqlParameterSource parameters = new MapSqlParameterSource("month", Date.valueOf(month.atDay(1)))
			.addValue("hotspot_min_reports", hotspotMinReports);
		NamedParameterJdbcTemplate run = new NamedParameterJdbcTemplate(jdbc);
		CompletableFuture<Void> percentilesRead = CompletableFuture
			.runAsync(() -> new NamedParameterJdbcTemplate(percentilesSession).query(statement("close_percentiles"),
					parameters, rs -> {
						Integer unit = position(positions, rs.getString(1), rs.getString(2));
						int category = categories.indexOf(rs.getString(3));
						if (unit != null && category >= 0) {
							result.daysToClose[unit][category] = new DaysToClose(rs.getDouble(4), rs.getDouble(5));
						}
					}));
		run.query(statement("unit_facts"), parameters, rs -> {
			Integer unit = position(positions, rs.getString(1), rs.getString(2));
			int category = categories.indexOf(rs.getString(3));
			if (unit != null && category >= 0) {
				result.facts[unit][category] = Facts.of(rs);
			}
		});
		join(percentilesRead);
		run.query(statement("unit_concentration"), parameters, rs -> {
			Integer unit = position(positions, rs.getString(1), rs.getString(2));
			if (unit != null) {
				result.concentration[unit] = new Concentration(rs.getLong(3), rs.getLong(4));
			}
		});
		run.query(statement("unit_activities"), parameters, rs -> {
			Integer unit = position(positions, rs.getString(1), rs.getString(2));
			if (unit != null) {
				result.activities[unit] = new Activities(rs.getLong(3), rs.getLong(4), rs.getLong(5));
			}
		});
		return result;
	}

	Facts facts(int unit, int category) {
		return facts[unit][category];
	}

	/** Null when no report of the unit and category closed in the month. */
	DaysToClose daysToClose(int unit, int category) {
		return daysToClose[unit][category];
	}

	Concentration concentration(int unit) {
		return concentration[unit];
	}

	Activities activities(int unit) {
		return activities[unit];
	}

	private static String statement(String name) {
		return IndicatorSql.statement("month-facts", name);
	}

	/**
	 * A unit's position in the units, by its level's code and its id (null for a unit not
	 * there).
	 */
	private static Integer position(Map<String, Map<String, Integer>> positions, String level, String unitId) {
		Map<String, Integer> ofLevel = positions.get(level);
		return ofLevel == null ? null : ofLevel.get(unitId);
	}

	/** Waits for work on another thread, rethrowing its failure as it was. */
	private static void join(CompletableFuture<Void> work) {
		try {
			work.join();
		}
		catch (CompletionException e) {
			if (e.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw e;
		}
	}

}
