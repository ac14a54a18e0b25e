package nl.leefbaar.indicators.stats;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Percentiles by R's type 7 (Excel PERCENTILE.INC), the rule of indicators.md. Commons
 * Math's default {@code Percentile} uses a different rule, so the estimation type is
 * always explicit.
 */
public final class Percentiles {

	private Percentiles() {
	}

	/** The p-quantile (p in [0, 1]) of the values; NaN for no values. */
	public static double r7(double[] values, double p) {
		if (!(p >= 0 && p <= 1)) {
			throw new IllegalArgumentException("percentile p must be in [0, 1]: " + p);
		}
		if (values.length == 0) {
			return Double.NaN;
		}
		if (p == 0) {
			// Commons Math accepts only (0, 100]; R-7 at 0 is the minimum.
			double min = Double.POSITIVE_INFINITY;
			for (double v : values) {
				min = Math.min(min, v);
			}
			return min;
		}
		return new Percentile().withEstimationType(EstimationType.R_7).evaluate(values, p * 100);
	}

}
