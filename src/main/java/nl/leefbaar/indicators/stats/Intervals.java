package nl.leefbaar.indicators.stats;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/** 95 % intervals of indicators.md (Intervals): Wilson for shares, Garwood for counts. */
public final class Intervals {

	/** The two-sided 95 % normal quantile. */
	static final double Z95 = 1.959963984540054;

	/**
	 * Inverse distributions are solved far below the 1e-9 the reference values demand.
	 */
	static final double INVERSE_ACCURACY = 1e-15;

	private Intervals() {
	}

	/** Wilson score interval without continuity correction for x out of n (n > 0). */
	public static Interval wilson(long x, long n) {
		if (n <= 0 || x < 0 || x > n) {
			throw new IllegalArgumentException("Wilson interval needs 0 <= x <= n, n > 0: " + x + "/" + n);
		}
		double z2 = Z95 * Z95;
		double centre = 2.0 * x + z2;
		double spread = Z95 * Math.sqrt(z2 + 4.0 * x * (1.0 - (double) x / n));
		double denominator = 2.0 * (n + z2);
		// At x = 0 (x = n) the lower (upper) end is 0 (1) exactly; the formula leaves
		// rounding dust.
		double low = x == 0 ? 0.0 : (centre - spread) / denominator;
		double high = x == n ? 1.0 : (centre + spread) / denominator;
		return new Interval(low, high);
	}

	/**
	 * Exact (Garwood) 95 % Poisson interval for a count x: chi2(0.025; 2x)/2 to
	 * chi2(0.975; 2x+2)/2.
	 */
	public static Interval garwood(long x) {
		if (x < 0) {
			throw new IllegalArgumentException("Garwood interval needs x >= 0: " + x);
		}
		double low = x == 0 ? 0.0 : chiSquared(2.0 * x).inverseCumulativeProbability(0.025) / 2;
		double high = chiSquared(2.0 * x + 2).inverseCumulativeProbability(0.975) / 2;
		return new Interval(low, high);
	}

	private static ChiSquaredDistribution chiSquared(double degreesOfFreedom) {
		// No random generator: these distributions are only inverted, never sampled.
		return new ChiSquaredDistribution(null, degreesOfFreedom, INVERSE_ACCURACY);
	}

}
