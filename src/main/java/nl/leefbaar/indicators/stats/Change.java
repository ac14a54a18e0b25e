package nl.leefbaar.indicators.stats;

import org.apache.commons.math3.special.Beta;

/**
 * A figure's change against an earlier period, and whether a test calls it a change at
 * all (outputs.md, "Better or worse means significant"): the exact conditional rate-ratio
 * test for counts and rates, Fisher's exact test for shares, both two-sided at
 * {@value #ALPHA}.
 * <ul>
 * <li>Counts and rates ({@link #ofCounts}): given n = now + before reports, the count now
 * is Binomial(n, p0) under no change, p0 = exposure now / (exposure now + exposure
 * before), the exposures being the two periods' dwellings. The two-sided p-value is
 * {@code min(1, 2 * min(P(X <= now), P(X >= now)))}, the rule of the activity effects
 * (indicators.md); with equal exposures it is R's {@code poisson.test(c(now, before))}.
 * The tails come from the regularized beta function (to about 1e-14, and quick for the
 * thousands of complexes a dashboard tests). The estimate is the change of the rate in %
 * (rate now / rate before - 1, times 100), missing when the rate before is 0.</li>
 * <li>Shares ({@link #ofShares}): the 2 x 2 table (x now, n now - x now; x before, n
 * before - x before), Fisher's exact test as R's {@code fisher.test} computes it: the
 * probabilities of all tables with the same margins that are no more likely than the
 * observed one (within a relative 1e-7), summed. The estimate is the difference of the
 * shares in percentage points (share now - share before, times 100).</li>
 * </ul>
 * A change without a test (no reports in either period, a share over nothing) has a
 * missing p-value and is no clear change.
 *
 * @param estimate the change in its unit: 12.5 is +12.5 % or +12.5 percentage points;
 * null when it cannot be given (a rate from 0, a share of nothing)
 * @param direction +1 when the figure rose, -1 when it fell, 0 when it stayed (or cannot
 * be compared)
 */
public record Change(Double estimate, Unit unit, int direction, Double pValue) {

	/** The level of the two-sided tests. */
	public static final double ALPHA = 0.05;

	/**
	 * Relative agreement within which R's fisher.test counts a table as no less likely.
	 */
	private static final double RELATIVE_ERROR = 1 + 1e-7;

	/** Terms of the hypergeometric distribution this far below its mode are 0. */
	private static final double NEGLIGIBLE_LOG = Math.log(1e-300);

	/** The unit of {@link #estimate()}. */
	public enum Unit {

		/** a relative change of a count or rate */
		PERCENT,
		/** a difference of two shares */
		PERCENTAGE_POINTS

	}

	/** How the change reads for someone who knows which way is good. */
	public enum Verdict {

		BETTER, WORSE, NO_CLEAR_CHANGE

	}

	/** A change of a count or rate: reports now and before over their exposures. */
	public static Change ofCounts(long now, double exposureNow, long before, double exposureBefore) {
		if (now < 0 || before < 0 || !(exposureNow > 0) || !(exposureBefore > 0)) {
			throw new IllegalArgumentException("a rate change needs counts >= 0 and exposures > 0: " + now + " / "
					+ exposureNow + " against " + before + " / " + exposureBefore);
		}
		double rateNow = now / exposureNow;
		double rateBefore = before / exposureBefore;
		Double estimate = null;
		if (before > 0) {
			estimate = 100 * (rateNow / rateBefore - 1);
		}
		else if (now == 0) {
			estimate = 0.0;
		}
		int direction = Double.compare(rateNow, rateBefore);
		long n = now + before;
		if (n == 0) {
			return new Change(estimate, Unit.PERCENT, 0, null);
		}
		double p0 = exposureNow / (exposureNow + exposureBefore);
		double atMost = binomialAtMost(now, n, p0);
		double atLeast = binomialAtLeast(now, n, p0);
		return new Change(estimate, Unit.PERCENT, Integer.signum(direction),
				Math.min(1.0, 2 * Math.min(atMost, atLeast)));
	}

