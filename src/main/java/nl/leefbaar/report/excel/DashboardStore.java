package nl.leefbaar.report.excel;

import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.leefbaar.domain.Category;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the managers' dashboards read besides {@link FigureStore}'s figures: the complexes
 * with their owners, the flags behind the Aandacht list, the month's hotspots, the
 * complexes' monthly reports for the trend at a glance, the owners' sums, the activities
 * and their effects. Every query reads the whole city once; the dashboards of the owners
 * and of the team take their part of it.
 */
@Component
class DashboardStore {

	private final NamedParameterJdbcTemplate jdbc;

	private final OwnerSums ownerSums;

	DashboardStore(NamedParameterJdbcTemplate jdbc, OwnerSums ownerSums) {
		this.jdbc = jdbc;
		this.ownerSums = ownerSums;
	}

	record Complex(String id, String name, String owner, int dwellings, String neighbourhoodCode,
			String neighbourhoodName) {
	}

	/**
	 * A (complex, category) hotspot at the end of the month (indicators.md): n reports in
	 * the 90 days, b in the 365 before, the test's p-value, and whether it is new this
	 * month (null when the month before cannot tell).
	 */
	record Hotspot(String complexId, String category, int reports, Integer reportsBefore, Double pValue,
			Boolean newThisMonth, OffsetDateTime lastReported) {
	}

	/** A funnel comparison's adjustment (funnel_stat). */
	record FunnelStat(boolean adjusted, double tau2) {

		static final FunnelStat NONE = new FunnelStat(false, 0);

	}

	static String statKey(String level, String indicator, String category) {
		return level + "|" + indicator + "|" + category;
	}

	List<Complex> complexes() {
		return jdbc.query("""
				select c.complex_id, c.name, c.owner, c.dwellings, c.neighbourhood_code, n.name
				from complex c join neighbourhood n on n.neighbourhood_code = c.neighbourhood_code
				order by c.complex_id
				""", (rs, i) -> new Complex(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
				rs.getString(5), rs.getString(6)));
	}

	Map<String, String> neighbourhoodNames() {
		Map<String, String> names = new HashMap<>();
		jdbc.query("select neighbourhood_code, name from neighbourhood", new MapSqlParameterSource(), rs -> {
			names.put(rs.getString(1), rs.getString(2));
		});
		return names;
	}

	/**
	 * The complexes' figures flagged high or elevated on the two flagged headline
	 * indicators, every category: complex id -> figures, each keyed
	 * {@code indicator|category}.
	 */
	Map<String, Map<String, Figure>> flagged(YearMonth month) {
		Map<String, Map<String, Figure>> result = new HashMap<>();
		jdbc.query("""
				select unit_id, indicator, category, value, numerator, denominator, ci_low, ci_high, flag
				from indicator_value
				where period = :period and level = 'complex'
				  and indicator in ('report_rate_12m', 'dwelling_repeat_rate_12m') and flag in ('high', 'elevated')
				""", period(month), rs -> {
			result.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
				.put(rs.getString(2) + "|" + rs.getString(3), Figure.read(rs, 4));
		});
		return result;
	}

	/**
	 * Each complex's reports in the 12 months to m, oldest first (category all); NaN
	 * where a month has no figure.
	 */
	Map<String, double[]> monthlyReports(YearMonth month) {
		Map<String, double[]> result = new HashMap<>();
		YearMonth first = month.minusMonths(11);
		jdbc.query("""
				select unit_id, period, value from indicator_value
				where level = 'complex' and category = 'all' and indicator = 'reports'
				  and period between :first and :last
				""", new MapSqlParameterSource("first", Date.valueOf(first.atDay(1))).addValue("last",
				Date.valueOf(month.atDay(1))), rs -> {
					double[] values = result.computeIfAbsent(rs.getString(1), k -> {
						double[] empty = new double[12];
						Arrays.fill(empty, Double.NaN);
						return empty;
					});
					int index = (int) first.until(YearMonth.from(rs.getDate(2).toLocalDate()), ChronoUnit.MONTHS);
					double value = rs.getDouble(3);
					values[index] = rs.wasNull() ? Double.NaN : value;
				});
		return result;
	}

	/**
	 * The month's hotspots, worst first (hotspot_ranked, indicators.md: smallest p-value,
	 * then most reports, then complex id and category).
	 */
	List<Hotspot> hotspots(YearMonth month) {
		return jdbc.query("""
				select complex_id, category, reports, reports_before, p_value, new_this_month, last_reported
				from hotspot_ranked where period = :period order by rank
				""", period(month),
				(rs, i) -> new Hotspot(rs.getString("complex_id"), rs.getString("category"), rs.getInt("reports"),
						rs.getObject("reports_before", Integer.class), rs.getObject("p_value", Double.class),
						rs.getObject("new_this_month", Boolean.class),
						rs.getObject("last_reported", OffsetDateTime.class)));
	}

	Map<String, FunnelStat> funnelStats(YearMonth month) {
		Map<String, FunnelStat> result = new HashMap<>();
		jdbc.query("select level, indicator, category, adjusted, tau2 from funnel_stat where period = :period",
				period(month), rs -> {
					double tau2 = rs.getDouble(5);
					result.put(statKey(rs.getString(1), rs.getString(2), rs.getString(3)),
							new FunnelStat(rs.getBoolean(4), rs.wasNull() ? 0 : tau2));
				});
		return result;
	}

	/**
	 * Every owner's sums of the months first..last: owner -> category -> indicator ->
	 * month -> figure, rebuilt from the complexes' sums (ScopeSeries.fromSums).
	 */
	Map<String, Map<String, Map<String, Map<YearMonth, double[]>>>> ownerSums(YearMonth first, YearMonth last,
			Collection<String> indicators, Collection<String> perCategory) {
		return ownerSums.of(first, last, indicators, perCategory);
	}

	/** The activities dated in the month, with where they took place. */
	List<Map<String, Object>> activities(YearMonth month) {
		return jdbc.queryForList("""
				select a.activity_id, a.type, a.date, a.complex_id, coalesce(a.neighbourhood_code, c.neighbourhood_code)
				       neighbourhood_code, a.participants, a.addresses_category
				from activity a left join complex c on c.complex_id = a.complex_id
				where a.date >= :period and a.date < :next
				order by a.date, a.activity_id
				""", period(month).addValue("next", Date.valueOf(month.plusMonths(1).atDay(1))));
	}

	/**
	 * The activity effects as of the month (activity-effects.csv's rows): per activity by
	 * date, newest first, then the pooled rows per type.
	 */
	List<Map<String, Object>> activityEffects(YearMonth month) {
		return jdbc.queryForList("""
				select * from activity_effect where period = :period
				order by activity_id is null, date desc nulls last, activity_id, type
				""", period(month));
	}

	/** The last day with a report, or null without reports. */
	LocalDate lastReportDay() {
		Date day = jdbc.getJdbcTemplate().queryForObject("select max(reported_day) from report", Date.class);
		return day == null ? null : day.toLocalDate();
	}

	/** The categories in their reading order, "all" first. */
	static List<String> categories() {
		List<String> categories = new ArrayList<>();
		categories.add(Category.ALL);
		categories.addAll(Category.codes());
		return categories;
	}

	private static MapSqlParameterSource period(YearMonth month) {
		return new MapSqlParameterSource("period", Date.valueOf(month.atDay(1)));
	}

}
