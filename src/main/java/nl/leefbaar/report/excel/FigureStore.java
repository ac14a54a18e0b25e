package nl.leefbaar.report.excel;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.leefbaar.domain.Level;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the figures the indicator stage stored (V60__unit_figure.sql): the
 * indicator_value view, long form, the units, hotspots, activity effects and the funnel
 * statistics. The workbooks read nothing else.
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

	record Hotspot(String complexId, String complexName, String neighbourhoodName, String category, int reports,
			java.time.OffsetDateTime lastReported) {
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
					result.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), figure(rs, 3));
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
					result.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), figure(rs, 3));
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
						.put(month, figure(rs, 4));
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
	 * The hotspot list at the end of the month, worst first (most reports, then most
	 * recent).
	 */
	List<Hotspot> hotspots(YearMonth month) {
		return jdbc.query("""
				select h.complex_id, c.name, n.name, h.category, h.reports, h.last_reported
				from hotspot h
				left join complex c on c.complex_id = h.complex_id
				left join neighbourhood n on n.neighbourhood_code = c.neighbourhood_code
				where h.period = :period
				order by h.reports desc, h.last_reported desc, h.complex_id, h.category
				""", params(month), (rs, i) -> new Hotspot(rs.getString(1), rs.getString(2), rs.getString(3),
				rs.getString(4), rs.getInt(5), rs.getObject(6, java.time.OffsetDateTime.class)));
	}

	/** complex id -> its hotspot categories, in the hotspot list's order. */
	static Map<String, List<String>> hotspotCategories(List<Hotspot> hotspots) {
		Map<String, List<String>> result = new HashMap<>();
		for (Hotspot hotspot : hotspots) {
			result.computeIfAbsent(hotspot.complexId(), k -> new ArrayList<>()).add(hotspot.category());
		}
		return result;
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

	/** The activities dated in the month, with where they took place. */
	List<Map<String, Object>> activities(YearMonth month) {
		return jdbc.queryForList(
				"""
						select a.activity_id, a.type, a.date, a.complex_id, c.name complex_name,
						       coalesce(a.neighbourhood_code, c.neighbourhood_code) neighbourhood_code, n.name neighbourhood_name,
						       a.participants, a.addresses_category
						from activity a
						left join complex c on c.complex_id = a.complex_id
						left join neighbourhood n on n.neighbourhood_code = coalesce(a.neighbourhood_code, c.neighbourhood_code)
						where a.date >= :period and a.date < :next
						order by a.date, a.activity_id
						""",
				params(month).addValue("next", Date.valueOf(period(month.plusMonths(1)))));
	}

	/**
	 * The activity effects as of the month: pooled rows (no activity id) last, per type.
	 */
	List<Map<String, Object>> activityEffects(YearMonth month) {
		return jdbc.queryForList("""
				select e.*, c.name complex_name
				from activity_effect e left join complex c on c.complex_id = e.complex_id
				where e.period = :period
				order by e.activity_id is null, e.date desc nulls last, e.activity_id, e.type
				""", params(month));
	}

	/**
	 * The dwellings with the most repeats (the same category at the same complex and
	 * dwelling within W days) among the reports of the 12 months to m, worst first.
	 * Earlier reports up to W days before the window count as predecessors.
	 */
	List<Map<String, Object>> dwellingRepeats(YearMonth month, int windowDays, int limit) {
		LocalDate first = period(month.minusMonths(11));
		LocalDate end = period(month.plusMonths(1));
		return jdbc.queryForList(
				"""
						with candidates as (
						    -- only a dwelling with two reports of a category can have a repeat: a cheap
						    -- hash aggregate leaves the sort for the window to the few that do
						    select complex_id, category, dwelling_ref
						    from report
						    where dwelling_ref is not null and dwelling_ref <> ''
						      and reported_day >= :lookback and reported_day < :end
						    group by complex_id, category, dwelling_ref
						    having count(*) >= 2 and max(reported_day) >= :first
						), ordered as (
						    select r.complex_id, r.category, r.dwelling_ref, r.reported_day, r.reported_at,
						           lag(r.reported_at) over (partition by r.complex_id, r.dwelling_ref, r.category
						                                    order by r.reported_at, r.report_id) previous_at
						    from report r
						    join candidates d on d.complex_id = r.complex_id and d.category = r.category
						                     and d.dwelling_ref = r.dwelling_ref
						    where r.reported_day >= :lookback and r.reported_day < :end
						), in_window as (
						    select complex_id, category, dwelling_ref, reported_at,
						           (previous_at is not null and reported_at - previous_at <= make_interval(days => :w)) is_repeat
						    from ordered where reported_day >= :first
						)
						select w.complex_id, c.name complex_name, n.name neighbourhood_name, w.category, w.dwelling_ref,
						       count(*) reports, count(*) filter (where is_repeat) repeats, max(w.reported_at) last_reported
						from in_window w
						left join complex c on c.complex_id = w.complex_id
						left join neighbourhood n on n.neighbourhood_code = c.neighbourhood_code
						group by w.complex_id, c.name, n.name, w.category, w.dwelling_ref
						having count(*) filter (where is_repeat) > 0
						order by repeats desc, reports desc, last_reported desc, w.complex_id, w.category, w.dwelling_ref
						limit :limit
						""",
				new MapSqlParameterSource("lookback", Date.valueOf(first.minusDays(windowDays)))
					.addValue("first", Date.valueOf(first))
					.addValue("end", Date.valueOf(end))
					.addValue("w", windowDays)
					.addValue("limit", limit));
	}

	/**
	 * The complex/category pairs with dwelling-level repeats in the 12 months to m, most
	 * repeats first.
	 */
	List<Map<String, Object>> dwellingRepeatPairs(YearMonth month, int limit) {
		return jdbc.queryForList("""
				select v.unit_id complex_id, c.name complex_name, n.name neighbourhood_name, v.category,
				       v.value, v.numerator, v.denominator, v.ci_low, v.ci_high, v.flag
				from indicator_value v
				left join complex c on c.complex_id = v.unit_id
				left join neighbourhood n on n.neighbourhood_code = c.neighbourhood_code
				where v.period = :period and v.level = 'complex' and v.category <> 'all'
				  and v.indicator = 'dwelling_repeat_rate_12m' and v.numerator > 0
				order by v.numerator desc, v.value desc nulls last, v.unit_id, v.category
				limit :limit
				""", params(month).addValue("limit", limit));
	}

	private static MapSqlParameterSource params(YearMonth month) {
		return new MapSqlParameterSource("period", Date.valueOf(period(month)));
	}

	private static Figure figure(ResultSet rs, int first) throws SQLException {
		return new Figure(number(rs, first), number(rs, first + 1), number(rs, first + 2), number(rs, first + 3),
				number(rs, first + 4), rs.getString(first + 5));
	}

	private static Double number(ResultSet rs, int column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

}
