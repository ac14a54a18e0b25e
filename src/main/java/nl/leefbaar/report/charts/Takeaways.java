package nl.leefbaar.report.charts;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import nl.leefbaar.domain.Category;
import nl.leefbaar.indicators.stats.Change;
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
public final class Takeaways {

	private Takeaways() {
	}

	public static String of(String chart, ChartSet set) {
		Labels labels = set.labels();
		String line = switch (chart) {
			case "rate-trend" -> rateTrend(set, labels);
			case "repeat-trend" -> repeatTrend(set, labels);
			case "funnel" -> funnel(set.funnel(), labels);
			case "ranking" -> ranking(set, labels);
			case "map-report-rate" -> mapFlags(set, labels, Figures.MapUnit::rateFlag, Figures.MapUnit::rate,
					v -> labels.number(v, 1), "takeaway.map.rate");
			case "map-repeat-rate" -> mapFlags(set, labels, Figures.MapUnit::repeatFlag, Figures.MapUnit::repeat,
					v -> labels.percent(v, 0), "takeaway.map.repeat");
			case "map-index" -> mapIndex(set, labels);
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
		double[] countsNow = set.rateTrend().counts12m().get(month);
		double[] countsThen = set.rateTrend().counts12m().get(month.minusYears(1));
		if (countsNow == null || countsThen == null) {
			return labels.get("takeaway.rateTrend", labels.number(now, 1), labels.month(month),
					labels.change(now / lastYear - 1));
		}
		// better or worse only when the exact conditional rate-ratio test says so
		Change change = Change.ofCounts(Math.round(countsNow[0]), countsNow[1], Math.round(countsThen[0]),
				countsThen[1]);
		String verdict = labels.get("takeaway.verdict." + change.verdict(false).name().toLowerCase(Locale.ROOT));
		return labels.get("takeaway.rateTrend.tested", labels.number(now, 1), labels.month(month),
				labels.change(now / lastYear - 1), verdict);
	}

	/**
	 * The dwelling-level repeat rate over the 12 months to m against the 12 months
	 * before, in percentage points; better or worse only when Fisher's exact test on the
	 * two periods' repeat reports out of reports says so (monthly shares are seasonal, so
	 * months are not compared).
	 */
	static String repeatTrend(ChartSet set, Labels labels) {
		YearMonth month = set.month();
		MonthValue now = set.repeatTrend().twelveMonthsAt(month);
		if (now == null || now.value() == null) {
			return null;
		}
		MonthValue before = set.repeatTrend().twelveMonthsAt(month.minusYears(1));
		if (before == null || before.value() == null) {
			return labels.get("takeaway.repeatTrend.noYear", labels.percent(now.value(), 0), labels.month(month));
		}
		String points = signedPoints(now.value(), before.value(), labels);
		Change change = repeatChange(set);
		if (change == null) {
			return labels.get("takeaway.repeatTrend", labels.percent(now.value(), 0), labels.month(month), points);
		}
		String verdict = labels.get("takeaway.verdict." + change.verdict(false).name().toLowerCase(Locale.ROOT));
		return labels.get("takeaway.repeatTrend.tested", labels.percent(now.value(), 0), labels.month(month), points,
				verdict);
	}

	/**
	 * Fisher's exact test of the 12-month repeat share in m against a year earlier, or
	 * null when the counts behind either are unknown.
	 */
	static Change repeatChange(ChartSet set) {
		double[] now = set.repeatTrend().counts12m().get(set.month());
		double[] before = set.repeatTrend().counts12m().get(set.month().minusYears(1));
		if (now == null || before == null) {
			return null;
		}
		return Change.ofShares(Math.round(now[0]), Math.round(now[1]), Math.round(before[0]), Math.round(before[1]));
	}

	/**
	 * The difference of two shares in whole percentage points, signed ("+2", "-1", "0").
	 */
	static String signedPoints(double now, double before, Labels labels) {
		double points = Math.round((now - before) * 100);
		return (points > 0 ? "+" : points < 0 ? "-" : "") + labels.number(Math.abs(points), 0);
	}

	/**
	 * How many complexes lie above and below the expected range, counted as the legend
	 * counts them (high, elevated; reduced, low).
	 */
	public static String funnel(Figures.Funnel funnel, Labels labels) {
		List<FunnelPoint> inScope = funnel.points().stream().filter(FunnelPoint::inScope).toList();
		if (inScope.isEmpty()) {
			return null;
		}
		long high = count(inScope, "high");
		long elevated = count(inScope, "elevated");
		return labels.get("takeaway.funnel", high, elevated, count(inScope, "reduced"), count(inScope, "low"),
				inScope.size());
	}

	private static long count(List<FunnelPoint> points, String flag) {
		return points.stream().filter(p -> flag.equals(p.flag())).count();
	}

	/**
	 * The units above the expected range (high, elevated), else the highest and lowest.
	 */
	static String ranking(ChartSet set, Labels labels) {
		List<RankItem> items = set.ranking().items();
		if (items.size() < 2) {
			return null;
		}
		List<RankItem> above = items.stream()
			.filter(i -> "high".equals(i.flag()) || "elevated".equals(i.flag()))
			.toList();
		List<RankItem> below = items.stream()
			.filter(i -> "low".equals(i.flag()) || "reduced".equals(i.flag()))
			.toList();
		if (above.isEmpty() && below.isEmpty()) {
			return labels.get("takeaway.ranking.none", items.size());
		}
		if (!above.isEmpty()) {
			RankItem top = above.get(0);
			String more = above.size() > 1 ? labels.get("takeaway.ranking.more", above.size() - 1) : "";
			return labels.get("takeaway.ranking.above", name(top), labels.number(top.value(), 1), more, below.size());
		}
		RankItem bottom = below.get(below.size() - 1);
		return labels.get("takeaway.ranking.below", name(bottom), labels.number(bottom.value(), 1));
	}

	/**
	 * The neighbourhoods whose flag is above the expected range, by name, with values.
	 */
	static String mapFlags(ChartSet set, Labels labels, Function<Figures.MapUnit, String> flag,
			Function<Figures.MapUnit, Double> value, Function<Double, String> format, String key) {
		if (set.mapUnits().isEmpty()) {
			return null;
		}
		List<Figures.MapUnit> above = set.mapUnits()
			.stream()
			.filter(u -> set.boundaries().areas().containsKey(u.code()))
			.filter(u -> "high".equals(flag.apply(u)) || "elevated".equals(flag.apply(u)))
			.filter(u -> value.apply(u) != null)
			.sorted(Comparator.comparing((Figures.MapUnit u) -> -value.apply(u)))
			.toList();
		if (above.isEmpty()) {
			return labels.get(key + ".none");
		}
		String names = String.join(", ",
				above.stream().limit(3).map(u -> u.name() + " (" + format.apply(value.apply(u)) + ")").toList());
		return labels.get(key, names, above.size());
	}

	/** The lowest and highest index on the map. */
	static String mapIndex(ChartSet set, Labels labels) {
		List<Figures.MapUnit> drawn = set.mapUnits()
			.stream()
			.filter(u -> set.boundaries().areas().containsKey(u.code()) && u.index() != null)
			.sorted(Comparator.comparing(Figures.MapUnit::index))
			.toList();
		if (drawn.size() < 2) {
			return null;
		}
		Figures.MapUnit low = drawn.get(0);
		Figures.MapUnit high = drawn.get(drawn.size() - 1);
		return labels.get("takeaway.map.index", low.name(), labels.number(low.index(), 0), high.name(),
				labels.number(high.index(), 0));
	}

	private static String name(RankItem item) {
		return item.name() != null ? item.name() : item.unitId();
	}

	/**
	 * The activity type with the most reports in its windows (the best-supported figure):
	 * its effect against the comparison group, with the interval where it is known.
	 */
	public static String effect(List<Effect> effects, Labels labels) {
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
		if (best.effectVsComparison() == null) {
			return labels.get("takeaway.effect.noComparison", what, labels.change(best.ratio() - 1), activities)
				.replace("  ", " ");
		}
		String effect = EffectChart.effectWords(best.effectVsComparison(), labels);
		if (best.effectLow() == null || best.effectHigh() == null) {
			return labels.get("takeaway.effect", activities, effect, what).replace("  ", " ");
		}
		return labels
			.get("takeaway.effect.interval", activities, effect, what,
					EffectChart.intervalWords(best.effectLow(), best.effectHigh(), labels))
			.replace("  ", " ");
	}

	static String concentration(Concentration concentration, Labels labels) {
		if (concentration.top10Share() == null) {
			return null;
		}
		if (concentration.top10DwellingShare() == null) {
			return labels.get("takeaway.concentration", labels.percent(concentration.top10Share(), 0));
		}
		return labels.get("takeaway.concentration.dwellings", labels.percent(concentration.top10Share(), 0),
				labels.percent(concentration.top10DwellingShare(), 0));
	}

	/**
	 * The line under the rate trend with the 12-month figures its title quotes: "12
	 * maanden t/m oktober 2026: 132,1 per 100 woningen; een jaar eerder 140,3".
	 */
	static String rateNote(ChartSet set, Labels labels) {
		Double now = set.rateTrend().rate12m().get(set.month());
		Double lastYear = set.rateTrend().rate12m().get(set.month().minusYears(1));
		if (now == null) {
			return null;
		}
		String line = labels.get("rateTrend.note", labels.month(set.month()), labels.number(now, 1));
		return lastYear == null || lastYear == 0 ? line : line
				+ labels.get("rateTrend.note.year", labels.number(lastYear, 1), labels.change(now / lastYear - 1));
	}

	/**
	 * The line under the repeat trend with the 12-month share in m, the 12 months before
	 * and the difference (the title's numbers).
	 */
	static String repeatNote(ChartSet set, Labels labels, int windowDays) {
		MonthValue now = set.repeatTrend().twelveMonthsAt(set.month());
		MonthValue before = set.repeatTrend().twelveMonthsAt(set.month().minusYears(1));
		String line = labels.get("repeatTrend.note", windowDays);
		if (now != null && now.value() != null) {
			boolean known = before != null && before.value() != null;
			line = labels.get("repeatTrend.values12", labels.month(set.month()), labels.percent(now.value(), 0),
					known ? labels.percent(before.value(), 0) : "–",
					known ? signedPoints(now.value(), before.value(), labels) : "–") + " " + line;
		}
		return line;
	}

}
