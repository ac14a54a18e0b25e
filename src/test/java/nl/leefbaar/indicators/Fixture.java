package nl.leefbaar.indicators;

import java.sql.Date;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Small hand-checkable data sets for the indicator tests. Times are given as ISO instants
 * with an offset (e.g. {@code 2025-03-31T23:30+02:00}); reported_day is derived in
 * Europe/Amsterdam, as the importer does.
 */
final class Fixture {

	private final JdbcTemplate jdbc;

	private int nextId = 1;

	Fixture(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Fixture neighbourhood(String code) {
		jdbc.update("insert into neighbourhood (neighbourhood_code, name) values (?, ?)", code, "Buurt " + code);
		return this;
	}

	Fixture complex(String id, String neighbourhood, int dwellings) {
		jdbc.update("insert into complex (complex_id, name, neighbourhood_code, dwellings) values (?, ?, ?, ?)", id,
				"Complex " + id, neighbourhood, dwellings);
		return this;
	}

	/** A report without dwelling, not closed, no follow-up; returns its id. */
	String report(String complex, String category, String reportedAt) {
		return report(String.format("r%04d", nextId++), complex, null, category, reportedAt, null, null);
	}

	String report(String id, String complex, String dwelling, String category, String reportedAt, String closedAt,
			String followUp) {
		jdbc.update("""
				insert into report (report_id, complex_id, dwelling_ref, source_category, category, reported_at,
				                    reported_day, closed_at, follow_up)
				values (?, ?, ?, ?, ?, ?::timestamptz, (?::timestamptz at time zone 'Europe/Amsterdam')::date,
				        ?::timestamptz, ?)
				""", id, complex, dwelling, category, category, reportedAt, reportedAt, closedAt, followUp);
		return id;
	}

	String dwellingReport(String complex, String dwelling, String category, String reportedAt) {
		return report(String.format("r%04d", nextId++), complex, dwelling, category, reportedAt, null, null);
	}

	String closedReport(String complex, String category, String reportedAt, String closedAt) {
		return report(String.format("r%04d", nextId++), complex, null, category, reportedAt, closedAt, null);
	}

	Fixture activity(String id, String complex, String neighbourhood, String type, String date, Integer participants,
			String addresses) {
		jdbc.update(
				"""
						insert into activity (activity_id, complex_id, neighbourhood_code, type, date, participants, addresses_category)
						values (?, ?, ?, ?, ?::date, ?, ?)
						""",
				id, complex, neighbourhood, type, date, participants, addresses);
		return this;
	}

	/** The stored figure as a map of its columns, or fails when the row is absent. */
	static Map<String, Object> figure(JdbcTemplate jdbc, YearMonth month, String level, String unit, String category,
			String indicator) {
		List<Map<String, Object>> rows = jdbc.queryForList("""
				select value, numerator, denominator, ci_low, ci_high, flag from indicator_value
				where period = ? and level = ? and unit_id = ? and category = ? and indicator = ?
				""", Date.valueOf(month.atDay(1)), level, unit, category, indicator);
		if (rows.size() != 1) {
			throw new AssertionError("expected one row for " + month + " " + level + " " + unit + " " + category + " "
					+ indicator + ", found " + rows.size());
		}
		return new HashMap<>(rows.get(0));
	}

	static Double value(JdbcTemplate jdbc, YearMonth month, String level, String unit, String category,
			String indicator) {
		return (Double) figure(jdbc, month, level, unit, category, indicator).get("value");
	}

}
