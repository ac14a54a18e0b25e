package nl.leefbaar.indicators;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The hotspots of a run's months (indicators.md, Hotspot): the window counts of every
 * complex and category in the run's months and the month before them (hotspot_windows,
 * from the report pass), the rise test's p-value of each pair of counts that occurs
 * (computed here, once per pair of counts), and the pairs that are hotspots (hotspots).
 */
final class HotspotFacts {

	private HotspotFacts() {
	}

	static void build(RunSession session, HotspotRule rule) {
		session.create("hotspot_windows", IndicatorSql.statement("hotspot-windows"));
		storePValues(session, rule);
		session.create("hotspots", IndicatorSql.statement("hotspots"));
	}

	private static void storePValues(RunSession session, HotspotRule rule) {
		List<Integer> reports = new ArrayList<>();
		List<Integer> reportsBefore = new ArrayList<>();
		session.jdbc().query(statement("counts"), rs -> {
			reports.add(rs.getInt(1));
			reportsBefore.add(rs.getInt(2));
		});
		Double[] pValues = new Double[reports.size()];
		for (int i = 0; i < pValues.length; i++) {
			pValues[i] = rule.pValue(reports.get(i), reportsBefore.get(i));
		}
		session.jdbc().execute(statement("create"));
		new NamedParameterJdbcTemplate(session.jdbc()).update(statement("insert"),
				new MapSqlParameterSource("reports", reports.toArray(Integer[]::new))
					.addValue("reports_before", reportsBefore.toArray(Integer[]::new))
					.addValue("p_values", pValues));
		session.jdbc().execute("analyze hotspot_p_value");
		session.lap("hotspot_p_value");
	}

	private static String statement(String name) {
		return IndicatorSql.statement("hotspot-p-values", name);
	}

}
