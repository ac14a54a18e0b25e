package nl.leefbaar.indicators.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The expected range and the flag agree: a count inside the 95 % range is never flagged
 * elevated or reduced by the rule, a count beyond it always is; with the adjustment, a
 * value just inside the continuous limit is in range and one just beyond is flagged.
 */
class ExpectedRangeAgreesWithFlagsTests {

	@Test
	void exactRuleRangesAreTheCountsTheFlagLeavesInRange() {
		Random random = new Random(20261207L);
		for (int trial = 0; trial < 2_000; trial++) {
			double expected = 0.3 + random.nextDouble() * (trial % 2 == 0 ? 12 : 400);
			Interval range = ExpectedRange.ofCount(expected, false, 0);
			long low = (long) range.low();
			long high = (long) range.high();
			assertThat(Funnels.exactPoissonFlag(high, expected)).isEqualTo(FunnelFlag.IN_RANGE);
			assertThat(Funnels.exactPoissonFlag(high + 1, expected)).isIn(FunnelFlag.ELEVATED, FunnelFlag.HIGH);
			assertThat(Funnels.exactPoissonFlag(low, expected)).isEqualTo(FunnelFlag.IN_RANGE);
			if (low > 0) {
				assertThat(Funnels.exactPoissonFlag(low - 1, expected)).isIn(FunnelFlag.REDUCED, FunnelFlag.LOW);
			}
		}
	}

	@Test
	void referenceValuesGiveTheSmallestElevatedCountsOfTheTable() {
		// reference-values.md: smallest O flagged at least elevated: E = 2: 6; E = 5: 11;
		// E
		// = 10: 18; E = 50: 65
		assertThat(ExpectedRange.ofCount(2, false, 0).high()).isEqualTo(5);
		assertThat(ExpectedRange.ofCount(5, false, 0).high()).isEqualTo(10);
		assertThat(ExpectedRange.ofCount(10, false, 0).high()).isEqualTo(17);
		assertThat(ExpectedRange.ofCount(50, false, 0).high()).isEqualTo(64);
		// and the largest reduced one: E = 10: 3 is reduced (P(X <= 3) = 0.0103), 4 is
		// not
		assertThat(ExpectedRange.ofCount(10, false, 0).low()).isEqualTo(4);
		assertThat(ExpectedRange.ofCount(50, false, 0).low()).isEqualTo(37);
	}

	@Test
	void adjustedRangesAreTheLimitsTheAdjustedFlagUses() {
		double expected = 80;
		double tau2 = 0.02;
		Interval range = ExpectedRange.ofCount(expected, true, tau2);
		double s = 1 / (2 * Math.sqrt(expected));
		double sd = Math.sqrt(s * s + tau2);
		assertThat(Funnels.normalFlag(Math.sqrt(range.high() * 0.999 / expected), 1, sd))
			.isEqualTo(FunnelFlag.IN_RANGE);
		assertThat(Funnels.normalFlag(Math.sqrt(range.high() * 1.001 / expected), 1, sd))
			.isEqualTo(FunnelFlag.ELEVATED);
		assertThat(Funnels.normalFlag(Math.sqrt(range.low() * 1.001 / expected), 1, sd)).isEqualTo(FunnelFlag.IN_RANGE);
		assertThat(Funnels.normalFlag(Math.sqrt(range.low() * 0.999 / expected), 1, sd)).isEqualTo(FunnelFlag.REDUCED);
	}

}
