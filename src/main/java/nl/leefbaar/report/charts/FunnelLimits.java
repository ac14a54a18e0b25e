package nl.leefbaar.report.charts;

import nl.leefbaar.indicators.stats.Funnels;
import nl.leefbaar.indicators.stats.Interval;

/**
 * The funnel's drawn lines on the count scale, for drawing only (flags come from the
 * indicators stage): the stats helper's limits, Spiegelhalter's interpolated Poisson
 * quantiles, or with tau2 > 0 the additive random-effects limits on the square-root
 * scale.
 */
final class FunnelLimits {

	private FunnelLimits() {
	}

	/** prob is the two-sided coverage: 0.95 or 0.998. */
	static Interval poissonLimits(double expected, double prob, double tau2) {
		return Funnels.poissonLimits(expected, prob, tau2);
	}

}