	/** A change of a share: x out of n now against x out of n before. */
	public static Change ofShares(long xNow, long nNow, long xBefore, long nBefore) {
		if (xNow < 0 || xBefore < 0 || xNow > nNow || xBefore > nBefore) {
			throw new IllegalArgumentException("a share change needs 0 <= x <= n: " + xNow + " / " + nNow + " against "
					+ xBefore + " / " + nBefore);
		}
		if (nNow == 0 || nBefore == 0) {
			return new Change(null, Unit.PERCENTAGE_POINTS, 0, null);
		}
		double shareNow = (double) xNow / nNow;
		double shareBefore = (double) xBefore / nBefore;
		return new Change(100 * (shareNow - shareBefore), Unit.PERCENTAGE_POINTS,
				Integer.signum(Double.compare(shareNow, shareBefore)),
				fisher(xNow, nNow - xNow, xBefore, nBefore - xBefore));
	}

	/** Whether the test says the figure changed. */
	public boolean significant() {
		return pValue != null && pValue < ALPHA && direction != 0;
	}

	/** Better or worse when significant, otherwise no clear change. */
	public Verdict verdict(boolean higherIsBetter) {
		if (!significant()) {
			return Verdict.NO_CLEAR_CHANGE;
		}
		return (direction > 0) == higherIsBetter ? Verdict.BETTER : Verdict.WORSE;
	}

	/** P(X <= k), X ~ Binomial(n, p), from the regularized beta function. */
	static double binomialAtMost(long k, long n, double p) {
		if (k >= n) {
			return 1.0;
		}
		return Beta.regularizedBeta(1 - p, n - k, k + 1.0);
	}

	/** P(X >= k), X ~ Binomial(n, p): I_p(k, n - k + 1), small tails kept. */
	static double binomialAtLeast(long k, long n, double p) {
		if (k <= 0) {
			return 1.0;
		}
		return Beta.regularizedBeta(p, k, n - k + 1.0);
	}

	/**
	 * Two-sided Fisher's exact test of the table (a, b; c, d), R's rule: the sum of the
	 * probabilities of the tables with the same margins that are at most the observed
	 * table's (times 1 + 1e-7), computed on the log scale from the mode outwards.
	 */
	static double fisher(long a, long b, long c, long d) {
		long row1 = a + b;
		long row2 = c + d;
		long column1 = a + c;
		long n = row1 + row2;
		long low = Math.max(0, column1 - row2);
		long high = Math.min(column1, row1);
		if (low == high) {
			return 1.0;
		}
		long mode = Math.min(high, Math.max(low, (long) Math.floor((column1 + 1.0) * (row1 + 1.0) / (n + 2.0))));
		// log P(k) - log P(mode), by the ratio P(k + 1) / P(k) = (row1 - k)(column1 - k)
		// / ((k + 1)(row2 - column1 + k + 1))
		double observed = logRelative(a, mode, row1, row2, column1);
		double limit = observed + Math.log(RELATIVE_ERROR);
		double total = 1.0;
		double tail = 0 <= limit ? 1.0 : 0.0;
		double log = 0;
		for (long k = mode; k < high; k++) {
			log += Math.log((double) (row1 - k) * (column1 - k) / ((k + 1.0) * (row2 - column1 + k + 1.0)));
			if (log < NEGLIGIBLE_LOG) {
				break;
			}
			double term = Math.exp(log);
			total += term;
			if (log <= limit) {
				tail += term;
			}
		}
		log = 0;
		for (long k = mode; k > low; k--) {
			log += Math.log(k * (row2 - column1 + (double) k) / ((row1 - k + 1.0) * (column1 - k + 1.0)));
			if (log < NEGLIGIBLE_LOG) {
				break;
			}
			double term = Math.exp(log);
			total += term;
			if (log <= limit) {
				tail += term;
			}
		}
		return Math.min(1.0, tail / total);
	}

	/** log P(k) - log P(mode) of the hypergeometric distribution with these margins. */
	private static double logRelative(long k, long mode, long row1, long row2, long column1) {
		double log = 0;
		for (long j = mode; j < k; j++) {
			log += Math.log((double) (row1 - j) * (column1 - j) / ((j + 1.0) * (row2 - column1 + j + 1.0)));
		}
		for (long j = mode; j > k; j--) {
			log += Math.log(j * (row2 - column1 + (double) j) / ((row1 - j + 1.0) * (column1 - j + 1.0)));
		}
		return log;
	}

}
