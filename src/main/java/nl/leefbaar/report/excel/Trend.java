package nl.leefbaar.report.excel;

import nl.leefbaar.indicators.stats.TrendResult;
import nl.leefbaar.indicators.stats.Trends;

/**
 * The 12-month trend of indicators.md as the sheets show it (Trends does the statistics).
 */
record Trend(double slope, double pValue, String direction) {

	static Trend ols(double[] values) {
		TrendResult result = Trends.ols(values);
		return new Trend(result.slope(), result.pValue(), result.direction());
	}
}
