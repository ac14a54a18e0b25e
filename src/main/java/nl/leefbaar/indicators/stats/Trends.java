package nl.leefbaar.indicators.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/** The 12-month trend of indicators.md (Trends). */
public final class Trends {

	static final double SIGNIFICANCE = 0.05;

	private Trends() {
	}

	/**
	 * OLS slope of the monthly values against x = 1..n with its two-sided p-value from
	 * the t distribution with n - 2 degrees of freedom; rising or falling only when p <
	 * 0.05. A series on an exact straight line has p = 0 (or 1 when flat); fewer than 3
	 * months give slope NaN (2 months: their slope) and p NaN, direction "none".
	 */
	public static TrendResult ols(double[] monthly) {
		SimpleRegression regression = new SimpleRegression();
		for (int i = 0; i < monthly.length; i++) {
			regression.addData(i + 1, monthly[i]);
		}
		double slope = regression.getSlope();
		if (monthly.length < 3) {
			return new TrendResult(slope, Double.NaN, "none");
		}
		double standardError = regression.getSlopeStdErr();
		double p;
		if (standardError == 0 || Double.isNaN(standardError)) {
			p = slope == 0 ? 1.0 : 0.0;
		}
		else {
			double t = Math.abs(slope / standardError);
			// 2 * P(T <= -|t|) keeps its precision for tiny p, where 2 * (1 - P(T <=
			// |t|)) does not.
			p = Math.min(1.0,
					2 * new TDistribution(null, monthly.length - 2.0, TDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY)
						.cumulativeProbability(-t));
		}
		String direction = p < SIGNIFICANCE ? (slope > 0 ? "rising" : slope < 0 ? "falling" : "none") : "none";
		return new TrendResult(slope, p, direction);
	}

}
