package nl.leefbaar.report.excel;

import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** The stored figure a workbook cell must equal, read straight from indicator_value. */
record StoredFigures(JdbcTemplate jdbc) {

	Double value(String level, String unit, String category, String indicator, YearMonth month) {
		return column("value", level, unit, category, indicator, month);
	}

	Double column(String column, String level, String unit, String category, String indicator, YearMonth month) {
		List<Double> values = jdbc.query("select " + column + " from indicator_value where level = ? and unit_id = ?"
				+ " and category = ? and indicator = ? and period = ?", (rs, i) -> {
					double v = rs.getDouble(1);
					return rs.wasNull() ? null : v;
				}, level, unit, category, indicator, WorkbookFixture.date(month));
		return values.isEmpty() ? null : values.get(0);
	}

	String flag(String level, String unit, String category, String indicator, YearMonth month) {
		List<String> flags = jdbc.queryForList(
				"select flag from indicator_value where level = ? and unit_id = ?"
						+ " and category = ? and indicator = ? and period = ?",
				String.class, level, unit, category, indicator, WorkbookFixture.date(month));
		return flags.isEmpty() ? null : flags.get(0);
	}
}
