package nl.leefbaar.indicators.stats;

import static nl.leefbaar.indicators.stats.Close.closeToWritten;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class IntervalsTests {

	@ParameterizedTest(name = "Wilson {0}/{1}")
	@CsvSource({ "0, 10, 0, 0.2775327999", "3, 10, 0.1077912674, 0.6032218525", "15, 40, 0.2422297917, 0.5296756086",
			"200, 1000, 0.1763770904, 0.2259189646" })
	void wilsonMatchesTheReference(long x, long n, String low, String high) {
		Interval interval = Intervals.wilson(x, n);
		closeToWritten(interval.low(), low);
		closeToWritten(interval.high(), high);
	}

	@Test
	void wilsonOfAllIsClosedAtOne() {
		Interval interval = Intervals.wilson(10, 10);
		assertThat(interval.high()).isEqualTo(1.0);
		closeToWritten(interval.low(), "0.7224672001"); // 1 - upper of 0/10
		assertThatThrownBy(() -> Intervals.wilson(1, 0)).isInstanceOf(IllegalArgumentException.class);
	}

	@ParameterizedTest(name = "Garwood {0}")
	@CsvSource({ "0, 0, 3.6888794541", "1, 0.0253178080, 5.5716433909", "4, 1.0898653736, 10.2415886754",
			"10, 4.7953886961, 18.3903560420", "100, 81.3639912509, 121.6267937924" })
	void garwoodMatchesTheReference(long x, String low, String high) {
		Interval interval = Intervals.garwood(x);
		closeToWritten(interval.low(), low);
		closeToWritten(interval.high(), high);
	}

	@Test
	void garwoodLowerEndIsZeroForNoReports() {
		assertThat(Intervals.garwood(0).low()).isZero();
	}

}
