package nl.leefbaar.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Counts, rates and repeats on a small fixture. The data start on 2024-01-01 with an
 * anchor report at complex C2, so every 2025 month has complete look-back (W = 90 days).
 */
class RepeatAndCountTests extends IndicatorFixtureTests {

	@BeforeEach
	void given() {
		data.neighbourhood("N1")
			.neighbourhood("N2")
			.complex("C1", "N1", 100)
			.complex("C2", "N1", 50)
			.complex("C3", "N2", 20);
		data.report("C2", "other", "2024-01-01T12:00+01:00"); // anchor: first report in
																// the data
	}

	@Test
	void aReportExactlyWDaysAfterThePreviousIsARepeatAndOneSecondLaterIsNot() {
		// damage: 2024-12-20 12:00Z and 2025-03-20 12:00Z: 11 + 31 + 28 + 20 = 90 days
		// exactly -> repeat
		data.report("C1", "damage", "2024-12-20T12:00:00Z");
		data.report("C1", "damage", "2025-03-20T12:00:00Z");
		// safety: the same days, one second more -> not a repeat
		data.report("C1", "safety", "2024-12-20T12:00:00Z");
		data.report("C1", "safety", "2025-03-20T12:00:01Z");

		service.compute(MARCH, false);

		assertThat(Fixture.figure(jdbc, MARCH, "complex", "C1", "damage", "repeat_rate")).containsEntry("value", 1.0)
			.containsEntry("numerator", 1.0)
			.containsEntry("denominator", 1.0);
		assertThat(Fixture.figure(jdbc, MARCH, "complex", "C1", "safety", "repeat_rate")).containsEntry("value", 0.0)
			.containsEntry("numerator", 0.0)
			.containsEntry("denominator", 1.0);
		// all: 1 repeat of 2 March reports; Wilson(1, 2) = 0.0945...0.9055
		Map<String, Object> all = Fixture.figure(jdbc, MARCH, "complex", "C1", "all", "repeat_rate");
		assertThat(all).containsEntry("value", 0.5);
		assertThat((Double) all.get("ci_low")).isCloseTo(0.09453120573, within(1e-9));
		assertThat((Double) all.get("ci_high")).isCloseTo(0.90546879427, within(1e-9));
	}

	@Test
	void tiedReportsAreOrderedByReportIdSoExactlyOneOfThemIsARepeat() {
		data.report("b", "C1", "D1", "pollution", "2025-03-05T10:00:00Z", null, null);
		data.report("a", "C1", "D1", "pollution", "2025-03-05T10:00:00Z", null, null);

		service.compute(MARCH, false);

		// a comes first (report_id), b follows at 0 s: one repeat of two, at both levels
		assertThat(Fixture.figure(jdbc, MARCH, "complex", "C1", "pollution", "repeat_rate")).containsEntry("value", 0.5)
			.containsEntry("numerator", 1.0);
		assertThat(Fixture.figure(jdbc, MARCH, "complex", "C1", "pollution", "dwelling_repeat_rate"))
			.containsEntry("value", 0.5)
			.containsEntry("numerator", 1.0);
	}

	@Test
	void dwellingRepeatsNeedTheSameDwellingAndLeaveOutReportsWithoutOne() {
		data.dwellingReport("C1", "D1", "pollution", "2025-02-10T10:00:00Z");
		data.dwellingReport("C1", "D1", "pollution", "2025-03-05T10:00:00Z"); // repeat at
																				// D1 and
																				// at C1
		data.dwellingReport("C1", "D2", "pollution", "2025-03-06T10:00:00Z"); // repeat at
																				// C1 only
		data.report("C1", "pollution", "2025-03-07T10:00:00Z"); // repeat at C1, no
																// dwelling

		service.compute(MARCH, false);

		// complex level: 3 March reports, all repeats; dwelling level: D1 yes, D2 no -> 1
		// of 2
		assertThat(Fixture.figure(jdbc, MARCH, "complex", "C1", "all", "repeat_rate")).containsEntry("value", 1.0)
			.containsEntry("denominator", 3.0);
		assertThat(Fixture.figure(jdbc, MARCH, "complex", "C1", "all", "dwelling_repeat_rate"))
			.containsEntry("value", 0.5)
			.containsEntry("numerator", 1.0)
			.containsEntry("denominator", 2.0);
		// 12 months (Apr 2024 - Mar 2025): the February report adds a non-repeat: 1 of 3
		// dwelling reports
		assertThat(Fixture.figure(jdbc, MARCH, "complex", "C1", "all", "dwelling_repeat_rate_12m"))
			.containsEntry("numerator", 1.0)
			.containsEntry("denominator", 3.0);
	}

