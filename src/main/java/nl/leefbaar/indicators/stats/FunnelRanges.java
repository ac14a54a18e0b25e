package nl.leefbaar.indicators.stats;

/**
 * The expected range around the reference that a flag is decided by (outputs.md: "a flag
 * and the range beside it agree"): the funnel limits at a unit's own denominator, by the
 * same rule as {@link Funnels}. A value inside the 95 % range is "in range" (unless the
 * other rule applies to it), above it "elevated" or "high", below it "reduced" or "low".
 * <p>
 * Counts without the overdispersion adjustment follow the exact tail rule, so their range
 * is the smallest and largest count that is not flagged: whole counts, not the smooth
 * drawing line. With the adjustment (and for shares) the limits are the continuous ones
 * the flag is compared with, strictly outside.
 */
public final class FunnelRanges {

	private FunnelRanges() {
	}

	/**
	 * The range of counts at expected value E for coverage 0.95 or 0.998; tau2 > 0 when
	 * the level's flags are adjusted for overdispersion, else 0.
	 */
	public static Interval counts(double expected, double prob, double tau2) {
		if (!(expected > 0)) {
			return null;
		}
		if (tau2 > 0) {
			return Funnels.poissonLimits(expected, prob, tau2);
		}
		double tail = prob == 0.998 ? 0.001 : 0.025;
		long low = Math.max(0, (long) Math.floor(expected - 8 * Math.sqrt(expected) - 5));
		while (Funnels.lowerTail(low, expected) < tail) {
			low++;
		}
		long high = (long) Math.ceil(expected + 8 * Math.sqrt(expected) + 5);
		while (high > 0 && Funnels.upperTail(high, expected) < tail) {
			high--;
		}
		return new Interval(low, high);
	}

	/**
	 * The range of a rate per {@code per} (100 for reports per 100 dwellings) of a unit
	 * with the given size, against the level's rate (observed per size unit).
	 */
	public static Interval rate(double levelRate, double size, double per, double prob, double tau2) {
		Interval counts = counts(levelRate * size, prob, tau2);
		if (counts == null) {
			return null;
		}
		return new Interval(per * counts.low() / size, per * counts.high() / size);
	}

	/** The range of a share of a unit of size n against the level's share p0. */
	public static Interval share(double p0, double n, double prob, double tau2) {
		if (!(n > 0) || Double.isNaN(p0)) {
			return null;
		}
		return Funnels.shareLimits(p0, n, prob, tau2 > 0 ? tau2 : 0);
	}

}
