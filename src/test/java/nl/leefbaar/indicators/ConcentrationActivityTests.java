package nl.leefbaar.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Concentration and activities for March 2025 (hotspots: {@link HotspotTests}).
 */
class ConcentrationActivityTests extends IndicatorFixtureTests {

	@BeforeEach
	void given() {
		data.neighbourhood("N1")
			.neighbourhood("N2")
			.complex("C1", "N1", 100)
			.complex("C2", "N1", 50)
			.complex("C3", "N1", 10)
			.complex("C4", "N2", 40);
	}

	@Test
	void concentrationIsTheTopTenPercentOfComplexesShareWithTiesByComplexId() {
		// 12 months to March: C1 3, C2 3 (tie), C3 0 (N1: n = 3 -> top ceil(0.3) = 1
		// complex: C1 by id), C4 2
		for (String complex : new String[] { "C1", "C2" }) {
			for (int day = 1; day <= 3; day++) {
				data.report(complex, "social", "2024-11-0" + day + "T10:00Z");
			}
		}
		data.report("C4", "social", "2025-03-01T10:00Z");
		data.report("C4", "social", "2025-03-02T10:00Z");

		service.compute(MARCH, false);

		// N1: 3 of 6 = 0.5; N2 (one complex): 2 of 2 = 1; city: n = 4 -> top 1 (C1, 3) of
		// 8 = 0.375
		assertThat(Fixture.figure(jdbc, MARCH, "neighbourhood", "N1", "all", "concentration_top10_12m"))
			.containsEntry("value", 0.5)
			.containsEntry("numerator", 3.0)
			.containsEntry("denominator", 6.0);
		assertThat(Fixture.value(jdbc, MARCH, "neighbourhood", "N2", "all", "concentration_top10_12m")).isEqualTo(1.0);
		assertThat(Fixture.value(jdbc, MARCH, "city", "city", "all", "concentration_top10_12m")).isEqualTo(0.375);
		// 12 months to November 2025 hold no report: missing
		service.compute(YearMonth.of(2026, 3), false);
		assertThat(Fixture.value(jdbc, YearMonth.of(2026, 3), "city", "city", "all", "concentration_top10_12m"))
			.isNull();
	}

	@Test
	void neighbourhoodWideActivitiesCountForTheNeighbourhoodAndCityNotForComplexes() {
		data.report("C1", "other", "2024-01-01T10:00Z");
		data.activity("A1", "C1", null, "cleanup", "2025-03-05", 10, "pollution")
			.activity("A2", null, "N1", "meeting", "2025-03-20", 30, null)
			.activity("A3", "C1", null, "greening", "2024-06-01", 5, null)
			.activity("A4", "C2", null, "meeting", "2025-03-10", null, null)
			.activity("A5", "C4", null, "meeting", "2025-04-01", 7, null); // April: not
																			// in March

		service.compute(MARCH, false);

		// C1: 1 activity, 10 participants; 12 months 10 + 5 = 15 per 100 dwellings = 15
		assertThat(Fixture.value(jdbc, MARCH, "complex", "C1", "all", "activities")).isEqualTo(1.0);
		assertThat(Fixture.value(jdbc, MARCH, "complex", "C1", "all", "participants")).isEqualTo(10.0);
		assertThat(Fixture.figure(jdbc, MARCH, "complex", "C1", "all", "participation_rate_12m"))
			.containsEntry("value", 15.0)
			.containsEntry("numerator", 15.0)
			.containsEntry("denominator", 100.0);
		// C2: an activity without a participant count
		assertThat(Fixture.value(jdbc, MARCH, "complex", "C2", "all", "activities")).isEqualTo(1.0);
		assertThat(Fixture.value(jdbc, MARCH, "complex", "C2", "all", "participants")).isEqualTo(0.0);
		// N1: A1 + A2 + A4 = 3 activities, 40 participants; 12 months 45 per 160
		// dwellings * 100
		assertThat(Fixture.value(jdbc, MARCH, "neighbourhood", "N1", "all", "activities")).isEqualTo(3.0);
		assertThat(Fixture.value(jdbc, MARCH, "neighbourhood", "N1", "all", "participants")).isEqualTo(40.0);
		assertThat(Fixture.value(jdbc, MARCH, "neighbourhood", "N1", "all", "participation_rate_12m"))
			.isEqualTo(100.0 * 45 / 160);
		assertThat(Fixture.value(jdbc, MARCH, "city", "city", "all", "activities")).isEqualTo(3.0);
		assertThat(Fixture.value(jdbc, MARCH, "complex", "C4", "all", "activities")).isEqualTo(0.0);
	}

}
