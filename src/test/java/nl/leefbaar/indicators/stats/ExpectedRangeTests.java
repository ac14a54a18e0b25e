package nl.leefbaar.indicators.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The expected range shown beside a flag agrees with the flag (outputs.md). */
class ExpectedRangeTests {

	/**
	 * reference-values.md: the smallest O flagged elevated is 6, 11, 18, 65 at E = 2, 5,
	 * 10, 50, so the range ends one below; its lower end is the first O whose lower tail
	 * reaches 0.025 (E = 10: P(X <= 3) = 0.0103, P(X <= 4) = 0.0293; E = 50: P(X <= 36) =
	 * 0.0238).
	 */
	@ParameterizedTest(name = "E = {0}")
	@CsvSource({ "2, 0, 5", "5, 1, 10", "10, 4, 17", "50, 37, 64" })
	void theExactRangeEndsWhereTheFlagsBegin(double expected, long low, long high) {
		Interval range = ExpectedRange.ofCount(expected, false, 0);
		assertThat(range.low()).isEqualTo(low);
		assertThat(range.high()).isEqualTo(high);
	}

	@Test
	void aFigureIsInRangeExactlyWhenItsFlagSaysSo() {
		Random random = new Random(19);
		for (int i = 0; i < 2000; i++) {
			double expected = 0.2 + random.nextDouble() * 300;
			long observed = (long) (expected * random.nextDouble() * 2.2);
			Interval range = ExpectedRange.ofCount(expected, false, 0);
			FunnelFlag flag = Funnels.exactPoissonFlag(observed, expected);
			boolean inside = observed >= range.low() && observed <= range.high();
			assertThat(inside).as("O %d, E %s, flag %s, range %s", observed, expected, flag, range)
				.isEqualTo(flag == FunnelFlag.IN_RANGE);
		}
	}

	@Test
	void withOverdispersionTheRangeIsTheAdjustedNormalLimitOnTheSquareRootScale() {
		Interval range = ExpectedRange.ofCount(25, true, 0.04);
		double sd = Math.sqrt(1 / 100.0 + 0.04);
		assertThat(range.low()).isCloseTo(25 * Math.pow(1 - Funnels.K_95 * sd, 2), offset(1e-9));
		assertThat(range.high()).isCloseTo(25 * Math.pow(1 + Funnels.K_95 * sd, 2), offset(1e-9));
		// and a flag by the adjusted rule agrees with it
		for (long o = 0; o < 80; o++) {
			FunnelFlag flag = Funnels.normalFlag(Math.sqrt(o / 25.0), 1.0, sd);
			assertThat(o >= range.low() && o <= range.high()).as("O " + o).isEqualTo(flag == FunnelFlag.IN_RANGE);
		}
	}

	@Test
	void aShareRangeIsTheShareLimitsAndAgreesWithTheShareFlag() {
		for (int x = 0; x <= 40; x++) {
			Interval range = ExpectedRange.ofShare(0.2, 40, false, 0);
			FunnelFlag flag = Funnels.shareFlag(x / 40.0, 0.2, 40);
			double p = x / 40.0;
			assertThat(p >= range.low() && p <= range.high()).as("x " + x).isEqualTo(flag == FunnelFlag.IN_RANGE);
		}
	}

	@Test
	void noExpectationNoRange() {
		assertThat(ExpectedRange.ofCount(0, false, 0)).isEqualTo(new Interval(0, 0));
	}

}