	@Test
	void aMonthRecomputedAloneFindsThePredecessorsOfItsFirstReportsInTheMonthsBefore() {
		// Recomputed alone, March reads only its own reports in order; each complex's,
		// dwelling's
		// and category's latest report before March comes from the look-back.
		data.report("C1", "damage", "2024-12-20T12:00:00Z");
		data.report("C1", "damage", "2025-03-20T12:00:00Z"); // exactly W after: repeat
		data.report("C1", "safety", "2024-12-20T12:00:00Z");
		data.report("C1", "safety", "2025-03-20T12:00:01Z"); // W and 1 s after: not a
																// repeat
		data.dwellingReport("C2", "D1", "pollution", "2024-12-01T10:00:00Z");
		data.dwellingReport("C2", "D1", "pollution", "2025-02-10T10:00:00Z"); // the
																				// latest
																				// before
																				// March
																				// counts
		data.dwellingReport("C2", "D1", "pollution", "2025-03-05T10:00:00Z"); // repeat at
																				// D1 and
																				// at C2
		data.dwellingReport("C2", "D2", "pollution", "2025-03-06T10:00:00Z"); // repeat at
																				// C2 only
		service.compute(MARCH, false);

		assertThat(service.compute(MARCH, true).computed()).containsExactly(MARCH);

		assertThat(Fixture.figure(jdbc, MARCH, "complex", "C1", "damage", "repeat_rate"))
			.containsEntry("numerator", 1.0)
			.containsEntry("denominator", 1.0);
		assertThat(Fixture.figure(jdbc, MARCH, "complex", "C1", "safety", "repeat_rate"))
			.containsEntry("numerator", 0.0)
			.containsEntry("denominator", 1.0);
		assertThat(Fixture.figure(jdbc, MARCH, "complex", "C2", "pollution", "repeat_rate"))
			.containsEntry("numerator", 2.0)
			.containsEntry("denominator", 2.0);
		assertThat(Fixture.figure(jdbc, MARCH, "complex", "C2", "pollution", "dwelling_repeat_rate"))
			.containsEntry("numerator", 1.0)
			.containsEntry("denominator", 2.0);
	}

	@Test
	void monthsAreCalendarMonthsInAmsterdamAcrossTheDaylightSavingChange() {
		// DST began 2025-03-30 02:00. 2025-02-28T23:30Z is 1 March 00:30 local (CET) ->
		// March;
		// 2025-03-31T21:30Z is 23:30 local (CEST) -> March; 2025-03-31T22:30Z is 1 April
		// 00:30 -> April.
		data.report("C1", "social", "2025-02-28T23:30:00Z");
		data.report("C1", "social", "2025-03-31T21:30:00Z");
		data.report("C1", "social", "2025-03-31T22:30:00Z");
		data.report("C1", "social", "2025-02-28T22:30:00Z"); // 23:30 local on 28 Feb ->
																// February

		service.compute(MARCH, false);

		assertThat(Fixture.value(jdbc, MARCH, "complex", "C1", "social", "reports")).isEqualTo(2.0);
		assertThat(Fixture.value(jdbc, MARCH.minusMonths(1), "complex", "C1", "social", "reports")).isEqualTo(1.0);
	}

