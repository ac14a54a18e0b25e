package nl.leefbaar.report.excel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import nl.leefbaar.domain.Category;
import nl.leefbaar.indicators.stats.Change;
import nl.leefbaar.indicators.stats.ExpectedRange;
import nl.leefbaar.indicators.stats.Interval;

/**
 * Aandacht (outputs.md, Managers): the complexes that need attention this month, each
 * once, under its first reason, with its other reasons beside it. The reasons, in this
 * order:
 * <ol>
 * <li>a funnel flag {@code high} on {@code report_rate_12m} or
 * {@code dwelling_repeat_rate_12m}, in any category, largest observed / expected
 * first;</li>
 * <li>a hotspot new this month (not a hotspot at the end of m - 1), smallest p-value
 * first;</li>
 * <li>a flag {@code elevated} on those indicators, largest observed / expected
 * first;</li>
 * <li>a significant rise of {@code reports_12m} against the 12 months before (the exact
 * conditional rate-ratio test, the dwellings as exposure), smallest p-value first.</li>
 * </ol>
 * Ties by complex id. Observed / expected is the complex's figure over the city's of the
 * same indicator and category (E is the city's rate or share at the complex's
 * denominator). The list of a dashboard is the city's list cut to its complexes: the
 * order of two complexes never depends on whose dashboard it is.
 */
final class AttentionList {

	/** At most this many complexes. */
	static final int LIMIT = 10;

	/** The reasons in the order of outputs.md. */
	enum Kind {

		HIGH, NEW_HOTSPOT, ELEVATED, RISE

	}

	/**
	 * One reason: its kind, the indicator and category behind it, the sort key within the
	 * kind (ascending: minus observed / expected, or the p-value), the figure with its
	 * expected range (flags), the hotspot (new hotspots) or the change (rises).
	 */
	record Reason(Kind kind, String complexId, String indicator, String category, double key, Figure figure,
			Interval expected, double observedOverExpected, DashboardStore.Hotspot hotspot, Change change,
			Figure before) {
	}

	/** A complex on the list: its first reason and the others. */
	record Entry(DashboardStore.Complex complex, Reason reason, List<Reason> others) {
	}

	private AttentionList() {
	}

	/** The first {@link #LIMIT} complexes of the scope that need attention. */
	static List<Entry> of(DashboardData data, Predicate<String> inScope) {
		return of(data, inScope, LIMIT);
	}

	static List<Entry> of(DashboardData data, Predicate<String> inScope, int limit) {
		List<Reason> reasons = new ArrayList<>();
		data.flagged.forEach((complexId, figures) -> {
			if (inScope.test(complexId)) {
				figures.forEach((key, figure) -> flagReason(data, complexId, key, figure, reasons));
			}
		});
		for (DashboardStore.Hotspot hotspot : data.hotspots) {
			if (Boolean.TRUE.equals(hotspot.newThisMonth()) && inScope.test(hotspot.complexId())) {
				reasons.add(new Reason(Kind.NEW_HOTSPOT, hotspot.complexId(), "hotspots", hotspot.category(),
						hotspot.pValue() == null ? 1.0 : hotspot.pValue(), null, null, Double.NaN, hotspot, null,
						null));
			}
		}
		for (DashboardStore.Complex complex : data.complexes) {
			if (inScope.test(complex.id())) {
				riseReason(data, complex.id(), reasons);
			}
		}
		reasons.sort(Comparator.comparing(Reason::kind)
			.thenComparingDouble(Reason::key)
			.thenComparing(Reason::complexId)
			.thenComparing(Reason::category));
		Map<String, Entry> entries = new LinkedHashMap<>();
		for (Reason reason : reasons) {
			Entry entry = entries.get(reason.complexId());
			if (entry == null) {
				if (entries.size() < limit) {
					entries.put(reason.complexId(),
							new Entry(data.complexById.get(reason.complexId()), reason, new ArrayList<>()));
				}
			}
			else {
				entry.others().add(reason);
			}
		}
		return List.copyOf(entries.values());
	}

	/** A high or elevated flag, with observed / expected and the expected range. */
	private static void flagReason(DashboardData data, String complexId, String key, Figure figure,
			List<Reason> reasons) {
		String[] parts = key.split("\\|", 2);
		String indicator = parts[0];
		String category = parts[1];
		Kind kind = "high".equals(figure.flag()) ? Kind.HIGH : Kind.ELEVATED;
		Double cityValue = data.city(category, indicator).value();
		if (figure.value() == null || cityValue == null || cityValue <= 0 || figure.denominator() == null) {
			return;
		}
		double ratio = figure.value() / cityValue;
		DashboardStore.FunnelStat stat = data.funnelStat(indicator, category);
		Interval expected = expectedRange(indicator, figure, cityValue, stat);
		reasons
			.add(new Reason(kind, complexId, indicator, category, -ratio, figure, expected, ratio, null, null, null));
	}

	/**
	 * The expected range beside a flag, in the figure's own unit: per 100 dwellings for
	 * the rate, a share for the dwelling repeat rate.
	 */
	static Interval expectedRange(String indicator, Figure figure, double cityValue, DashboardStore.FunnelStat stat) {
		double denominator = figure.denominator();
		if (indicator.equals("report_rate_12m")) {
			double expectedCount = cityValue / 100 * denominator;
			Interval counts = ExpectedRange.ofCount(expectedCount, stat.adjusted(), stat.tau2());
			return new Interval(100 * counts.low() / denominator, 100 * counts.high() / denominator);
		}
		return ExpectedRange.ofShare(cityValue, denominator, stat.adjusted(), stat.tau2());
	}

	/**
	 * A significant rise of the 12-month reports against the 12 months before, the
	 * dwellings of each period as exposure.
	 */
	private static void riseReason(DashboardData data, String complexId, List<Reason> reasons) {
		Change change = data.yearChange(complexId);
		if (change != null && change.significant() && change.direction() > 0) {
			reasons.add(new Reason(Kind.RISE, complexId, "reports_12m", Category.ALL, change.pValue(),
					data.figure(complexId, "report_rate_12m"), null, Double.NaN, null, change,
					data.yearAgo(complexId, "report_rate_12m")));
		}
	}

	/**
	 * The 12-month reports of m against those of m - 12 (report_rate_12m's numerators
	 * over its denominators, the dwellings); null without both figures.
	 */
	static Change yearChange(DashboardData data, String complexId) {
		Figure now = data.figure(complexId, "report_rate_12m");
		Figure before = data.yearAgo(complexId, "report_rate_12m");
		if (now.numerator() == null || before.numerator() == null || now.denominator() == null
				|| before.denominator() == null || now.denominator() <= 0 || before.denominator() <= 0) {
			return null;
		}
		return Change.ofCounts(Math.round(now.numerator()), now.denominator(), Math.round(before.numerator()),
				before.denominator());
	}

}
