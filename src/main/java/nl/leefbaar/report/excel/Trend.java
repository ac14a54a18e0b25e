package nl.leefbaar.report.excel;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The 12-month trend of indicators.md: OLS slope over month index 1..n with its two-sided
 * p-value from the t distribution (n - 2 degrees of freedom); rising or falling only when p < 0.05.
 * A local stand-in for {@code nl.leefbaar.indicators.stats.Trends.ols}: the integrator may
 * switch {@link #ols(double[])} to it.
 */
record Trend(double slope, double pValue, String direction) {

    static Trend ols(double[] values) {
        SimpleRegression regression = new SimpleRegression();
        for (int i = 0; i < values.length; i++) {
            regression.addData(i + 1, values[i]);
        }
        double slope = regression.getSlope();
        // getSignificance uses TDistribution(n - 2): the rule of indicators.md. A perfect or flat
        // fit has no residual variance; its p-value is NaN (flat) or 0 (perfect line).
        double p = regression.getSignificance();
        if (Double.isNaN(p) && regression.getSumSquaredErrors() == 0 && slope != 0) {
            p = 0;
        }
        String direction = !(p < 0.05) || slope == 0 ? "none" : slope > 0 ? "rising" : "falling";
        return new Trend(slope, p, direction);
    }
}
