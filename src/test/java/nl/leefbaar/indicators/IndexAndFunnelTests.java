package nl.leefbaar.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Date;
import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IndexAndFunnelTests extends IndicatorFixtureTests {

	@BeforeEach
	void given() {
		data.neighbourhood("N1").complex("C1", "N1", 100).complex("C2", "N1", 100);
	}

	/**
	 * C1: 10 reports, C2: 30 reports, all in June 2024; the data start 2023-01-05 and
	 * reach into April 2025 (so the reference December 2024 is complete in the data).
	 */
	private void tenAndThirtyReportsInJune2024() {
		data.report("C1", "other", "2023-01-05T10:00Z");
		data.report("C1", "other", "2025-04-02T10:00Z");
		for (int i = 0; i < 30; i++) {
			String day = String.format("2024-06-%02dT10:00Z", 1 + i % 28);
			if (i < 10) {
				data.report("C1", "pollution", day);
			}
			data.report("C2", "pollution", day);
		}
	}

	@Test
	void theIndexScoresAgainstTheComplexesOfTheReferenceDecember() {
		tenAndThirtyReportsInJune2024();
		// Reference year: the first year starting >= 90 days after 2023-01-05 is 2024 ->
		// December 2024.
		// Components at Dec 2024 (12 months Jan-Dec 2024): report rate C1 10, C2 30 per
		// 100 dwellings
		// (mean 20, sd 10); no dwelling refs, no closings; participation 0 for both (sd
		// 0: left out).
		// C1: z = (10 - 20) / 10 = -1, lower is better -> 100 + 10 = 110; C2: 90; N1
		// (rate 20): 100.
		YearMonth march = YearMonth.of(2025, 3);
		IndicatorService.Computation computation = service.compute(march, false);

		assertThat(computation.computed()).contains(YearMonth.of(2024, 12), march);
		assertThat(jdbc.queryForObject("select reference_year from computed_month where period = ?", Integer.class,
				Date.valueOf(march.atDay(1))))
			.isEqualTo(2024);
		// March 2025 (Apr 2024 - Mar 2025) has the same June reports: the same index
		assertThat(Fixture.value(jdbc, march, "complex", "C1", "all", "liveability_index")).isCloseTo(110.0,
				within(1e-9));
		assertThat(Fixture.value(jdbc, march, "complex", "C2", "all", "liveability_index")).isCloseTo(90.0,
				within(1e-9));
		assertThat(Fixture.value(jdbc, march, "neighbourhood", "N1", "all", "liveability_index")).isCloseTo(100.0,
				within(1e-9));
		assertThat(Fixture.figure(jdbc, march, "complex", "C1", "all", "liveability_index").get("flag")).isNull();
	}

	@Test
	void theIndexIsMissingWhileTheReferenceDecemberIsNotInTheData() {
		data.report("C1", "pollution", "2024-06-05T10:00Z"); // reference year 2025, data
																// end in March 2025
		data.report("C2", "pollution", "2025-03-05T10:00Z");

		service.compute(YearMonth.of(2025, 3), false);

		assertThat(Fixture.value(jdbc, YearMonth.of(2025, 3), "complex", "C1", "all", "liveability_index")).isNull();
	}

	@Test
	void reportRateFunnelFlagsCompareComplexesWithEachOtherAndStoreTheirStatistics() {
		tenAndThirtyReportsInJune2024();
		YearMonth march = YearMonth.of(2025, 3);

		service.compute(march, false);

		// E = 40 / 200 * 100 = 20 each. C1 O = 10: P(X <= 10) = 0.0108 -> reduced;
		// C2 O = 30: P(X >= 30) = 0.0218 -> elevated (2 units: no overdispersion
		// adjustment)
		assertThat(Fixture.figure(jdbc, march, "complex", "C1", "all", "report_rate_12m")).containsEntry("flag",
				"reduced");
		assertThat(Fixture.figure(jdbc, march, "complex", "C2", "pollution", "report_rate_12m")).containsEntry("flag",
				"elevated");
		// the city is never flagged; the complex-level repeat rate is never flagged
		assertThat(Fixture.figure(jdbc, march, "city", "city", "all", "report_rate_12m").get("flag")).isNull();
		assertThat(Fixture.figure(jdbc, march, "complex", "C2", "all", "repeat_rate_12m").get("flag")).isNull();
		Map<String, Object> stat = jdbc.queryForMap("""
				select units, adjusted from funnel_stat
				where period = ? and level = 'complex' and category = 'all' and indicator = 'report_rate_12m'
				""", Date.valueOf(march.atDay(1)));
		assertThat(stat).containsEntry("units", 2).containsEntry("adjusted", false);
	}

}
