package nl.leefbaar.indicators.stats;

import static nl.leefbaar.indicators.stats.Close.close;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.leefbaar.indicators.stats.Change.Unit;
import nl.leefbaar.indicators.stats.Change.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The change classification of outputs.md. Reference p-values are exact: the
 * hypergeometric and binomial sums in rational arithmetic (Python's fractions), the
 * Fisher sums by R's rule (tables no more likely than the observed one, within a relative
 * 1e-7); the Fisher values agree with SciPy's fisher_exact and R's fisher.test.
 */
class ChangeTests {

	/**
	 * Fisher's exact test, two-sided, on the table (x now, n now - x now; x before, n
	 * before - x before).
	 */
	@ParameterizedTest(name = "{0}/{1} against {2}/{3}")
	@CsvSource({
			// the tea-tasting table: fisher.test(matrix(c(3, 1, 1, 3), 2)) = 34/70
			"3, 4, 1, 4, 0.4857142857142857",
			// hypergeometric sums by hand: P(table) <= P(10, 2; 3, 15)
			"10, 12, 3, 18, 0.0005367241191434358", "1, 10, 11, 14, 0.0027594561852200836",
			"0, 10, 5, 10, 0.032507739938080496", "12, 100, 25, 100, 0.027942706055260898",
			// identical shares: nothing is less likely than the mode
			"7, 37, 7, 37, 1.0",
			// the two extreme tables of margins 2 and 2 out of 4: 1/6 + 1/6
			"2, 2, 0, 2, 0.3333333333333333" })
	void fisherMatchesTheHypergeometricSums(long xNow, long nNow, long xBefore, long nBefore, double p) {
		Change change = Change.ofShares(xNow, nNow, xBefore, nBefore);
		close(change.pValue(), p, 1e-9);
		assertThat(change.unit()).isEqualTo(Unit.PERCENTAGE_POINTS);
	}

	@Test
	void aShareChangeIsInPercentagePoints() {
		// 12 % now against 25 % before: -13 percentage points (not -52 %)
		Change change = Change.ofShares(12, 100, 25, 100);
		close(change.estimate(), -13.0, 1e-12);
		assertThat(change.direction()).isEqualTo(-1);
		assertThat(change.significant()).isTrue(); // p 0.0279
		assertThat(change.verdict(false)).isEqualTo(Verdict.BETTER); // fewer repeats is
																		// better
		assertThat(change.verdict(true)).isEqualTo(Verdict.WORSE); // fewer closed in time
																	// is worse
	}

	@Test
	void fisherIsSymmetricInTheOrderOfThePeriods() {
		close(Change.ofShares(25, 100, 12, 100).pValue(), Change.ofShares(12, 100, 25, 100).pValue(), 1e-12);
		close(Change.ofShares(3, 18, 10, 12).pValue(), 0.0005367241191434358, 1e-9);
	}

	@Test
	void fisherStaysQuickAndFiniteForCitySizedTables() {
		// 20.0 % of 400,000 against 20.3 % of 410,000: a difference no 2x2 table of this
		// size hides
		Change change = Change.ofShares(80_000, 400_000, 83_230, 410_000);
		assertThat(change.pValue()).isBetween(0.0, 0.05);
		Change same = Change.ofShares(80_000, 400_000, 82_000, 410_000);
		close(same.pValue(), 1.0, 1e-6);
	}

	@Test
	void aShareOfNothingHasNoTest() {
		Change change = Change.ofShares(0, 0, 3, 10);
		assertThat(change.pValue()).isNull();
		assertThat(change.estimate()).isNull();
		assertThat(change.verdict(true)).isEqualTo(Verdict.NO_CLEAR_CHANGE);
	}

	/**
	 * The conditional test with the dwellings as exposure: now ~ Binomial(now + before,
	 * e_now / (e_now + e_before)), p = min(1, 2 * smaller tail).
	 */
	@ParameterizedTest(name = "{0} on {1} against {2} on {3}")
	@CsvSource({ "10, 100, 2, 50, 0.36224529157517016", "45, 300, 60, 310, 0.23049737782973376",
			"0, 100, 5, 80, 0.034683059831665225", "7, 100, 0, 90, 0.022374574703944185",
			// equal exposures: R's poisson.test(c(12, 3)) and poisson.test(c(30, 18)),
			// reference-values.md
			"12, 120, 3, 120, 0.03515625", "30, 200, 18, 200, 0.1114028911",
			"150, 1000, 110, 1000, 0.01541558283317147" })
	void rateTestMatchesTheBinomialSums(long now, double exposureNow, long before, double exposureBefore, double p) {
		Change change = Change.ofCounts(now, exposureNow, before, exposureBefore);
		close(change.pValue(), p, 1e-9);
		assertThat(change.unit()).isEqualTo(Unit.PERCENT);
	}

	@Test
	void aRateChangeIsInPercentOfTheEarlierRate() {
		// 10 reports on 100 dwellings against 2 on 50: 10 against 4 per 100, +150 %
		Change change = Change.ofCounts(10, 100, 2, 50);
		close(change.estimate(), 150.0, 1e-12);
		assertThat(change.direction()).isEqualTo(1);
		// p 0.36: a rise of 150 % on these numbers is no clear change
		assertThat(change.verdict(false)).isEqualTo(Verdict.NO_CLEAR_CHANGE);
		// 12 against 3 at equal exposure: p 0.035, a significant rise, which is worse
		// for reports
		assertThat(Change.ofCounts(12, 120, 3, 120).verdict(false)).isEqualTo(Verdict.WORSE);
		assertThat(Change.ofCounts(3, 120, 12, 120).verdict(false)).isEqualTo(Verdict.BETTER);
	}

	@Test
	void aRiseFromZeroHasNoPercentButATest() {
		Change change = Change.ofCounts(7, 100, 0, 90);
		assertThat(change.estimate()).isNull();
		assertThat(change.direction()).isEqualTo(1);
		assertThat(change.significant()).isTrue();
	}

	@Test
	void noReportsInEitherPeriodIsNoChangeAndNoTest() {
		Change change = Change.ofCounts(0, 100, 0, 100);
		assertThat(change.estimate()).isEqualTo(0.0);
		assertThat(change.pValue()).isNull();
		assertThat(change.verdict(false)).isEqualTo(Verdict.NO_CLEAR_CHANGE);
	}

	@Test
	void theSameRateIsNeverAChangeHoweverLarge() {
		Change change = Change.ofCounts(500_000, 1000, 500_000, 1000);
		close(change.pValue(), 1.0, 1e-12);
		assertThat(change.direction()).isZero();
		assertThat(change.significant()).isFalse();
	}

	@Test
	void cityCountsKeepSmallPValues() {
		// SciPy binomtest(520000, 1020000, 0.5): 2.8275456918296525e-87 (the equal
		// exposure path)
		close(Change.ofCounts(520_000, 1, 500_000, 1).pValue(), 2.8275456918296525e-87, 1e-9);
		// the same rise on 4 % more dwellings is the same rate
		assertThat(Change.ofCounts(520_000, 1.04, 500_000, 1).pValue()).isGreaterThan(0.05);
	}

	@Test
	void refusesImpossibleCounts() {
		assertThatThrownBy(() -> Change.ofCounts(-1, 10, 2, 10)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Change.ofCounts(1, 0, 2, 10)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Change.ofShares(11, 10, 2, 10)).isInstanceOf(IllegalArgumentException.class);
	}

}
