package nl.leefbaar.indicators.effects;

import nl.leefbaar.indicators.stats.Interval;

/**
 * The 95 % interval of the effect against the comparison group (indicators.md, Activity
 * effect): on the log scale, {@code exp(ln(effect) -/+ z * sqrt(1/before + 1/after +
 * 1/comparison_before + 1/comparison_after))}, the usual interval of a ratio of two rate
 * ratios. Empty when any of the four counts is 0 or missing.
 */
final class EffectInterval {

	/** The standard normal's 97.5 % quantile, as indicators.md writes it. */
	static final double Z = 1.959963984540054;

	private EffectInterval() {
	}

	/** The interval, or null when a count is 0 or missing. */
	static Interval of(Integer before, Integer after, Integer comparisonBefore, Integer comparisonAfter) {
		if (!positive(before) || !positive(after) || !positive(comparisonBefore) || !positive(comparisonAfter)) {
			return null;
		}
		double effect = ((double) after / before) / ((double) comparisonAfter / comparisonBefore);
		double halfWidth = Z * Math.sqrt(1.0 / before + 1.0 / after + 1.0 / comparisonBefore + 1.0 / comparisonAfter);
		double logEffect = Math.log(effect);
		return new Interval(Math.exp(logEffect - halfWidth), Math.exp(logEffect + halfWidth));
	}

	private static boolean positive(Integer count) {
		return count != null && count > 0;
	}

}
