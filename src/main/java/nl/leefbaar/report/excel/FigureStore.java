package nl.leefbaar.report.excel;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.leefbaar.domain.Level;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the figures the indicator stage stored (V1__baseline.sql): the indicator_value
 * view, long form, the units, hotspots, activity effects and the funnel statistics.
 * Besides these, the managers' dashboards read {@link DashboardStore}.
 */
@Component
class FigureStore {

	private final NamedParameterJdbcTemplate jdbc;

	FigureStore(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	record Complex(String id, String name, int dwellings, String neighbourhoodCode, String neighbourhoodName,
			String district) {
	}

	record Neighbourhood(String code, String name, String district, long dwellings, int complexes) {
	}

	static LocalDate period(YearMonth month) {
		return month.atDay(1);
	}

	/** unit id -> indicator -> figure, for one month, level and category. */
	Map<String, Map<String, Figure>> byUnit(YearMonth month, Level level, String category,
			Collection<String> indicators) {
		Map<String, Map<String, Figure>> result = new HashMap<>();
		jdbc.query("""
				select unit_id, indicator, value, numerator, denominator, ci_low, ci_high, flag
				from indicator_value
				where period = :period and level = :level and category = :category and indicator in (:indicators)
				""",
				params(month).addValue("level", level.code())
					.addValue("category", category)
					.addValue("indicators", indicators),
				rs -> {
					result.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
						.put(rs.getString(2), Figure.read(rs, 3));
				});
		return result;
	}

	/** category -> indicator -> figure of one unit in one month. */
	Map<String, Map<String, Figure>> byCategory(YearMonth month, Level level, String unitId,
			Collection<String> indicators) {
		Map<String, Map<String, Figure>> result = new HashMap<>();
		jdbc.query("""
				select category, indicator, value, numerator, denominator, ci_low, ci_high, flag
				from indicator_value
				where period = :period and level = :level and unit_id = :unit and indicator in (:indicators)
				""",
				params(month).addValue("level", level.code())
					.addValue("unit", unitId)
					.addValue("indicators", indicators),
				rs -> {
					result.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
						.put(rs.getString(2), Figure.read(rs, 3));
				});
		return result;
	}

	/**
	 * category -> indicator -> month -> figure of one unit over the months first..last.
	 */
	Map<String, Map<String, Map<YearMonth, Figure>>> series(Level level, String unitId, YearMonth first, YearMonth last,
			Collection<String> indicators) {
		Map<String, Map<String, Map<YearMonth, Figure>>> result = new HashMap<>();
		jdbc.query(
				"""
						select category, indicator, period, value, numerator, denominator, ci_low, ci_high, flag
						from indicator_value
						where level = :level and unit_id = :unit and period between :first and :last and indicator in (:indicators)
						""",
				new MapSqlParameterSource("level", level.code()).addValue("unit", unitId)
					.addValue("first", Date.valueOf(period(first)))
					.addValue("last", Date.valueOf(period(last)))
					.addValue("indicators", indicators),
				rs -> {
					YearMonth month = YearMonth.from(rs.getDate(3).toLocalDate());
					result.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
						.computeIfAbsent(rs.getString(2), k -> new HashMap<>())
						.put(month, Figure.read(rs, 4));
				});
		return result;
	}

	List<Complex> complexes() {
		return jdbc.query("""
				select c.complex_id, c.name, c.dwellings, c.neighbourhood_code, n.name, n.district
				from complex c join neighbourhood n on n.neighbourhood_code = c.neighbourhood_code
				order by c.complex_id
				""", (rs, i) -> new Complex(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
				rs.getString(5), rs.getString(6)));
	}

	List<Neighbourhood> neighbourhoods() {
		return jdbc.query("""
				select n.neighbourhood_code, n.name, n.district, coalesce(sum(c.dwellings), 0), count(c.complex_id)
				from neighbourhood n left join complex c on c.neighbourhood_code = n.neighbourhood_code
				group by n.neighbourhood_code, n.name, n.district
				order by n.neighbourhood_code
				""", (rs, i) -> new Neighbourhood(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
				rs.getInt(5)));
	}

	/**
	 * The funnel statistics of the month: rows of level, category, indicator, units, phi,
	 * tau2, adjusted.
	 */
	List<Map<String, Object>> funnelStats(YearMonth month) {
		return jdbc.queryForList("""
				select level, category, indicator, units, phi, tau2, adjusted
				from funnel_stat where period = :period
				order by level, indicator, category = 'all' desc, category
				""", params(month));
	}

	Map<String, Object> dataPeriod() {
		return jdbc.queryForMap(
				"select min(reported_day) first_day, max(reported_day) last_day, count(*) reports from report",
				new MapSqlParameterSource());
	}

	/** The latest import run, or an empty map when nothing was imported. */
	Map<String, Object> latestImport() {
		List<Map<String, Object>> rows = jdbc.queryForList("""
				select started_at, input_folder, rows_read, loaded, rejected, unmapped_categories, rejects_file,
				       (select coalesce(sum(rejected), 0) from import_run) all_rejected
				from import_run order by started_at desc, import_run_id desc limit 1
				""", new MapSqlParameterSource());
		return rows.isEmpty() ? Map.of() : rows.get(0);
	}

	Map<String, Object> computedMonth(YearMonth month) {
		List<Map<String, Object>> rows = jdbc.queryForList(
				"select reference_year, computed_at from computed_month where period = :period", params(month));
		return rows.isEmpty() ? Map.of() : rows.get(0);
	}

	private static MapSqlParameterSource params(YearMonth month) {
		return new MapSqlParameterSource("period", Date.valueOf(period(month)));
	}

}
