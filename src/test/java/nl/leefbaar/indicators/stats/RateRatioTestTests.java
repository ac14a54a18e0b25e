package nl.leefbaar.indicators.stats;

import static nl.leefbaar.indicators.stats.Close.close;
import static nl.leefbaar.indicators.stats.Close.closeToWritten;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R's poisson.test(c(after, before)), the reference table of reference-values.md. */
class RateRatioTestTests {

	@ParameterizedTest(name = "after {0}, before {1}")
	@CsvSource({ "12, 3, 4, 1.0794727324, 22.0882868977, 0.03515625", "5, 5, 1, 0.2301424689, 4.3451345795, 1",
			"0, 4, 0, 0, 1.5148668594, 0.125", "30, 18, 1.666667, 0.8993560143, 3.1749748064, 0.1114028911" })
	void matchesRPoissonTest(long after, long before, String ratio, String low, String high, String p) {
		RateRatioTest test = RateRatioTest.of(after, before);
		closeToWritten(test.rateRatio(), ratio);
		closeToWritten(test.ciLow(), low);
		closeToWritten(test.ciHigh(), high);
		closeToWritten(test.pValue(), p);
	}

	@Test
	void ratioIsEmptyAndUpperLimitInfiniteWithoutBefore() {
		RateRatioTest test = RateRatioTest.of(4, 0);
		assertThat(test.rateRatio()).isNull();
		closeToWritten(test.ciLow(), "0.6601240194");
		assertThat(test.ciHigh()).isEqualTo(Double.POSITIVE_INFINITY);
		closeToWritten(test.pValue(), "0.125");
	}

	@Test
	void noReportsAtAllIsNoTest() {
		assertThat(RateRatioTest.of(0, 0)).isEqualTo(new RateRatioTest(null, null, null, null));
	}

	@Test
	void tinyPValuesKeepTheirPrecision() {
		// 2 * 0.5^40: nothing else is as extreme as 40 against 0.
		assertThat(RateRatioTest.of(40, 0).pValue()).isEqualTo(2 * Math.pow(0.5, 40));
		assertThat(RateRatioTest.of(0, 40).pValue()).isEqualTo(2 * Math.pow(0.5, 40));
		// past the exact sums: the regularized beta function
		close(RateRatioTest.of(10_100, 10_000).pValue(), 0.48499542904799237, 1e-9); // SciPy
																						// binomtest
		// a city-sized count: 1 - cdf would say 0 here (SciPy binomtest:
		// 2.8275456918296525e-87)
		close(RateRatioTest.of(500_000, 520_000).pValue(), 2.8275456918296525e-87, 1e-9);
	}

}
