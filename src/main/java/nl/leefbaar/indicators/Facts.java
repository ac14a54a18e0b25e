package nl.leefbaar.indicators;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The summable facts of one unit, category and month (a row of FactTables.UNIT_FACTS).
 */
record Facts(long reports, long repeats, long dwReports, long dwRepeats, long followUps, long reports12, long repeats12,
		long dwReports12, long dwRepeats12, long closed, long within, long closed12, long within12, long overdue,
		long hotspots) {

	static final Facts NONE = new Facts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

	/**
	 * A row of UNIT_FACTS, whose columns from the fourth on are these components in this
	 * order (by position: a month reads 168,000 rows at 10M, and a lookup by name per
	 * value showed).
	 */
	static Facts of(ResultSet rs) throws SQLException {
		return new Facts(rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
				rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14), rs.getLong(15),
				rs.getLong(16), rs.getLong(17), rs.getLong(18));
	}
}
