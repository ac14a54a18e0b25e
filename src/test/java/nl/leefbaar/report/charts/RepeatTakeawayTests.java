package nl.leefbaar.report.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.leefbaar.report.charts.ChartRenderer.ChartSet;
import nl.leefbaar.report.charts.Figures.MonthValue;
import nl.leefbaar.report.charts.Figures.RepeatTrend;
import org.junit.jupiter.api.Test;

/**
 * The repeat slide's title compares the 12 months to m with the 12 months before, with
 * Fisher's exact test on the repeat reports out of reports, never month with month.
 */
class RepeatTakeawayTests {

	static final YearMonth MONTH = YearMonth.of(2026, 10);

	@Test
	void aSignificantRiseOverTwelveMonthsIsClearlyMoreEvenWhenTheMonthItselfFell() {
		// 300 of 1000 against 250 of 1000: Fisher's exact test p = 0.0141 (R fisher.test,
		// scipy fisher_exact)
		ChartSet set = set(0.30, 0.25, new double[] { 300, 1000 }, new double[] { 250, 1000 });

		assertThat(Takeaways.of("repeat-trend", set))
			.isEqualTo("Herhaalmeldingen: 30 % in 12 maanden t/m oktober 2026 (+5 procentpunt t.o.v. het jaar ervoor:"
					+ " duidelijk meer)");
		assertThat(Takeaways.repeatChange(set).pValue()).isBetween(0.0140, 0.0142);
	}

	@Test
	void theSameDifferenceOnFewReportsIsNoClearChange() {
		// 30 of 100 against 25 of 100: p = 0.53
		ChartSet set = set(0.30, 0.25, new double[] { 30, 100 }, new double[] { 25, 100 });

		assertThat(Takeaways.of("repeat-trend", set))
			.endsWith("(+5 procentpunt t.o.v. het jaar ervoor: geen" + " duidelijke verandering)");
	}

	@Test
	void theNoteUnderTheChartCarriesTheTitlesNumbers() {
		ChartSet set = set(0.30, 0.25, new double[] { 300, 1000 }, new double[] { 250, 1000 });

		assertThat(Takeaways.repeatNote(set, set.labels(), 90))
			.startsWith("12 maanden t/m oktober 2026: 30 %; de 12 maanden ervoor: 25 % (+5 procentpunt).");
	}

	@Test
	void withoutTheYearBeforeTheTitleGivesTheShareAlone() {
		ChartSet set = set(0.30, null, new double[] { 300, 1000 }, null);

		assertThat(Takeaways.of("repeat-trend", set))
			.isEqualTo("Herhaalmeldingen: 30 % in 12 maanden t/m oktober 2026");
	}

	/**
	 * 24 months in which every month's own share falls (0.40 a year ago, 0.10 now) while
	 * the 12-month shares are the given ones.
	 */
	private static ChartSet set(Double now, Double before, double[] countsNow, double[] countsBefore) {
		List<YearMonth> months = TrendFigures.trendMonths(MONTH);
		List<MonthValue> monthly = new ArrayList<>();
		List<MonthValue> twelve = new ArrayList<>();
		for (YearMonth m : months) {
			monthly.add(new MonthValue(m, m.equals(MONTH) ? 0.10 : 0.40, null, null));
			Double value = m.equals(MONTH) ? now : m.equals(MONTH.minusYears(1)) ? before : null;
			twelve.add(new MonthValue(m, value, null, null));
		}
		Map<YearMonth, double[]> counts = new HashMap<>();
		counts.put(MONTH, countsNow);
		if (countsBefore != null) {
			counts.put(MONTH.minusYears(1), countsBefore);
		}
		return new ChartSet(new Labels(Locale.forLanguageTag("nl")), MONTH, "Hele stad", null,
				new RepeatTrend(months, monthly, twelve, counts), null, null, List.of(), null, List.of(), null,
				List.of());
	}

}
