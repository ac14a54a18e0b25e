package nl.leefbaar.indicators.stats;

import org.apache.commons.math3.special.Beta;

/**
 * The one-sided exact conditional test of a hotspot (indicators.md, Hotspot): given n
 * reports on the recent window and b on the window before it, is the recent rate above
 * the earlier one? Under equal rates each of the n + b reports falls in the recent window
 * with probability {@code share} (its share of the days of both windows), so p = P(X >=
 * n) for X ~ Binomial(n + b, share).
 */
public final class RiseTest {

	private RiseTest() {
	}

	/**
	 * P(X >= n) for X ~ Binomial(n + b, share): the regularized incomplete beta function
	 * I_share(n, b + 1), which keeps its relative precision where p is small (one minus
	 * the distribution function does not).
	 */
	public static double pValue(long n, long b, double share) {
		if (n < 0 || b < 0 || !(share > 0 && share < 1)) {
			throw new IllegalArgumentException(
					"rise test needs counts >= 0 and 0 < share < 1, was n=" + n + " b=" + b + " share=" + share);
		}
		if (n == 0) {
			return 1.0;
		}
		return Beta.regularizedBeta(share, n, b + 1.0);
	}

}
