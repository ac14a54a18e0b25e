package nl.leefbaar.indicators.stats;

/**
 * The expected range around the level's figure for one unit (outputs.md: "A flag and the
 * range beside it agree"): the 95 % funnel limits at the unit's own denominator, exactly
 * as the flags are decided, so that a unit is {@code in range} exactly when its figure
 * lies within the range, and {@code elevated}/{@code high} ({@code reduced}/{@code low})
 * exactly when it lies above (below) it.
 * <ul>
 * <li>Counts and rates without the overdispersion adjustment (the exact tail rule): the
 * counts O with P(X >= O) >= 0.025 and P(X <= O) >= 0.025, X ~ Poisson(E), from the
 * smallest to the largest.</li>
 * <li>Counts and rates with it: {@code E (1 -+ k sqrt(1/(4E) + tau2))^2}, the lower end
 * at least 0.</li>
 * <li>Shares: {@link Funnels#shareLimits} at 95 %, adjusted or not.</li>
 * </ul>
 */
public final class ExpectedRange {

	private ExpectedRange() {
	}

	/**
	 * The range of counts for a unit with expected count E (0 when E is 0), on the count
	 * scale; {@code adjusted} with its tau2 as the month's funnel statistics say.
	 */
	public static Interval ofCount(double expected, boolean adjusted, double tau2) {
		if (!(expected > 0)) {
			return new Interval(0, 0);
		}
		if (adjusted && tau2 > 0) {
			return Funnels.poissonLimits(expected, 0.95, tau2);
		}
		return new Interval(lowestUnflagged(expected), highestUnflagged(expected));
	}

	/** The range of a share x / n against the level's share p0. */
	public static Interval ofShare(double p0, double n, boolean adjusted, double tau2) {
		return Funnels.shareLimits(p0, n, 0.95, adjusted && tau2 > 0 ? tau2 : 0);
	}

	/** The largest count O with P(X >= O) >= 0.025: not elevated. */
	static long highestUnflagged(double expected) {
		long o = Math.max(1, (long) Math.ceil(expected + 2 * Math.sqrt(expected)));
		while (Funnels.upperTail(o, expected) >= 0.025) {
			o++;
		}
		while (o > 0 && Funnels.upperTail(o, expected) < 0.025) {
			o--;
		}
		return o;
	}

	/** The smallest count O with P(X <= O) >= 0.025: not reduced. */
	static long lowestUnflagged(double expected) {
		long o = Math.max(0, (long) Math.floor(expected - 2 * Math.sqrt(expected)));
		while (o > 0 && Funnels.lowerTail(o - 1, expected) >= 0.025) {
			o--;
		}
		while (Funnels.lowerTail(o, expected) < 0.025) {
			o++;
		}
		return o;
	}

}
