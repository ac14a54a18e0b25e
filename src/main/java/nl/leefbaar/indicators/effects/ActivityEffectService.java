package nl.leefbaar.indicators.effects;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import nl.leefbaar.indicators.stats.Interval;
import nl.leefbaar.indicators.stats.RateRatioTest;
import nl.leefbaar.system.LeefbaarProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activity effects as of month m (indicators.md, Activity effect): the windows and counts
 * from {@link EffectCounts} (one pass over the reports' days, linear in reports +
 * activities + complexes), the exact rate-ratio test and the intervals, stored in
 * {@code activity_effect} under the period's first day.
 *
 * <p>
 * Choices the spec leaves open, made here:
 * <ul>
 * <li>A window shorter than the minimum is {@code too_recent} when the days from d to the
 * end of m are the scarcer side (ties too), {@code too_early} when the days since the
 * first report are. Such a row keeps its identity, type, category and the shortened
 * window it would have had (at least 0); counts, test and comparison stay empty.</li>
 * <li>Without any other complex in the neighbourhood that qualifies, the comparison
 * fields are empty (no group), not 0.</li>
 * <li>Only activities at a complex exclude that complex from a comparison group; a
 * neighbourhood-wide activity counts for the neighbourhood, not its complexes. Every such
 * activity excludes, whatever its own row says: one dated after m, or too recent to
 * measure, still leaves its complex out of the groups within B days of it.</li>
 * <li>The first report's day that shortens the windows is that of all reports, of every
 * complex and category.</li>
 * <li>A pooled row sums the type's unflagged rows; its comparison sums only those rows
 * that have a comparison group; with no row to sum, the sums are empty rather than
 * 0.</li>
 * </ul>
 */
@Component
public class ActivityEffectService {

	private final NamedParameterJdbcTemplate jdbc;

	/** Reads the reports' days a thousand rows at a time (inside a transaction). */
	private final NamedParameterJdbcTemplate reader;

	public ActivityEffectService(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
		JdbcTemplate fetching = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
		fetching.setFetchSize(1_000);
		this.reader = new NamedParameterJdbcTemplate(fetching);
	}

	/**
	 * Computes the effects as of month m and replaces that period's rows of
	 * activity_effect in one transaction. Returns the per-activity rows (by date, then
	 * activity_id) followed by the pooled rows (by type).
	 */
	@Transactional
	public List<ActivityEffect> computeAndStore(YearMonth month, LeefbaarProperties.Indicators settings) {
		List<ActivityEffect> effects = compute(month, settings);
		store(month.atDay(1), effects);
		return effects;
	}

	/** The effects as of month m, without storing them. */
	public List<ActivityEffect> compute(YearMonth month, LeefbaarProperties.Indicators settings) {
		int minWindow = settings.effectMinWindowDays();
		// Many activities share their counts: each pair's test is computed once.
		Map<Counts, RateRatioTest> tests = new HashMap<>();
		List<ActivityEffect> rows = new ArrayList<>();
		for (EffectCounts.Counted counted : EffectCounts.count(reader, month.atEndOfMonth(),
				settings.effectWindowDays(), minWindow)) {
			rows.add(activityRow(counted, minWindow, tests));
		}
		List<ActivityEffect> result = new ArrayList<>(rows);
		result.addAll(pooledRows(rows, tests));
		return result;
	}

	private static ActivityEffect activityRow(EffectCounts.Counted a, int minWindow, Map<Counts, RateRatioTest> tests) {
		if (!a.counted(minWindow)) {
			String flag = a.daysAfter() <= a.daysBefore() ? ActivityEffect.TOO_RECENT : ActivityEffect.TOO_EARLY;
			return new ActivityEffect(a.activityId(), a.type(), a.complexId(), a.neighbourhoodCode(), a.date(),
					a.category(), Math.max(0, a.window()), null, null, null, null, null, null, null, null, null, null,
					flag, null, null);
		}
		return effect(a.activityId(), a.type(), a.complexId(), a.neighbourhoodCode(), a.date(), a.category(),
				a.window(), a.own(), a.comparison(), tests);
	}

	/** One pooled row per type over all its rows, summing the unflagged ones. */
	private static List<ActivityEffect> pooledRows(List<ActivityEffect> rows, Map<Counts, RateRatioTest> tests) {
		Map<String, List<ActivityEffect>> byType = new TreeMap<>();
		for (ActivityEffect row : rows) {
			byType.computeIfAbsent(row.type(), t -> new ArrayList<>()).add(row);
		}
		List<ActivityEffect> pooled = new ArrayList<>();
		byType.forEach((type, ofType) -> {
			Set<String> categories = new LinkedHashSet<>();
			Counts own = null;
			Counts comparison = null;
			for (ActivityEffect row : ofType) {
				categories.add(row.category());
				if (row.flagged()) {
					continue;
				}
				own = Counts.plus(own, new Counts(row.before(), row.after()));
				if (row.comparisonBefore() != null) {
					comparison = Counts.plus(comparison, new Counts(row.comparisonBefore(), row.comparisonAfter()));
				}
			}
			String category = categories.size() == 1 ? categories.iterator().next() : null;
			pooled.add(effect(null, type, null, null, null, category, null, own, comparison, tests));
		});
		return pooled;
	}

