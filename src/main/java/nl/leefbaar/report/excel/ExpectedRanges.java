package nl.leefbaar.report.excel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.leefbaar.indicators.stats.ExpectedRange;
import nl.leefbaar.indicators.stats.Interval;

/**
 * The expected range beside each neighbourhood's flag: the 95 % funnel limits at its own
 * denominator, around the level's figure over all neighbourhoods, adjusted for
 * overdispersion exactly where the flags are (funnel_stat), by {@link ExpectedRange} (the
 * dashboard line's): so the range shown and the flag shown agree (outputs.md).
 */
final class ExpectedRanges {

	/** Reference of one indicator: the level's figure and tau2 (0 when not adjusted). */
	record Reference(double level, double tau2) {
	}

	private final Map<String, Reference> references;

	private ExpectedRanges(Map<String, Reference> references) {
		this.references = references;
	}

	/**
	 * From the neighbourhoods' stored figures (numerators and denominators summed over
	 * those with a denominator) and the month's funnel statistics.
	 */
	static ExpectedRanges of(Map<String, Map<String, Figure>> neighbourhoods, List<Map<String, Object>> funnelStats) {
		Map<String, Reference> references = new HashMap<>();
		for (String indicator : List.of("report_rate_12m", "dwelling_repeat_rate_12m", "closed_within_target_share")) {
			double x = 0;
			double n = 0;
			for (Map<String, Figure> figures : neighbourhoods.values()) {
				Figure f = figures.get(indicator);
				if (f != null && f.numerator() != null && f.denominator() != null && f.denominator() > 0) {
					x += f.numerator();
					n += f.denominator();
				}
			}
			if (n <= 0) {
				continue;
			}
			double tau2 = 0;
			for (Map<String, Object> stat : funnelStats) {
				if ("neighbourhood".equals(stat.get("level")) && "all".equals(stat.get("category"))
						&& indicator.equals(stat.get("indicator")) && Boolean.TRUE.equals(stat.get("adjusted"))
						&& stat.get("tau2") instanceof Number t) {
					tau2 = t.doubleValue();
				}
			}
			references.put(indicator, new Reference(x / n, tau2));
		}
		return new ExpectedRanges(references);
	}

	/**
	 * The range in the figure's own unit (per 100 dwellings for the rate, a share 0..1
	 * otherwise), or null when the figure has no denominator.
	 */
	Interval range(String indicator, Figure figure) {
		Reference reference = references.get(indicator);
		if (reference == null || figure.denominator() == null || figure.denominator() <= 0) {
			return null;
		}
		double n = figure.denominator();
		boolean adjusted = reference.tau2() > 0;
		if ("report_rate_12m".equals(indicator)) {
			Interval counts = ExpectedRange.ofCount(reference.level() * n, adjusted, reference.tau2());
			return new Interval(100 * counts.low() / n, 100 * counts.high() / n);
		}
		return ExpectedRange.ofShare(reference.level(), n, adjusted, reference.tau2());
	}

}
