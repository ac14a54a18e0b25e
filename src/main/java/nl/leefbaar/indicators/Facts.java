package nl.leefbaar.indicators;

import java.sql.ResultSet;
import java.sql.SQLException;

/** The summable facts of one unit, category and month (a row of FactTables.UNIT_FACTS). */
record Facts(long reports, long repeats, long dwReports, long dwRepeats, long followUps,
             long reports12, long repeats12, long dwReports12, long dwRepeats12,
             long closed, long within, long closed12, long within12, long overdue, long hotspots) {

    static final Facts NONE = new Facts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    static Facts of(ResultSet rs) throws SQLException {
        return new Facts(rs.getLong("reports"), rs.getLong("repeats"), rs.getLong("dw_reports"),
                rs.getLong("dw_repeats"), rs.getLong("follow_ups"), rs.getLong("reports_12m"),
                rs.getLong("repeats_12m"), rs.getLong("dw_reports_12m"), rs.getLong("dw_repeats_12m"),
                rs.getLong("closed"), rs.getLong("within"), rs.getLong("closed_12m"), rs.getLong("within_12m"),
                rs.getLong("overdue"), rs.getLong("hotspots"));
    }
}
