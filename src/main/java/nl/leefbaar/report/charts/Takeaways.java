package nl.leefbaar.report.slides;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;

import nl.leefbaar.domain.Category;
import nl.leefbaar.report.charts.ChartRenderer.ChartSet;
import nl.leefbaar.report.charts.Figures.Concentration;
import nl.leefbaar.report.charts.Figures.Effect;
import nl.leefbaar.report.charts.Figures.FunnelPoint;
import nl.leefbaar.report.charts.Figures.MonthValue;
import nl.leefbaar.report.charts.Figures.RankItem;
import nl.leefbaar.report.charts.Labels;

/**
 * The one-line message of each slide, computed from the figures the chart plots, so the
 * sentence and the picture cannot disagree. Every line falls back to "no data" rather
 * than inventing a figure.
 */
final class Takeaways {

	private Takeaways() {
	}

	static String of(String chart, ChartSet set) {
		Labels labels = set.labels();
		String line = switch (chart) {
			case "rate-trend" -> rateTrend(set, labels);
			case "repeat-trend" -> repeatTrend(set, labels);
			case "funnel" -> funnel(set, labels);
			case "ranking" -> ranking(set, labels);
			case "activity-effect" -> effect(set.effects(), labels);
			case "concentration" -> concentration(set.concentration(), labels);
			default -> null;
		};
		return line != null ? line : labels.get("takeaway.none");
	}

	/**
	 * The 12-month rate (report_rate_12m, all) and its change against the same month a
	 * year earlier.
	 */
	static String rateTrend(ChartSet set, Labels labels) {
		YearMonth month = set.month();
		Double now = set.rateTrend().rate12m().get(month);
		Double lastYear = set.rateTrend().rate12m().get(month.minusYears(1));
		if (now == null) {
			return null;
		}
		if (lastYear == null || lastYear == 0) {
			return labels.get("takeaway.rateTrend.noYear", labels.number(now, 1), labels.month(month));
		}
		return labels.get("takeaway.rateTrend", labels.number(now, 1), labels.month(month),
				labels.change(now / lastYear - 1));
	}

	/**
	 * The month's dwelling-level repeat rate and its change in percentage points on last
	 * year.
	 */
	static String repeatTrend(ChartSet set, Labels labels) {
		MonthValue now = set.repeatTrend().monthlyAt(set.month());
		if (now == null || now.value() == null) {
			return null;
		}
		MonthValue lastYear = set.repeatTrend().monthlyAt(set.month().minusYears(1));
		if (lastYear == null || lastYear.value() == null) {
			return labels.get("takeaway.repeatTrend.noYear", labels.percent(now.value(), 0), labels.month(set.month()));
		}
		double points = Math.round((now.value() - lastYear.value()) * 100);
		String signed = (points > 0 ? "+" : points < 0 ? "-" : "") + labels.number(Math.abs(points), 0);
		return labels.get("takeaway.repeatTrend", labels.percent(now.value(), 0), labels.month(set.month()), signed);
	}

	static String funnel(ChartSet set, Labels labels) {
		List<FunnelPoint> inScope = set.funnel().points().stream().filter(FunnelPoint::inScope).toList();
		if (inScope.isEmpty()) {
			return null;
		}
		long high = inScope.stream().filter(p -> "high".equals(p.flag())).count();
		long low = inScope.stream().filter(p -> "low".equals(p.flag())).count();
		return labels.get("takeaway.funnel", high, inScope.size(), low);
	}

	static String ranking(ChartSet set, Labels labels) {
		List<RankItem> items = set.ranking().items();
		if (items.size() < 2) {
			return null;
		}
		RankItem top = items.get(0);
		RankItem bottom = items.get(items.size() - 1);
		return labels.get("takeaway.ranking", name(top), labels.number(top.value(), 1), name(bottom),
				labels.number(bottom.value(), 1));
	}

	private static String name(RankItem item) {
		return item.name() != null ? item.name() : item.unitId();
	}

	/**
	 * The activity type with the most reports in its windows: the best-supported figure.
	 */
	static String effect(List<Effect> effects, Labels labels) {
		Effect best = effects.stream()
			.filter(e -> e.ratio() != null)
			.max(Comparator.comparingInt((Effect e) -> e.before() + e.after())
				.thenComparing(Effect::type, Comparator.reverseOrder()))
			.orElse(null);
		if (best == null) {
			return null;
		}
		String what = best.category() == null || Category.ALL.equals(best.category()) ? ""
				: labels.category(best.category()).toLowerCase(labels.locale());
		String activities = labels.get("activities." + best.type());
		String change = labels.change(best.ratio() - 1);
		if (best.comparisonRatio() == null) {
			return labels.get("takeaway.effect.noComparison", what, change, activities).replace("  ", " ");
		}
		return labels.get("takeaway.effect", what, change, activities, labels.change(best.comparisonRatio() - 1))
			.replace("  ", " ");
	}

	static String concentration(Concentration concentration, Labels labels) {
		if (concentration.top10Share() == null) {
			return null;
		}
		return labels.get("takeaway.concentration", labels.percent(concentration.top10Share(), 0));
	}

}
