package nl.leefbaar.indicators.stats;

import static nl.leefbaar.indicators.stats.Close.close;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Rates and shares across a level: expected values, the adjustment and its fall-backs.
 */
class FunnelsOverdispersionTests {

	/**
	 * Twelve complexes of 100 dwellings with 60..140 reports: E = 100 each (1200 / 1200 *
	 * 100), so the Poisson sd is 10, but the counts spread much wider (sd ~ 22). The
	 * exact rule flags five of them; the spread is what complexes are like, not news.
	 * With the adjustment (NumPy, indicators.md's steps): z = 20 (sqrt(O/100) - 1),
	 * winsorised at its R-7 10th/90th percentiles, phi = 3.7668237611067066, tau2 =
	 * 0.007773155712109201 > 0 and I = 12 >= 10, so the limits widen to 1 +- k
	 * sqrt(0.0025 + tau2) and only the most extreme unit (60) stays flagged, as reduced
	 * (y = 0.7746 < 1 - 1.959964 * 0.10136 = 0.8013, but > 1 - 3.090232 * 0.10136).
	 */
	@Test
	void adjustmentWidensTheLimitsOfAnOverdispersedLevel() {
		List<FunnelUnit> units = units(60, 70, 80, 90, 95, 100, 100, 105, 110, 120, 130, 140);

		FunnelResult exact = Funnels.rates(units, false);
		FunnelResult adjusted = Funnels.rates(units, true);

		assertThat(exact.adjusted()).isFalse();
		assertThat(exact.phi()).isNaN();
		assertThat(exact.tau2()).isNaN();
		assertThat(exact.flags()).containsEntry("c1", FunnelFlag.LOW)
			.containsEntry("c2", FunnelFlag.LOW)
			.containsEntry("c3", FunnelFlag.REDUCED)
			.containsEntry("c11", FunnelFlag.ELEVATED)
			.containsEntry("c12", FunnelFlag.HIGH);
		assertThat(exact.flags().values().stream().filter(f -> f != FunnelFlag.IN_RANGE)).hasSize(5);

		assertThat(adjusted.adjusted()).isTrue();
		assertThat(adjusted.units()).isEqualTo(12);
		close(adjusted.phi(), 3.7668237611067066, 1e-12);
		close(adjusted.tau2(), 0.007773155712109201, 1e-12);
		assertThat(adjusted.flags()).containsEntry("c1", FunnelFlag.REDUCED);
		assertThat(adjusted.flags().entrySet().stream().filter(e -> !e.getKey().equals("c1")))
			.allMatch(e -> e.getValue() == FunnelFlag.IN_RANGE);
	}

	@Test
	void fewerThanTenUnitsFallBackToTheExactRule() {
		List<FunnelUnit> units = units(60, 70, 80, 90, 100, 110, 120, 130, 140);

		FunnelResult result = Funnels.rates(units, true);

		assertThat(result.units()).isEqualTo(9);
		assertThat(result.tau2()).isGreaterThan(0);
		assertThat(result.adjusted()).isFalse();
		assertThat(result.flags()).isEqualTo(Funnels.rates(units, false).flags());
		assertThat(result.flags()).containsEntry("c1", FunnelFlag.LOW).containsEntry("c9", FunnelFlag.HIGH);
	}

	@Test
	void zeroTau2FallsBackToTheExactRule() {
		// Twelve complexes, counts closer together than Poisson noise: phi < 1, tau2 =
		// max(0, ...) = 0.
		List<FunnelUnit> units = units(98, 99, 100, 100, 100, 101, 102, 100, 99, 101, 100, 100);

		FunnelResult result = Funnels.rates(units, true);

		assertThat(result.units()).isEqualTo(12);
		assertThat(result.phi()).isLessThan(1);
		assertThat(result.tau2()).isZero();
		assertThat(result.adjusted()).isFalse();
		assertThat(result.flags().values()).containsOnly(FunnelFlag.IN_RANGE);
	}

	@Test
	void expectedFollowsTheLevelRateTimesDwellings() {
		// 30 reports over 300 dwellings: 10 per 100. Complex a (100 dwellings) has E =
		// 10, O = 22: high.
		List<FunnelUnit> units = List.of(new FunnelUnit("a", 22, 100), new FunnelUnit("b", 8, 200));

		FunnelResult result = Funnels.rates(units, false);

		assertThat(result.flags()).containsEntry("a", Funnels.exactPoissonFlag(22, 10))
			.containsEntry("a", FunnelFlag.HIGH);
		assertThat(result.flags()).containsEntry("b", Funnels.exactPoissonFlag(8, 20));
	}

	@Test
	void unitsWithExpectedZeroGetNoFlag() {
		List<FunnelUnit> noReports = List.of(new FunnelUnit("a", 0, 100), new FunnelUnit("b", 0, 50));
		List<FunnelUnit> noDwellings = List.of(new FunnelUnit("a", 5, 100), new FunnelUnit("empty", 0, 0));

		assertThat(Funnels.rates(noReports, true).flags()).isEmpty();
		assertThat(Funnels.rates(noReports, true).units()).isZero();
		assertThat(Funnels.rates(noDwellings, true).flags()).containsOnlyKeys("a");
		assertThat(Funnels.shares(List.of(new FunnelUnit("a", 2, 10), new FunnelUnit("none", 0, 0)), true).flags())
			.containsOnlyKeys("a");
	}

