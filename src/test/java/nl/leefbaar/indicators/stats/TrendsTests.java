package nl.leefbaar.indicators.stats;

import static nl.leefbaar.indicators.stats.Close.closeToWritten;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrendsTests {

	@Test
	void risingSeries() {
		TrendResult trend = Trends.ols(new double[] { 5, 7, 6, 9, 8, 10, 12, 11, 13, 12, 15, 14 });
		closeToWritten(trend.slope(), "0.8531468531");
		closeToWritten(trend.pValue(), "1.087001523e-06");
		assertThat(trend.direction()).isEqualTo("rising");
	}

	@Test
	void flatNoisySeriesHasNoTrend() {
		TrendResult trend = Trends.ols(new double[] { 10, 9, 11, 10, 12, 9, 10, 11, 10, 9, 11, 10 });
		closeToWritten(trend.slope(), "0.0069930070");
		closeToWritten(trend.pValue(), "0.9338735262");
		assertThat(trend.direction()).isEqualTo("none");
	}

	@Test
	void fallingSeries() {
		TrendResult trend = Trends.ols(new double[] { 20, 18, 19, 15, 16, 14, 13, 15, 12, 11, 12, 10 });
		closeToWritten(trend.slope(), "-0.8356643357");
		closeToWritten(trend.pValue(), "5.348211991e-06");
		assertThat(trend.direction()).isEqualTo("falling");
	}

	@Test
	void monthsWithoutReportsGiveAFlatLineWithoutTrend() {
		TrendResult trend = Trends.ols(new double[12]);
		assertThat(trend.slope()).isZero();
		assertThat(trend.pValue()).isEqualTo(1.0);
		assertThat(trend.direction()).isEqualTo("none");
	}

}
