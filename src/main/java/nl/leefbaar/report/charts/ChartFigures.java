package nl.leefbaar.report.charts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.leefbaar.indicators.stats.ExpectedRange;
import nl.leefbaar.indicators.stats.Interval;
import nl.leefbaar.report.ReportWriter.ReportScope;
import nl.leefbaar.report.charts.Figures.Concentration;
import nl.leefbaar.report.charts.Figures.Effect;
import nl.leefbaar.report.charts.Figures.Funnel;
import nl.leefbaar.report.charts.Figures.FunnelPoint;
import nl.leefbaar.report.charts.Figures.RankItem;
import nl.leefbaar.report.charts.Figures.Ranking;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the month's figures for the funnel, ranking, effect and concentration charts from
 * the indicator tables (V2__domain.sql), for the city, one neighbourhood or a set of
 * complexes; the 24-month series are read by {@link TrendFigures}.
 */
@Component
public class ChartFigures {

	private final JdbcTemplate jdbc;

	public ChartFigures(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every complex of the city; those in the scope are marked, the limits are the
	 * city's.
	 */
	public Funnel funnel(YearMonth month, ReportScope scope) {
		Set<String> inScope = scopeComplexes(scope);
		List<FunnelPoint> points = jdbc.query("""
				select c.complex_id, c.name, c.dwellings, iv.numerator, iv.value, iv.flag
				from indicator_value iv join complex c on c.complex_id = iv.unit_id
				where iv.period = ? and iv.level = 'complex' and iv.category = 'all'
				  and iv.indicator = 'report_rate_12m' and iv.value is not null
				order by c.complex_id
				""", (rs, i) -> {
			String id = rs.getString(1);
			double dwellings = rs.getDouble(3);
			double value = rs.getDouble(5);
			Double numerator = nullableDouble(rs, 4);
			double reports = numerator != null ? numerator : value * dwellings / 100;
			return new FunnelPoint(id, rs.getString(2), dwellings, reports, value, rs.getString(6),
					inScope == null || inScope.contains(id));
		}, month.atDay(1));
		double reports = points.stream().mapToDouble(FunnelPoint::reports).sum();
		double dwellings = points.stream().mapToDouble(FunnelPoint::dwellings).sum();
		List<Object[]> stat = jdbc.query("""
				select phi, tau2, adjusted from funnel_stat
				where period = ? and level = 'complex' and category = 'all' and indicator = 'report_rate_12m'
				""", (rs, i) -> new Object[] { nullableDouble(rs, 1), nullableDouble(rs, 2), rs.getBoolean(3) },
				month.atDay(1));
		Double phi = stat.isEmpty() ? null : (Double) stat.get(0)[0];
		Double tau2 = stat.isEmpty() ? null : (Double) stat.get(0)[1];
		boolean adjusted = !stat.isEmpty() && (Boolean) stat.get(0)[2];
		return new Funnel(points, dwellings > 0 ? reports / dwellings : 0, phi, tau2, adjusted);
	}

	/**
	 * The units inside the scope, highest rate first: the neighbourhoods of the city, or
	 * the complexes of one neighbourhood or of the chosen set.
	 */
	public Ranking ranking(YearMonth month, ReportScope scope) {
		String select = """
				select iv.unit_id, %s, iv.value, iv.ci_low, iv.ci_high, iv.flag, iv.denominator
				from indicator_value iv %s
				where iv.period = ? and iv.category = 'all' and iv.indicator = 'report_rate_12m'
				  and iv.value is not null and %s
				order by iv.value desc, iv.unit_id
				""";
		List<RankItem> items;
		String level;
		if (isCity(scope)) {
			level = "neighbourhood";
			items = jdbc.query(select.formatted("n.name", "join neighbourhood n on n.neighbourhood_code = iv.unit_id",
					"iv.level = 'neighbourhood'"), this::rankItem, month.atDay(1));
		}
		else if (scope.neighbourhoodCode() != null) {
			level = "complex";
			items = jdbc.query(
					select.formatted("c.name", "join complex c on c.complex_id = iv.unit_id",
							"iv.level = 'complex' and c.neighbourhood_code = ?"),
					this::rankItem, month.atDay(1), scope.neighbourhoodCode());
		}
		else {
			level = "complex";
			items = jdbc.query(
					select.formatted("c.name", "join complex c on c.complex_id = iv.unit_id",
							"iv.level = 'complex' and iv.unit_id = any(?)"),
					this::rankItem, month.atDay(1), scope.complexIds().toArray(String[]::new));
		}
		List<Double> city = jdbc.queryForList("""
				select value from indicator_value where period = ? and level = 'city' and unit_id = 'city'
				  and category = 'all' and indicator = 'report_rate_12m'
				""", Double.class, month.atDay(1));
		LevelRate reference = levelRate(month, level);
		items = items.stream().map(item -> {
			if (reference == null || item.rangeLow() == null) {
				return new RankItem(item.unitId(), item.name(), item.value(), item.low(), item.high(), item.flag(),
						null, null);
			}
			// rangeLow holds the unit's dwellings until here
			double dwellings = item.rangeLow();
			Interval counts = ExpectedRange.ofCount(reference.perDwelling() * dwellings, reference.tau2() > 0,
					reference.tau2());
			return new RankItem(item.unitId(), item.name(), item.value(), item.low(), item.high(), item.flag(),
					100 * counts.low() / dwellings, 100 * counts.high() / dwellings);
		}).toList();
		return new Ranking(level, items, city.isEmpty() ? null : city.get(0));
	}

	/**
	 * The reference of a level's report_rate_12m flags: its reports per dwelling over all
	 * its units with dwellings, and tau2 where the flags are adjusted (else 0).
	 */
	public record LevelRate(double perDwelling, double tau2) {
	}

	public LevelRate levelRate(YearMonth month, String level) {
		List<LevelRate> rates = jdbc.query("""
				select sum(iv.numerator) / nullif(sum(iv.denominator), 0),
				       coalesce((select case when fs.adjusted then fs.tau2 else 0 end from funnel_stat fs
				                 where fs.period = iv.period and fs.level = iv.level and fs.category = 'all'
				                   and fs.indicator = 'report_rate_12m'), 0)
				from indicator_value iv
				where iv.period = ? and iv.level = ? and iv.category = 'all' and iv.indicator = 'report_rate_12m'
				  and iv.denominator > 0
				group by iv.period, iv.level
				""", (rs, i) -> rs.getObject(1) == null ? null : new LevelRate(rs.getDouble(1), rs.getDouble(2)),
				month.atDay(1), level);
		return rates.isEmpty() ? null : rates.get(0);
	}

	private RankItem rankItem(ResultSet rs, int row) throws SQLException {
		return new RankItem(rs.getString(1), rs.getString(2), rs.getDouble(3), nullableDouble(rs, 4),
				nullableDouble(rs, 5), rs.getString(6), nullableDouble(rs, 7), null);
	}

	/**
	 * The pooled rows of activity_effect (activity_id null), one per activity type;
	 * city-wide.
	 */
	public List<Effect> effects(YearMonth month) {
		// effect_ci_low/high come with the effects line's migration; until then they are
		// absent and the effect is drawn without its interval
		boolean intervals = !jdbc.queryForList("""
				select column_name from information_schema.columns
				where table_name = 'activity_effect' and column_name = 'effect_ci_low'
				""", String.class).isEmpty();
		String ci = intervals ? "effect_ci_low, effect_ci_high" : "null::float8, null::float8";
		return jdbc.query("""
				select type, category, before, after, rate_ratio, ci_low, ci_high, p_value,
				       comparison_before, comparison_after, comparison_rate_ratio, effect_vs_comparison, %s
				from activity_effect where period = ? and activity_id is null
				order by type
				""".formatted(ci),
				(rs, i) -> new Effect(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
						nullableDouble(rs, 5), nullableDouble(rs, 6), nullableDouble(rs, 7), nullableDouble(rs, 8),
						nullableInt(rs, 9), nullableInt(rs, 10), nullableDouble(rs, 11), nullableDouble(rs, 12),
						nullableDouble(rs, 13), nullableDouble(rs, 14)),
				month.atDay(1));
	}

	/**
	 * The first and last date of the activities pooled into the month's effects (rows
	 * with an activity id and no flag), or null when there are none.
	 */
	public LocalDate[] effectSpan(YearMonth month) {
		List<LocalDate[]> span = jdbc
			.query("""
					select min(date), max(date) from activity_effect
					where period = ? and activity_id is not null and flag is null and rate_ratio is not null
					""",
					(rs, i) -> rs.getDate(1) == null ? null
							: new LocalDate[] { rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate() },
					month.atDay(1));
		return span.isEmpty() ? null : span.get(0);
	}

	/**
	 * 12-month report counts of the scope's complexes (complexes without a row count as
	 * 0), sorted most first with ties by complex_id, as in the concentration indicator.
	 */
	public Concentration concentration(YearMonth month, ReportScope scope) {
		String where = isCity(scope) ? "true"
				: scope.neighbourhoodCode() != null ? "c.neighbourhood_code = ?" : "c.complex_id = any(?)";
		List<Object> args = new ArrayList<>(List.of(month.atDay(1)));
		if (!isCity(scope)) {
			args.add(scope.neighbourhoodCode() != null ? scope.neighbourhoodCode()
					: scope.complexIds().toArray(String[]::new));
		}
		List<double[]> rows = jdbc.query("""
				select coalesce(iv.value, 0), c.dwellings from complex c
				left join indicator_value iv on iv.unit_id = c.complex_id and iv.period = ? and iv.level = 'complex'
				     and iv.category = 'all' and iv.indicator = 'reports_12m'
				where %s
				order by coalesce(iv.value, 0) desc, c.complex_id
				""".formatted(where), (rs, i) -> new double[] { rs.getDouble(1), rs.getDouble(2) }, args.toArray());
		List<Double> counts = rows.stream().map(r -> r[0]).toList();
		int n = counts.size();
		double total = counts.stream().mapToDouble(Double::doubleValue).sum();
		double[] x = new double[n + 1];
		double[] y = new double[n + 1];
		double cumulative = 0;
		for (int i = 0; i < n; i++) {
			cumulative += counts.get(i);
			x[i + 1] = (i + 1) / (double) n;
			y[i + 1] = total > 0 ? cumulative / total : 0;
		}
		Double top10 = null;
		Double dwellingShare = null;
		if (n > 0 && total > 0) {
			int top = (int) Math.ceil(0.10 * n);
			top10 = y[top];
			double allDwellings = rows.stream().mapToDouble(r -> r[1]).sum();
			double topDwellings = rows.subList(0, top).stream().mapToDouble(r -> r[1]).sum();
			dwellingShare = allDwellings > 0 ? topDwellings / allDwellings : null;
		}
		if (!isCity(scope) && scope.neighbourhoodCode() == null) {
			return new Concentration(x, y, n, total, top10, dwellingShare);
		}
		// The published figure, where the indicators stage computed one for this unit.
		List<Double> stored = jdbc.queryForList("""
				select value from indicator_value where period = ? and level = ? and unit_id = ?
				  and category = 'all' and indicator = 'concentration_top10_12m' and value is not null
				""", Double.class, month.atDay(1), isCity(scope) ? "city" : "neighbourhood",
				isCity(scope) ? "city" : scope.neighbourhoodCode());
		return new Concentration(x, y, n, total, stored.isEmpty() ? top10 : stored.get(0), dwellingShare);
	}

	/**
	 * Every neighbourhood with its index and the 12-month headline figures with their
	 * flags (category all), for the maps.
	 */
	public List<Figures.MapUnit> mapUnits(YearMonth month) {
		Map<String, Figures.MapUnit> units = new LinkedHashMap<>();
		jdbc.query("select neighbourhood_code, name from neighbourhood order by neighbourhood_code", rs -> {
			units.put(rs.getString(1),
					new Figures.MapUnit(rs.getString(1), rs.getString(2), null, null, null, null, null));
		});
		jdbc.query("""
				select unit_id, indicator, value, flag from indicator_value
				where period = ? and level = 'neighbourhood' and category = 'all'
				  and indicator in ('liveability_index', 'report_rate_12m', 'dwelling_repeat_rate_12m')
				""", rs -> {
			Figures.MapUnit u = units.get(rs.getString(1));
			if (u == null) {
				return;
			}
			Double value = nullableDouble(rs, 3);
			String flag = rs.getString(4);
			units.put(u.code(), switch (rs.getString(2)) {
				case "liveability_index" ->
					new Figures.MapUnit(u.code(), u.name(), value, u.rate(), u.rateFlag(), u.repeat(), u.repeatFlag());
				case "report_rate_12m" ->
					new Figures.MapUnit(u.code(), u.name(), u.index(), value, flag, u.repeat(), u.repeatFlag());
				default -> new Figures.MapUnit(u.code(), u.name(), u.index(), u.rate(), u.rateFlag(), value, flag);
			});
		}, month.atDay(1));
		return List.copyOf(units.values());
	}

	/**
	 * When the month's figures were last computed (null if never): part of the render
	 * cache key.
	 */
	public Object computedAt(YearMonth month) {
		List<Timestamp> at = jdbc.queryForList("select computed_at from computed_month where period = ?",
				Timestamp.class, month.atDay(1));
		return at.isEmpty() ? null : at.get(0);
	}

	/** The name of the scope's neighbourhood, for titles. */
	public String neighbourhoodName(ReportScope scope) {
		if (scope == null || scope.neighbourhoodCode() == null) {
			return null;
		}
		List<String> names = jdbc.queryForList("select name from neighbourhood where neighbourhood_code = ?",
				String.class, scope.neighbourhoodCode());
		return names.isEmpty() ? scope.neighbourhoodCode() : names.get(0);
	}

	/** The complexes in the scope, or null for the whole city. */
	private Set<String> scopeComplexes(ReportScope scope) {
		if (isCity(scope)) {
			return null;
		}
		if (scope.neighbourhoodCode() != null) {
			return new HashSet<>(jdbc.queryForList("select complex_id from complex where neighbourhood_code = ?",
					String.class, scope.neighbourhoodCode()));
		}
		return new HashSet<>(scope.complexIds());
	}

	static boolean isCity(ReportScope scope) {
		return scope == null || scope.isCity();
	}

	static Double nullableDouble(ResultSet rs, int column) throws SQLException {
		double v = rs.getDouble(column);
		return rs.wasNull() ? null : v;
	}

	private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
		int v = rs.getInt(column);
		return rs.wasNull() ? null : v;
	}

}
