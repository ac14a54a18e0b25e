package nl.leefbaar.report.charts;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The figures behind each chart, read from the indicator tables. The slides package
 * computes its takeaways from the same records, so chart and sentence never disagree.
 */
public final class Figures {

	private Figures() {
	}

	/** One month's value with its 95 % interval (interval null where not known). */
	public record MonthValue(YearMonth month, Double value, Double low, Double high) {
	}

	/**
	 * report_rate per 100 dwellings, per category code (and "all"), month by month;
	 * rate12m holds report_rate_12m (category all) for month m and the same month a year
	 * earlier, for the takeaway; counts12m its reports and dwellings there (for the test
	 * of the change), where known.
	 */
	public record RateTrend(List<YearMonth> months, Map<String, List<MonthValue>> byCategory,
			Map<YearMonth, Double> rate12m, Map<YearMonth, double[]> counts12m) {

		public RateTrend(List<YearMonth> months, Map<String, List<MonthValue>> byCategory,
				Map<YearMonth, Double> rate12m) {
			this(months, byCategory, rate12m, Map.of());
		}

		public MonthValue at(String category, YearMonth month) {
			return byCategory.getOrDefault(category, List.of())
				.stream()
				.filter(v -> v.month().equals(month))
				.findFirst()
				.orElse(null);
		}
	}

	/**
	 * dwelling_repeat_rate (month) and dwelling_repeat_rate_12m, category all; counts12m
	 * holds the repeat reports and reports behind the 12-month share in month m and a
	 * year earlier (for the test of the change), where known.
	 */
	public record RepeatTrend(List<YearMonth> months, List<MonthValue> monthly, List<MonthValue> twelveMonths,
			Map<YearMonth, double[]> counts12m) {

		public RepeatTrend(List<YearMonth> months, List<MonthValue> monthly, List<MonthValue> twelveMonths) {
			this(months, monthly, twelveMonths, Map.of());
		}

		public MonthValue twelveMonthsAt(YearMonth month) {
			return twelveMonths.stream().filter(v -> v.month().equals(month)).findFirst().orElse(null);
		}

		public MonthValue monthlyAt(YearMonth month) {
			return monthly.stream().filter(v -> v.month().equals(month)).findFirst().orElse(null);
		}
	}

	/** A complex in the funnel plot: x = dwellings, y = reports_12m per 100 dwellings. */
	public record FunnelPoint(String complexId, String name, double dwellings, double reports, double rate, String flag,
			boolean inScope) {
	}

	/**
	 * The funnel's complexes, the city's rate (reports per dwelling) and the funnel_stat
	 * row.
	 */
	public record Funnel(List<FunnelPoint> points, double reportsPerDwelling, Double phi, Double tau2,
			boolean adjusted) {

		/** The points in the scope alone; the city's rate, phi and tau2 stay. */
		public Funnel scopeOnly() {
			return new Funnel(points.stream().filter(FunnelPoint::inScope).toList(), reportsPerDwelling, phi, tau2,
					adjusted);
		}

	}

	/**
	 * A ranked unit: report_rate_12m with its own interval, its flag and the expected
	 * range that decides the flag (the 95 % funnel limits at its dwellings).
	 */
	public record RankItem(String unitId, String name, double value, Double low, Double high, String flag,
			Double rangeLow, Double rangeHigh) {
	}

	/**
	 * Units ranked highest first; level is "neighbourhood" or "complex"; reference is the
	 * city's rate.
	 */
	public record Ranking(String level, List<RankItem> items, Double reference) {
	}

	/** A pooled activity_effect row (activity_id null): one activity type. */
	public record Effect(String type, String category, int before, int after, Double ratio, Double low, Double high,
			Double pValue, Integer comparisonBefore, Integer comparisonAfter, Double comparisonRatio,
			Double effectVsComparison, Double effectLow, Double effectHigh) {
	}

	/**
	 * The concentration curve: complexes sorted by 12-month reports, most first; point i
	 * is the share of complexes (i / n) against the share of reports they account for.
	 */
	public record Concentration(double[] complexShare, double[] reportShare, int complexes, double reports,
			Double top10Share, Double top10DwellingShare) {
	}

	/**
	 * A neighbourhood on the maps: liveability index, report_rate_12m and
	 * dwelling_repeat_rate_12m (category all) with their flags; any may be null.
	 */
	public record MapUnit(String code, String name, Double index, Double rate, String rateFlag, Double repeat,
			String repeatFlag) {
	}

}