	@Test
	void ratesArePer100DwellingsAndNeighbourhoodsAndCitySumNumeratorsAndDenominators() {
		data.report("C1", "pollution", "2025-03-02T10:00:00Z");
		data.report("C1", "pollution", "2025-03-03T10:00:00Z");
		data.report("C2", "pollution", "2025-03-04T10:00:00Z");
		data.report("C3", "damage", "2024-06-04T10:00:00Z");

		service.compute(MARCH, false);

		// C1: 2 / 100 dwellings * 100 = 2; Garwood(2) = chi2(0.025; 4) / 2 = 0.4844186 /
		// 2 to
		// chi2(0.975; 6) / 2 = 14.4493753 / 2, times 100 / 100 dwellings
		Map<String, Object> c1 = Fixture.figure(jdbc, MARCH, "complex", "C1", "pollution", "report_rate");
		assertThat(c1).containsEntry("value", 2.0).containsEntry("numerator", 2.0).containsEntry("denominator", 100.0);
		assertThat((Double) c1.get("ci_low")).isCloseTo(0.2422093, within(1e-6));
		assertThat((Double) c1.get("ci_high")).isCloseTo(7.2246877, within(1e-6));
		// N1 = C1 + C2: 3 reports / 150 dwellings = 2 per 100 (not the mean of 2 and 2 --
		// same here by chance)
		assertThat(Fixture.figure(jdbc, MARCH, "neighbourhood", "N1", "pollution", "report_rate"))
			.containsEntry("value", 2.0)
			.containsEntry("numerator", 3.0)
			.containsEntry("denominator", 150.0);
		// city: 12 months Apr 2024 - Mar 2025: 3 pollution + 1 damage = 4 reports / 170
		// dwellings
		assertThat(Fixture.figure(jdbc, MARCH, "city", "city", "all", "report_rate_12m"))
			.containsEntry("numerator", 4.0)
			.containsEntry("denominator", 170.0);
		assertThat(Fixture.value(jdbc, MARCH, "city", "city", "all", "report_rate_12m")).isCloseTo(400.0 / 170,
				within(1e-12));
		// C3 has no March report: zero count and zero rate (not missing)
		assertThat(Fixture.value(jdbc, MARCH, "complex", "C3", "all", "reports")).isEqualTo(0.0);
		assertThat(Fixture.value(jdbc, MARCH, "complex", "C3", "all", "report_rate")).isEqualTo(0.0);
	}

	@Test
	void anEmptyMonthHasZeroCountsAndMissingShares() {
		data.report("C1", "pollution", "2025-01-10T10:00:00Z");

		service.compute(MARCH, false);

		assertThat(Fixture.value(jdbc, MARCH, "complex", "C1", "all", "reports")).isEqualTo(0.0);
		assertThat(Fixture.value(jdbc, MARCH, "complex", "C1", "all", "open_overdue")).isEqualTo(1.0);
		Map<String, Object> share = Fixture.figure(jdbc, MARCH, "complex", "C1", "all", "repeat_rate");
		assertThat(share.get("value")).isNull();
		assertThat(share).containsEntry("denominator", 0.0);
		assertThat(share.get("flag")).isNull();
		assertThat(Fixture.figure(jdbc, MARCH, "complex", "C1", "all", "days_to_close_median").get("value")).isNull();
	}

	@Test
	void repeatFiguresInTheFirstWDaysOfDataAreMissingWithIncompleteLookback() {
		// first report 2024-01-01 12:00 local. March 2024 starts 60 days later (< 90):
		// incomplete.
		// April 2024 starts 91 days - 12 h later (>= 90 days): complete for the month,
		// not for 12 months.
		data.report("C1", "pollution", "2024-03-05T10:00:00Z");
		data.report("C1", "pollution", "2024-04-05T10:00:00Z");

		service.compute(YearMonth.of(2024, 4), false);

		Map<String, Object> march = Fixture.figure(jdbc, YearMonth.of(2024, 3), "complex", "C1", "pollution",
				"repeat_rate");
		assertThat(march.get("value")).isNull();
		assertThat(march.get("numerator")).isNull();
		assertThat(march).containsEntry("flag", "incomplete_lookback").containsEntry("denominator", 1.0);
		assertThat(Fixture.figure(jdbc, YearMonth.of(2024, 4), "complex", "C1", "pollution", "repeat_rate"))
			.containsEntry("value", 1.0);
		assertThat(Fixture.figure(jdbc, YearMonth.of(2024, 4), "city", "city", "all", "dwelling_repeat_rate_12m"))
			.containsEntry("flag", "incomplete_lookback");
		assertThat(Fixture.value(jdbc, YearMonth.of(2024, 4), "city", "city", "all", "repeat_rate_12m")).isNull();
	}

}
