package nl.leefbaar.indicators.stats;

import static nl.leefbaar.indicators.stats.Close.close;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hotspot test of reference-values.md: P(X >= n), X ~ Binomial(n + b, 90/455). */
class RiseTestTests {

	private static final double SHARE = 90.0 / 455;

	@ParameterizedTest(name = "n {0}, b {1}")
	@CsvSource({ "14, 10, 3.6155079751884806e-05", "3, 0, 0.007739151320844352", "2, 0, 0.039125709455379784",
			"32, 76, 0.00936200386173186", "5, 4, 0.018688889042894338" })
	void matchesTheWorkedValues(long n, long b, double p) {
		close(RiseTest.pValue(n, b, SHARE), p, 1e-9);
	}

	@Test
	void withoutReportsBeforeItIsTheShareToThePowerOfTheReports() {
		// all n reports in the recent window: P(X >= n) = share^n
		close(RiseTest.pValue(3, 0, SHARE), Math.pow(SHARE, 3), 1e-12);
		close(RiseTest.pValue(12, 0, SHARE), Math.pow(SHARE, 12), 1e-12);
	}

	@Test
	void noRecentReportsIsNoRise() {
		assertThat(RiseTest.pValue(0, 0, SHARE)).isEqualTo(1.0);
		assertThat(RiseTest.pValue(0, 40, SHARE)).isEqualTo(1.0);
	}

	@Test
	void moreRecentReportsGiveASmallerPAndMoreEarlierOnesALargerOne() {
		assertThat(RiseTest.pValue(6, 4, SHARE)).isLessThan(RiseTest.pValue(5, 4, SHARE));
		assertThat(RiseTest.pValue(5, 5, SHARE)).isGreaterThan(RiseTest.pValue(5, 4, SHARE));
	}

	@Test
	void tinyPValuesKeepTheirPrecision() {
		// share^40 is far below what one minus the distribution function can tell
		close(RiseTest.pValue(40, 0, SHARE), Math.pow(SHARE, 40), 1e-9);
	}

	@Test
	void rejectsImpossibleArguments() {
		assertThatThrownBy(() -> RiseTest.pValue(-1, 0, SHARE)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> RiseTest.pValue(3, 0, 1.0)).isInstanceOf(IllegalArgumentException.class);
	}

}
