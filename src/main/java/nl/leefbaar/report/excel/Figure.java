package nl.leefbaar.report.excel;

import java.sql.ResultSet;
import java.sql.SQLException;

/** One stored figure of indicator_value; any part may be missing (null). */
record Figure(Double value, Double numerator, Double denominator, Double ciLow, Double ciHigh, String flag) {

	static final Figure MISSING = new Figure(null, null, null, null, null, null);

	static Figure orMissing(Figure figure) {
		return figure == null ? MISSING : figure;
	}

	/**
	 * The figure in six columns from {@code first}: value, numerator, denominator,
	 * ci_low, ci_high, flag.
	 */
	static Figure read(ResultSet rs, int first) throws SQLException {
		return new Figure(number(rs, first), number(rs, first + 1), number(rs, first + 2), number(rs, first + 3),
				number(rs, first + 4), rs.getString(first + 5));
	}

	private static Double number(ResultSet rs, int column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	/**
	 * Funnel flags, worst first; anything else (no flag, incomplete look-back) sorts in
	 * the middle.
	 */
	static int severity(String flag) {
		if (flag == null) {
			return 2;
		}
		return switch (flag) {
			case "high" -> 0;
			case "elevated" -> 1;
			case "reduced" -> 3;
			case "low" -> 4;
			default -> 2;
		};
	}
}
