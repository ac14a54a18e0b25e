package nl.leefbaar.indicators.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;

/**
 * Comparisons to reference values, to 1e-9 relative or to the precision a value is
 * written with.
 */
final class Close {

	private Close() {
	}

	/** |actual - expected| <= relative * |expected| (absolute where expected is 0). */
	static void close(double actual, double expected, double relative) {
		double tolerance = expected == 0 ? relative : Math.abs(expected) * relative;
		assertThat(actual).as("expected %s, relative tolerance %s", expected, relative)
			.isCloseTo(expected, within(tolerance));
	}

	/**
	 * Within half a unit in the last written digit of the reference value (e.g.
	 * "4.53999e-05").
	 */
	static void closeToWritten(double actual, String written) {
		BigDecimal reference = new BigDecimal(written);
		double halfUlp = reference.ulp().doubleValue() / 2 * (1 + 1e-9);
		assertThat(actual).as("expected %s to its written precision", written)
			.isCloseTo(reference.doubleValue(), within(halfUlp));
	}

}
