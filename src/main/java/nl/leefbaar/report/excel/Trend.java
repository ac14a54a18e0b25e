package nl.leefbaar.report.excel;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The 12-month trend of indicators.md: OLS slope over month index 1..n with its two-sided
 * p-value from the t distribution (n - 2 degrees of freedom); rising or falling only when p < 0.05.
 * <p>
 * A local stand-in with the same rules as {@code nl.leefbaar.indicators.stats.Trends.ols} (stats
 * branch, not merged when this was written): once it is, {@link #ols(double[])} can become
 * {@code var r = Trends.ols(values); return new Trend(r.slope(), r.pValue(), r.direction());}.
 */
record Trend(double slope, double pValue, String direction) {

    static Trend ols(double[] values) {
        SimpleRegression regression = new SimpleRegression();
        for (int i = 0; i < values.length; i++) {
            regression.addData(i + 1, values[i]);
        }
        double slope = regression.getSlope();
        if (values.length < 3) {
            return new Trend(slope, Double.NaN, "none");
        }
        double standardError = regression.getSlopeStdErr();
        double p;
        if (standardError == 0 || Double.isNaN(standardError)) {
            // an exact straight line: certain when it slopes, no trend at all when flat
            p = slope == 0 ? 1.0 : 0.0;
        } else {
            double t = Math.abs(slope / standardError);
            p = Math.min(1.0, 2 * new TDistribution(null, values.length - 2.0,
                    TDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY).cumulativeProbability(-t));
        }
        String direction = p < 0.05 ? (slope > 0 ? "rising" : slope < 0 ? "falling" : "none") : "none";
        return new Trend(slope, p, direction);
    }
}