	@Test
	void valueExactlyOnALimitIsInside() {
		double sd = 0.1;
		double target = 1.0;
		assertThat(Funnels.normalFlag(target + Funnels.K_95 * sd, target, sd)).isEqualTo(FunnelFlag.IN_RANGE);
		assertThat(Funnels.normalFlag(target - Funnels.K_95 * sd, target, sd)).isEqualTo(FunnelFlag.IN_RANGE);
		assertThat(Funnels.normalFlag(target + Funnels.K_998 * sd, target, sd)).isEqualTo(FunnelFlag.ELEVATED);
		assertThat(Funnels.normalFlag(target - Funnels.K_998 * sd, target, sd)).isEqualTo(FunnelFlag.REDUCED);
		assertThat(Funnels.normalFlag(Math.nextUp(target + Funnels.K_998 * sd), target, sd)).isEqualTo(FunnelFlag.HIGH);
		assertThat(Funnels.normalFlag(Math.nextDown(target - Funnels.K_998 * sd), target, sd))
			.isEqualTo(FunnelFlag.LOW);
		// Shares: p0 = 0.5, n = 100 gives sd 0.05 exactly; p on the 95 % line is in
		// range.
		Interval line = Funnels.shareLimits(0.5, 100, 0.95, 0);
		assertThat(Funnels.shareFlag(line.high(), 0.5, 100)).isEqualTo(FunnelFlag.IN_RANGE);
		assertThat(Funnels.shareFlag(line.low(), 0.5, 100)).isEqualTo(FunnelFlag.IN_RANGE);
		assertThat(Funnels.shareFlag(Math.nextUp(line.high()), 0.5, 100)).isEqualTo(FunnelFlag.ELEVATED);
	}

	/**
	 * Twelve complexes with 100 closed reports each, 10..60 closed within target (p0 =
	 * 0.325). The plain limits (p0 +- k sqrt(p0 (1 - p0) / 100)) flag four; on the
	 * arcsine scale the adjustment (NumPy: phi = 2.8465496322085904, tau2 =
	 * 0.005263317178750702) keeps only the two extremes.
	 */
	@Test
	void sharesAreAdjustedOnTheArcsineScale() {
		int[] x = { 10, 20, 25, 30, 30, 30, 30, 35, 35, 40, 45, 60 };
		List<FunnelUnit> units = new ArrayList<>();
		for (int i = 0; i < x.length; i++) {
			units.add(new FunnelUnit("c" + (i + 1), x[i], 100));
		}

		FunnelResult plain = Funnels.shares(units, false);
		FunnelResult adjusted = Funnels.shares(units, true);

		assertThat(plain.flags()).containsEntry("c1", FunnelFlag.LOW)
			.containsEntry("c2", FunnelFlag.REDUCED)
			.containsEntry("c11", FunnelFlag.ELEVATED)
			.containsEntry("c12", FunnelFlag.HIGH);
		assertThat(countFlagged(plain.flags())).isEqualTo(4);
		assertThat(adjusted.adjusted()).isTrue();
		close(adjusted.phi(), 2.8465496322085904, 1e-12);
		close(adjusted.tau2(), 0.005263317178750702, 1e-12);
		assertThat(adjusted.flags()).containsEntry("c1", FunnelFlag.LOW).containsEntry("c12", FunnelFlag.HIGH);
		assertThat(countFlagged(adjusted.flags())).isEqualTo(2);
	}

	@Test
	void shareLimitsAreClampedToZeroAndOne() {
		// p0 = 0.05, n = 5: 0.05 -+ 3.090232 * 0.0975 runs below 0.
		Interval low = Funnels.shareLimits(0.05, 5, 0.998, 0);
		assertThat(low.low()).isZero();
		close(low.high(), 0.05 + 3.090232 * Math.sqrt(0.05 * 0.95 / 5), 1e-15);
		Interval high = Funnels.shareLimits(0.95, 5, 0.998, 0);
		assertThat(high.high()).isEqualTo(1.0);
		// The adjusted limits stay inside [0, 1] too, clamped on the angle.
		Interval adjusted = Funnels.shareLimits(0.02, 4, 0.998, 0.05);
		assertThat(adjusted.low()).isZero();
		assertThat(adjusted.high()).isBetween(0.0, 1.0);
		// A unit with 0 of 5 against p0 = 0.05 cannot fall below a clamped 0: in range.
		assertThat(Funnels.shareFlag(0.0, 0.05, 5)).isEqualTo(FunnelFlag.IN_RANGE);
	}

	@Test
	void adjustedShareLimitsTransformBackFromTheArcsineScale() {
		// sin^2(asin(sqrt(p0)) -+ k sqrt(1/(4n) + tau2)), NumPy
		Interval limits = Funnels.shareLimits(0.325, 100, 0.95, 0.005263317178750702);
		close(limits.low(), 0.17676260995851312, 1e-12);
		close(limits.high(), 0.49390641622171155, 1e-12);
	}

	@Test
	void flagCodesAreTheCsvWords() {
		assertThat(FunnelFlag.IN_RANGE.code()).isEqualTo("in range");
		assertThat(FunnelFlag.HIGH.code()).isEqualTo("high");
		assertThat(FunnelFlag.REDUCED.code()).isEqualTo("reduced");
	}

	private static long countFlagged(Map<String, FunnelFlag> flags) {
		return flags.values().stream().filter(f -> f != FunnelFlag.IN_RANGE).count();
	}

	private static List<FunnelUnit> units(int... observed) {
		List<FunnelUnit> units = new ArrayList<>();
		for (int i = 0; i < observed.length; i++) {
			units.add(new FunnelUnit("c" + (i + 1), observed[i], 100));
		}
		return units;
	}

}