	private static ActivityEffect effect(String activityId, String type, String complexId, String neighbourhood,
			LocalDate date, String category, Integer window, Counts own, Counts comparison,
			Map<Counts, RateRatioTest> tests) {
		RateRatioTest test = own == null ? new RateRatioTest(null, null, null, null)
				: tests.computeIfAbsent(own, counts -> RateRatioTest.of(counts.after(), counts.before()));
		Double comparisonRatio = comparison == null || comparison.before() == 0 ? null
				: (double) comparison.after() / comparison.before();
		// rate_ratio / comparison_rate_ratio: the difference of the log rate ratios.
		Double effect = test.rateRatio() == null || comparisonRatio == null || comparisonRatio == 0 ? null
				: test.rateRatio() / comparisonRatio;
		Integer before = own == null ? null : own.before();
		Integer after = own == null ? null : own.after();
		Integer comparisonBefore = comparison == null ? null : comparison.before();
		Integer comparisonAfter = comparison == null ? null : comparison.after();
		Interval effectInterval = EffectInterval.of(before, after, comparisonBefore, comparisonAfter);
		return new ActivityEffect(activityId, type, complexId, neighbourhood, date, category, window, before, after,
				test.rateRatio(), test.ciLow(), test.ciHigh(), test.pValue(), comparisonBefore, comparisonAfter,
				comparisonRatio, effect, null, effectInterval == null ? null : effectInterval.low(),
				effectInterval == null ? null : effectInterval.high());
	}

	/**
	 * The stored effects of month m, in the order {@link #computeAndStore} returned them.
	 */
	public List<ActivityEffect> load(YearMonth month) {
		return jdbc.query(EffectQueries.LOAD_PERIOD, new MapSqlParameterSource("period", month.atDay(1)),
				(rs, rowNum) -> new ActivityEffect(rs.getString("activity_id"), rs.getString("type"),
						rs.getString("complex_id"), rs.getString("neighbourhood_code"),
						rs.getObject("date", LocalDate.class), rs.getString("category"),
						rs.getObject("window_days", Integer.class), rs.getObject("before", Integer.class),
						rs.getObject("after", Integer.class), rs.getObject("rate_ratio", Double.class),
						rs.getObject("ci_low", Double.class), rs.getObject("ci_high", Double.class),
						rs.getObject("p_value", Double.class), rs.getObject("comparison_before", Integer.class),
						rs.getObject("comparison_after", Integer.class),
						rs.getObject("comparison_rate_ratio", Double.class),
						rs.getObject("effect_vs_comparison", Double.class), rs.getString("flag"),
						rs.getObject("effect_ci_low", Double.class), rs.getObject("effect_ci_high", Double.class)));
	}

	private void store(LocalDate period, List<ActivityEffect> effects) {
		jdbc.getJdbcTemplate().update(EffectQueries.DELETE_PERIOD, Date.valueOf(period));
		List<Object[]> rows = new ArrayList<>(effects.size());
		for (ActivityEffect e : effects) {
			rows.add(new Object[] { Date.valueOf(period), e.activityId(), e.type(), e.complexId(),
					e.neighbourhoodCode(), e.date() == null ? null : Date.valueOf(e.date()), e.category(),
					e.windowDays(), e.before(), e.after(), e.rateRatio(), e.ciLow(), e.ciHigh(), e.pValue(),
					e.comparisonBefore(), e.comparisonAfter(), e.comparisonRateRatio(), e.effectVsComparison(),
					e.flag(), e.effectCiLow(), e.effectCiHigh() });
		}
		int[] types = { Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DATE,
				Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.DOUBLE, Types.DOUBLE, Types.DOUBLE,
				Types.DOUBLE, Types.INTEGER, Types.INTEGER, Types.DOUBLE, Types.DOUBLE, Types.VARCHAR, Types.DOUBLE,
				Types.DOUBLE };
		jdbc.getJdbcTemplate().batchUpdate(EffectQueries.INSERT, rows, types);
	}

	/** Reports before and after, or summed over a group. */
	record Counts(int before, int after) {
		static Counts plus(Counts sum, Counts add) {
			return sum == null ? add : new Counts(sum.before() + add.before(), sum.after() + add.after());
		}
	}

}
