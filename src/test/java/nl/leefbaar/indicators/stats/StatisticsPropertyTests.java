package nl.leefbaar.indicators.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.util.CombinatoricsUtils;
import org.junit.jupiter.api.Test;

/**
 * Defining equations and orderings checked over seeded random inputs (plain JUnit loops).
 */
class StatisticsPropertyTests {

	private final Random random = new Random(20261127L);

	@Test
	void clopperPearsonEndsSolveTheirTailEquations() {
		for (int round = 0; round < 300; round++) {
			long after = random.nextInt(200);
			long before = random.nextInt(200);
			if (after + before == 0) {
				continue;
			}
			RateRatioTest test = RateRatioTest.of(after, before);
			double pLow = test.ciLow() / (1 + test.ciLow());
			if (after > 0) {
				// P(X >= after | pLow) = I_pLow(after, before + 1) = 0.025
				assertThat(Beta.regularizedBeta(pLow, after, before + 1.0)).isCloseTo(0.025, within(1e-12));
			}
			else {
				assertThat(test.ciLow()).isZero();
			}
			if (before > 0) {
				double pHigh = test.ciHigh() / (1 + test.ciHigh());
				// P(X <= after | pHigh) = 1 - I_pHigh(after + 1, before) = 0.025
				assertThat(1 - Beta.regularizedBeta(pHigh, after + 1.0, before)).isCloseTo(0.025, within(1e-12));
				assertThat(test.rateRatio()).isBetween(test.ciLow(), test.ciHigh());
			}
			else {
				assertThat(test.ciHigh()).isInfinite();
			}
		}
	}

	@Test
	void rateRatioPValueIsTwiceTheSmallerExactBinomialTail() {
		for (int round = 0; round < 200; round++) {
			int after = random.nextInt(40);
			int before = random.nextInt(40);
			int n = after + before;
			if (n == 0) {
				continue;
			}
			double atMost = 0;
			double atLeast = 0;
			for (int k = 0; k <= n; k++) {
				double probability = CombinatoricsUtils.binomialCoefficientDouble(n, k) / Math.pow(2, n);
				atMost += k <= after ? probability : 0;
				atLeast += k >= after ? probability : 0;
			}
			double expected = Math.min(1, 2 * Math.min(atMost, atLeast));
			assertThat(RateRatioTest.of(after, before).pValue()).isCloseTo(expected, within(1e-12 + 1e-11 * expected));
		}
	}

	@Test
	void garwoodEndsSolveTheirPoissonTailEquations() {
		for (int round = 0; round < 200; round++) {
			long x = random.nextInt(2000);
			Interval interval = Intervals.garwood(x);
			if (x > 0) {
				// P(X >= x | low) = 0.025
				assertThat(Gamma.regularizedGammaP(x, interval.low())).isCloseTo(0.025, within(1e-12));
			}
			// P(X <= x | high) = 0.025
			assertThat(Gamma.regularizedGammaQ(x + 1.0, interval.high())).isCloseTo(0.025, within(1e-12));
			assertThat(interval.low()).isLessThanOrEqualTo(x);
			assertThat(interval.high()).isGreaterThan(x);
		}
	}

	@Test
	void wilsonIntervalHoldsTheShareInsideZeroToOne() {
		for (int round = 0; round < 500; round++) {
			long n = 1 + random.nextInt(500);
			long x = random.nextInt((int) n + 1);
			Interval interval = Intervals.wilson(x, n);
			assertThat(interval.low()).isBetween(0.0, (double) x / n);
			assertThat(interval.high()).isBetween((double) x / n, 1.0);
		}
	}

	@Test
	void exactFlagsRiseWithTheObservedCountAndAgreeWithTheTails() {
		FunnelFlag[] order = { FunnelFlag.LOW, FunnelFlag.REDUCED, FunnelFlag.IN_RANGE, FunnelFlag.ELEVATED,
				FunnelFlag.HIGH };
		for (int round = 0; round < 100; round++) {
			double expected = 0.2 + random.nextDouble() * 300;
			int previous = 0;
			for (long observed = 0; observed < expected * 2 + 30; observed++) {
				FunnelFlag flag = Funnels.exactPoissonFlag(observed, expected);
				int rank = Arrays.asList(order).indexOf(flag);
				assertThat(rank).isGreaterThanOrEqualTo(previous);
				previous = rank;
				if (flag == FunnelFlag.IN_RANGE) {
					assertThat(Funnels.upperTail(observed, expected)).isGreaterThanOrEqualTo(0.025);
					assertThat(Funnels.lowerTail(observed, expected)).isGreaterThanOrEqualTo(0.025);
				}
			}
		}
	}

	@Test
	void drawnPoissonLinesNestAroundTheExpectedValue() {
		for (int round = 0; round < 300; round++) {
			double expected = 0.01 + random.nextDouble() * random.nextDouble() * 1000;
			double tau2 = random.nextBoolean() ? 0 : random.nextDouble() * 0.05;
			Interval inner = Funnels.poissonLimits(expected, 0.95, tau2);
			Interval outer = Funnels.poissonLimits(expected, 0.998, tau2);
			assertThat(outer.low()).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(inner.low());
			assertThat(inner.low()).isLessThanOrEqualTo(expected);
			assertThat(inner.high()).isLessThanOrEqualTo(outer.high());
			assertThat(inner.high()).isGreaterThanOrEqualTo(0);
		}
	}

	@Test
	void drawnShareLinesStayWithinZeroAndOne() {
		for (int round = 0; round < 300; round++) {
			double p0 = random.nextDouble();
			double n = 1 + random.nextInt(1000);
			double tau2 = random.nextBoolean() ? 0 : random.nextDouble() * 0.05;
			Interval inner = Funnels.shareLimits(p0, n, 0.95, tau2);
			Interval outer = Funnels.shareLimits(p0, n, 0.998, tau2);
			assertThat(outer.low()).isBetween(0.0, inner.low());
			assertThat(inner.low()).isLessThanOrEqualTo(p0 + 1e-15);
			assertThat(inner.high()).isBetween(p0 - 1e-15, outer.high());
			assertThat(outer.high()).isLessThanOrEqualTo(1.0);
		}
	}

}
