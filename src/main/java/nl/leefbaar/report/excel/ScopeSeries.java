package nl.leefbaar.report.excel;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.leefbaar.domain.Level;

/**
 * A dashboard's own monthly figures over the 24 months to m, per category and indicator:
 * the city's stored figures for the team, or an owner's, added up from its complexes as
 * indicators.md adds up a neighbourhood (counts summed; rates and shares rebuilt from the
 * summed numerators and denominators, never averaged). The source of the Overzicht's
 * headline figures, their changes and the Trends sheet.
 */
final class ScopeSeries {

	static final int MONTHS = 24;

	/** Every indicator a dashboard shows over time, category all. */
	static final List<String> INDICATORS = List.of("reports", "reports_12m", "report_rate", "report_rate_12m",
			"dwelling_repeat_rate", "dwelling_repeat_rate_12m", "closed_within_target_share", "open_overdue",
			"activities", "participants", "liveability_index");

	/** The indicators of the Trends sheet, every category. */
	static final List<String> PER_CATEGORY = List.of("reports", "report_rate", "dwelling_repeat_rate",
			"closed_within_target_share");

	private static final Set<String> RATES = Set.of("report_rate", "report_rate_12m", "participation_rate_12m");

	private static final Set<String> SHARES = Set.of("dwelling_repeat_rate", "dwelling_repeat_rate_12m",
			"closed_within_target_share", "repeat_rate", "repeat_rate_12m");

	final YearMonth month;

	private final Map<String, Map<String, Map<YearMonth, Figure>>> figures;

	ScopeSeries(YearMonth month, Map<String, Map<String, Map<YearMonth, Figure>>> figures) {
		this.month = month;
		this.figures = figures;
	}

	/** The city's stored figures (the team's dashboard: every complex). */
	static ScopeSeries city(FigureStore store, YearMonth month) {
		return new ScopeSeries(month,
				store.series(Level.CITY, Level.CITY_UNIT, month.minusMonths(MONTHS - 1), month, INDICATORS));
	}

	/**
	 * An owner's figures from the sums over its complexes (DashboardStore.ownerSums): per
	 * category, indicator and month {value sum, numerator sum, denominator sum, complexes
	 * missing for lack of look-back}. A figure one of whose complexes lacks the look-back
	 * is missing too; a share over nothing is missing.
	 */
	static ScopeSeries fromSums(YearMonth month, Map<String, Map<String, Map<YearMonth, double[]>>> sums) {
		Map<String, Map<String, Map<YearMonth, Figure>>> figures = new HashMap<>();
		sums.forEach((category,
				byIndicator) -> byIndicator.forEach((indicator,
						byMonth) -> byMonth.forEach((at, s) -> figures.computeIfAbsent(category, k -> new HashMap<>())
							.computeIfAbsent(indicator, k -> new HashMap<>())
							.put(at, figure(indicator, s)))));
		return new ScopeSeries(month, figures);
	}

	private static Figure figure(String indicator, double[] sums) {
		Double numerator = Double.isNaN(sums[1]) ? null : sums[1];
		Double denominator = Double.isNaN(sums[2]) ? null : sums[2];
		if (sums[3] > 0) {
			return new Figure(null, numerator, denominator, null, null, "incomplete_lookback");
		}
		Double value;
		if (RATES.contains(indicator)) {
			value = numerator == null || denominator == null || denominator == 0 ? null : 100 * numerator / denominator;
		}
		else if (SHARES.contains(indicator)) {
			value = numerator == null || denominator == null || denominator == 0 ? null : numerator / denominator;
		}
		else {
			value = Double.isNaN(sums[0]) ? null : sums[0];
		}
		return new Figure(value, numerator, denominator, null, null, null);
	}

	/** The 24 months to m, oldest first. */
	List<YearMonth> months() {
		List<YearMonth> months = new ArrayList<>();
		for (int i = MONTHS - 1; i >= 0; i--) {
			months.add(month.minusMonths(i));
		}
		return months;
	}

	static List<String> categories() {
		return DashboardStore.categories();
	}

	Figure figure(String category, String indicator, YearMonth at) {
		return Figure.orMissing(figures.getOrDefault(category, Map.of()).getOrDefault(indicator, Map.of()).get(at));
	}

	Double value(String category, String indicator, YearMonth at) {
		return figure(category, indicator, at).value();
	}

	/** Whether any month has a figure of this indicator and category. */
	boolean hasAny(String category, String indicator) {
		return figures.getOrDefault(category, Map.of())
			.getOrDefault(indicator, Map.of())
			.values()
			.stream()
			.anyMatch(f -> f.value() != null);
	}

}
