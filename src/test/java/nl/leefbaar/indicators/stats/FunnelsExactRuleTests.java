package nl.leefbaar.indicators.stats;

import static nl.leefbaar.indicators.stats.Close.close;
import static nl.leefbaar.indicators.stats.Close.closeToWritten;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The exact tail rule against every row of reference-values.md. */
class FunnelsExactRuleTests {

	static Stream<Arguments> referenceTable() {
		return Stream.of(Arguments.of(0, 0.5, "1", "0.606531", FunnelFlag.IN_RANGE),
				Arguments.of(3, 0.5, "0.0143877", "0.998248", FunnelFlag.ELEVATED),
				Arguments.of(5, 0.5, "0.000172116", "0.999986", FunnelFlag.HIGH),
				Arguments.of(5, 2, "0.052653", "0.983436", FunnelFlag.IN_RANGE),
				Arguments.of(6, 2, "0.0165636", "0.995466", FunnelFlag.ELEVATED),
				Arguments.of(8, 2, "0.00109672", "0.999763", FunnelFlag.ELEVATED),
				Arguments.of(9, 2, "0.000237447", "0.999954", FunnelFlag.HIGH),
				Arguments.of(0, 5, "1", "0.00673795", FunnelFlag.REDUCED),
				Arguments.of(10, 5, "0.0318281", "0.986305", FunnelFlag.IN_RANGE),
				Arguments.of(11, 5, "0.0136953", "0.994547", FunnelFlag.ELEVATED),
				Arguments.of(14, 5, "0.00069799", "0.999774", FunnelFlag.HIGH),
				Arguments.of(0, 10, "1", "4.53999e-05", FunnelFlag.LOW),
				Arguments.of(1, 10, "0.999955", "0.000499399", FunnelFlag.LOW),
				Arguments.of(3, 10, "0.997231", "0.0103361", FunnelFlag.REDUCED),
				Arguments.of(18, 10, "0.0142776", "0.992813", FunnelFlag.ELEVATED),
				Arguments.of(22, 10, "0.000699651", "0.999704", FunnelFlag.HIGH),
				Arguments.of(29, 50, "0.999489", "0.000916829", FunnelFlag.LOW),
				Arguments.of(36, 50, "0.983786", "0.0237589", FunnelFlag.REDUCED),
				Arguments.of(65, 50, "0.0236032", "0.982735", FunnelFlag.ELEVATED),
				Arguments.of(74, 50, "0.000886433", "0.999422", FunnelFlag.HIGH),
				Arguments.of(157, 200, "0.99928", "0.000935151", FunnelFlag.LOW),
				Arguments.of(172, 200, "0.980018", "0.0238635", FunnelFlag.REDUCED),
				Arguments.of(229, 200, "0.0237645", "0.979775", FunnelFlag.ELEVATED),
				Arguments.of(246, 200, "0.000913449", "0.999271", FunnelFlag.HIGH));
	}

	@ParameterizedTest(name = "O={0}, E={1}: {4}")
	@MethodSource("referenceTable")
	void tailProbabilitiesAndFlagMatchTheReferenceTable(long observed, double expected, String upper, String lower,
			FunnelFlag flag) {
		closeToWritten(Funnels.upperTail(observed, expected), upper);
		closeToWritten(Funnels.lowerTail(observed, expected), lower);
		assertThat(Funnels.exactPoissonFlag(observed, expected)).isEqualTo(flag);
	}

	@Test
	void largeCountTailsAreAccurateToFullPrecision() {
		// scipy.stats.poisson.sf / cdf at full double precision
		close(Funnels.upperTail(157, 200), 0.9992803906433722, 1e-12);
		close(Funnels.lowerTail(157, 200), 0.0009351508521421199, 1e-10);
		close(Funnels.upperTail(246, 200), 0.0009134489867864048, 1e-10);
		close(Funnels.lowerTail(246, 200), 0.9992711308030161, 1e-12);
	}

	@Test
	void smallestFlaggedCountsMatchTheReference() {
		assertSmallestFlagged(2, 6, 9);
		assertSmallestFlagged(5, 11, 14);
		assertSmallestFlagged(10, 18, 22);
		assertSmallestFlagged(50, 65, 74);
	}

	@Test
	void unitWithSmallExpectedCanNeverBeReducedNorLow() {
		// P(X <= 0) = exp(-E) >= 0.025 exactly when E <= ln 40 = 3.689: O = 0 is the most
		// extreme count.
		assertThat(Funnels.exactPoissonFlag(0, 3.688)).isEqualTo(FunnelFlag.IN_RANGE);
		assertThat(Funnels.exactPoissonFlag(0, 3.69)).isEqualTo(FunnelFlag.REDUCED);
		// ln 1000 = 6.908: below it O = 0 is reduced at most, never low.
		assertThat(Funnels.exactPoissonFlag(0, 6.907)).isEqualTo(FunnelFlag.REDUCED);
		assertThat(Funnels.exactPoissonFlag(0, 6.909)).isEqualTo(FunnelFlag.LOW);
		for (long observed = 0; observed < 30; observed++) {
			assertThat(Funnels.exactPoissonFlag(observed, 3.6)).isNotIn(FunnelFlag.REDUCED, FunnelFlag.LOW);
		}
	}

	@Test
	void spiegelhalterInterpolatedLimitsMatchTheReference() {
		assertLimits(Funnels.poissonLimits(10, 0.95, 0), "3.775188", "16.159951");
		assertLimits(Funnels.poissonLimits(10, 0.998, 0), "1.220529", "20.662001");
		assertLimits(Funnels.poissonLimits(50, 0.95, 0), "36.121724", "63.830492");
		assertLimits(Funnels.poissonLimits(50, 0.998, 0), "29.122816", "72.751409");
	}

	@Test
	void expectedZeroGivesNoFlagAndAFlatLine() {
		assertThat(Funnels.exactPoissonFlag(0, 0)).isNull();
		assertThat(Funnels.exactPoissonFlag(3, 0)).isNull();
		assertThat(Funnels.poissonLimits(0, 0.95, 0)).isEqualTo(new Interval(0, 0));
	}

	@Test
	void drawnLowerLimitNeverGoesBelowZero() {
		assertThat(Funnels.poissonLimits(0.5, 0.998, 0).low()).isZero();
		assertThat(Funnels.poissonLimits(0.5, 0.998, 0).high()).isGreaterThan(0.5);
	}

	@Test
	void drawnLimitsUseTheAdjustedSquareRootScaleWhenTau2IsPositive() {
		// E (1 -+ k sqrt(1/(4E) + tau2))^2, computed with NumPy
		Interval limits = Funnels.poissonLimits(100, 0.998, 0.007773155712109201);
		close(limits.low(), 47.16731722018172, 1e-12);
		close(limits.high(), 172.45345234931148, 1e-12);
	}

	private static void assertLimits(Interval limits, String low, String high) {
		closeToWritten(limits.low(), low);
		closeToWritten(limits.high(), high);
	}

	private static void assertSmallestFlagged(double expected, long elevated, long high) {
		assertThat(Funnels.exactPoissonFlag(elevated - 1, expected)).isEqualTo(FunnelFlag.IN_RANGE);
		assertThat(Funnels.exactPoissonFlag(elevated, expected)).isEqualTo(FunnelFlag.ELEVATED);
		assertThat(Funnels.exactPoissonFlag(high - 1, expected)).isEqualTo(FunnelFlag.ELEVATED);
		assertThat(Funnels.exactPoissonFlag(high, expected)).isEqualTo(FunnelFlag.HIGH);
	}

}
