package nl.leefbaar.report.charts;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.leefbaar.domain.Category;
import nl.leefbaar.indicators.stats.Interval;
import nl.leefbaar.indicators.stats.Intervals;
import nl.leefbaar.report.ReportWriter.ReportScope;
import nl.leefbaar.report.charts.Figures.MonthValue;
import nl.leefbaar.report.charts.Figures.RateTrend;
import nl.leefbaar.report.charts.Figures.RepeatTrend;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the 24-month series (report_rate per category, dwelling_repeat_rate) for the
 * city, one neighbourhood or a set of complexes. A set of complexes is aggregated by
 * summing numerators and denominators, never by averaging rates. Months are passed as a
 * date array so that every query probes the primary key (period, level, unit_id, ...)
 * instead of scanning a range of periods.
 */
@Component
public class TrendFigures {

	static final int TREND_MONTHS = 24;

	private final JdbcTemplate jdbc;

	public TrendFigures(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The 24 months to m, oldest first. */
	static List<YearMonth> trendMonths(YearMonth month) {
		List<YearMonth> months = new ArrayList<>();
		for (int i = TREND_MONTHS - 1; i >= 0; i--) {
			months.add(month.minusMonths(i));
		}
		return months;
	}

	public RateTrend rateTrend(YearMonth month, ReportScope scope) {
		List<YearMonth> months = trendMonths(month);
		Map<String, Map<YearMonth, MonthValue>> rows = series("report_rate", months, scope, 100, false);
		Map<String, List<MonthValue>> byCategory = new LinkedHashMap<>();
		for (String category : categoriesWithAll()) {
			Map<YearMonth, MonthValue> values = rows.getOrDefault(category, Map.of());
			byCategory.put(category,
					months.stream().map(m -> values.getOrDefault(m, new MonthValue(m, null, null, null))).toList());
		}
		Map<String, Map<YearMonth, MonthValue>> twelve = series("report_rate_12m", List.of(month.minusYears(1), month),
				scope, 100, false);
		Map<YearMonth, Double> rate12m = new HashMap<>();
		twelve.getOrDefault(Category.ALL, Map.of()).forEach((m, v) -> rate12m.put(m, v.value()));
		return new RateTrend(months, byCategory, rate12m, counts12m(month, scope, "report_rate_12m"));
	}

	/**
	 * Numerator and denominator behind a 12-month indicator (category all) in month m and
	 * a year earlier: the unit's own, or summed over a set of complexes.
	 */
	private Map<YearMonth, double[]> counts12m(YearMonth month, ReportScope scope, String indicator) {
		String[] periods = { month.minusYears(1).atDay(1).toString(), month.atDay(1).toString() };
		Map<YearMonth, double[]> counts = new HashMap<>();
		boolean unit = ChartFigures.isCity(scope) || scope.neighbourhoodCode() != null;
		String sql = unit ? """
				select period, numerator, denominator from indicator_value
				where period = any(?::date[]) and level = ? and unit_id = ? and category = 'all'
				  and indicator = ? and numerator is not null and denominator > 0
				""" : """
				select period, sum(numerator), sum(denominator) from indicator_value
				where period = any(?::date[]) and level = 'complex' and unit_id = any(?) and category = 'all'
				  and indicator = ? and denominator > 0
				group by period having count(value) = count(*)
				""";
		Object[] args = unit
				? new Object[] { periods, ChartFigures.isCity(scope) ? "city" : "neighbourhood",
						ChartFigures.isCity(scope) ? "city" : scope.neighbourhoodCode(), indicator }
				: new Object[] { periods, scope.complexIds().toArray(String[]::new), indicator };
		jdbc.query(sql, rs -> {
			counts.put(YearMonth.from(rs.getDate(1).toLocalDate()), new double[] { rs.getDouble(2), rs.getDouble(3) });
		}, args);
		return counts;
	}

	public RepeatTrend repeatTrend(YearMonth month, ReportScope scope) {
		List<YearMonth> months = trendMonths(month);
		Map<YearMonth, MonthValue> monthly = series("dwelling_repeat_rate", months, scope, 1, true)
			.getOrDefault(Category.ALL, Map.of());
		Map<YearMonth, MonthValue> twelve = series("dwelling_repeat_rate_12m", months, scope, 1, true)
			.getOrDefault(Category.ALL, Map.of());
		return new RepeatTrend(months,
				months.stream().map(m -> monthly.getOrDefault(m, new MonthValue(m, null, null, null))).toList(),
				months.stream().map(m -> twelve.getOrDefault(m, new MonthValue(m, null, null, null))).toList(),
				counts12m(month, scope, "dwelling_repeat_rate_12m"));
	}

	/**
	 * One indicator for the scope, per category and month. One unit: its stored value and
	 * interval. A set of complexes: scale * sum(numerator) / sum(denominator), missing
	 * when any member's figure is missing; shares get a Wilson interval on the summed
	 * counts.
	 */
	private Map<String, Map<YearMonth, MonthValue>> series(String indicator, List<YearMonth> months, ReportScope scope,
			double scale, boolean share) {
		String[] periods = months.stream().map(m -> m.atDay(1).toString()).toArray(String[]::new);
		Map<String, Map<YearMonth, MonthValue>> result = new HashMap<>();
		if (ChartFigures.isCity(scope) || scope.neighbourhoodCode() != null) {
			String level = ChartFigures.isCity(scope) ? "city" : "neighbourhood";
			String unit = ChartFigures.isCity(scope) ? "city" : scope.neighbourhoodCode();
			jdbc.query("""
					select period, category, value, ci_low, ci_high from indicator_value
					where period = any(?::date[]) and level = ? and unit_id = ? and indicator = ?
					""", rs -> {
				YearMonth m = YearMonth.from(rs.getDate(1).toLocalDate());
				result.computeIfAbsent(rs.getString(2), k -> new TreeMap<>())
					.put(m, new MonthValue(m, ChartFigures.nullableDouble(rs, 3), ChartFigures.nullableDouble(rs, 4),
							ChartFigures.nullableDouble(rs, 5)));
			}, periods, level, unit, indicator);
			return result;
		}
		jdbc.query("""
				select period, category, sum(numerator), sum(denominator), count(value) = count(*)
				from indicator_value
				where period = any(?::date[]) and level = 'complex' and unit_id = any(?) and indicator = ?
				group by period, category
				""", rs -> {
			YearMonth m = YearMonth.from(rs.getDate(1).toLocalDate());
			double num = rs.getDouble(3);
			double den = rs.getDouble(4);
			boolean complete = rs.getBoolean(5);
			MonthValue value = !complete || den <= 0 ? new MonthValue(m, null, null, null)
					: share ? wilson(m, num, den) : new MonthValue(m, scale * num / den, null, null);
			result.computeIfAbsent(rs.getString(2), k -> new TreeMap<>()).put(m, value);
		}, periods, scope.complexIds().toArray(String[]::new), indicator);
		return result;
	}

	/**
	 * The share x / n with its Wilson interval (indicators.md, Intervals), from the stats
	 * helper.
	 */
	static MonthValue wilson(YearMonth month, double x, double n) {
		Interval interval = Intervals.wilson(Math.round(x), Math.round(n));
		return new MonthValue(month, x / n, interval.low(), interval.high());
	}

	private static List<String> categoriesWithAll() {
		List<String> codes = new ArrayList<>(Category.codes());
		codes.add(Category.ALL);
		return codes;
	}

}
