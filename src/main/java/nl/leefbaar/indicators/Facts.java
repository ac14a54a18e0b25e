package nl.leefbaar.indicators;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The summable facts of one unit, category and month (a row of month-facts.sql's
 * unit_facts).
 */
record Facts(long reports, long repeats, long dwReports, long dwRepeats, long followUps, long reports12, long repeats12,
		long dwReports12, long dwRepeats12, long closed, long within, long closed12, long within12, long overdue,
		long hotspots) {

	static final Facts NONE = new Facts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

	/**
	 * A row of unit_facts, whose columns from the fourth on are these components in this
	 * order (read by position: a month reads a row per unit and category, and a lookup by
	 * name per value costs more).
	 */
	static Facts of(ResultSet rs) throws SQLException {
		return new Facts(rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
				rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14), rs.getLong(15),
				rs.getLong(16), rs.getLong(17), rs.getLong(18));
	}
}
