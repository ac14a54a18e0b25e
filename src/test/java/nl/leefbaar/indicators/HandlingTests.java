package nl.leefbaar.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Handling times, share within target, overdue at month end and follow-up, for March
 * 2025.
 */
class HandlingTests extends IndicatorFixtureTests {

	@BeforeEach
	void given() {
		data.neighbourhood("N1").complex("C1", "N1", 100);
		data.closedReport("C1", "other", "2024-01-01T12:00+01:00", "2024-01-02T12:00+01:00"); // first
																								// report,
																								// closed
		// Closed in March (Amsterdam), days = (closed - reported) / 86400 s:
		data.report("h1", "C1", null, "safety", "2025-03-01T10:00Z", "2025-03-03T10:00Z", "visit"); // 2
																									// <=
																									// 3
																									// yes
		data.report("h2", "C1", null, "safety", "2025-02-25T10:00Z", "2025-03-01T10:00Z", null); // 4
																									// <=
																									// 3
																									// no
		data.report("h3", "C1", null, "damage", "2025-02-01T10:00Z", "2025-03-10T10:00Z", null); // 37
																									// <=
																									// 14
																									// no
		data.report("h4", "C1", null, "damage", "2025-03-01T10:00Z", "2025-03-15T10:00Z", "none"); // 14
																									// <=
																									// 14
																									// yes
		data.report("h5", "C1", null, "pollution", "2025-03-31T20:00Z", "2025-03-31T21:30Z", ""); // 0.0625
																									// <=
																									// 7
																									// yes
																									// (23:30
																									// local:
																									// March)
		data.report("h6", "C1", null, "pollution", "2025-03-30T22:30Z", "2025-03-31T22:30Z", null); // closed
																									// 00:30
																									// on
																									// 1
																									// April
																									// local:
																									// April
		data.report("h7", "C1", null, "other", "2025-03-29T12:00Z", "2025-03-30T12:00Z", "conversation"); // 1
																											// (across
																											// the
																											// DST
																											// change)
																											// <=
																											// 28
																											// yes
		// Open at the end of March (2025-03-31T22:00Z):
		data.report("o1", "C1", null, "safety", "2025-03-28T10:00Z", null, null); // age
																					// 3.5
																					// d >
																					// 3:
																					// overdue
		data.report("o2", "C1", null, "safety", "2025-03-28T23:00Z", null, null); // age 2
																					// d
																					// 23
																					// h:
																					// not
		data.report("o3", "C1", null, "damage", "2025-01-01T10:00Z", "2025-04-02T10:00Z", null); // closed
																									// after
																									// the
																									// end;
																									// 89.5
																									// d
																									// >
																									// 14:
																									// overdue
		data.report("o4", "C1", null, "damage", "2025-03-31T22:00Z", null, null); // reported
																					// at
																					// the
																					// end:
																					// not
																					// before
																					// it
		service.compute(MARCH, false);
	}

	@Test
	void computingFirstMarksTheReportsAllVisibleSoThatClosingsAreReadFromTheIndexAlone() {
		// The baseline schema's index on closed_at holds what the closings read; on a
		// page that the
		// visibility map
		// does not mark all-visible, an index-only scan still fetches every report from
		// the heap
		assertThat(jdbc.queryForMap("select relpages, relallvisible from pg_class where relname = 'report'"))
			.satisfies(pages -> assertThat(pages.get("relallvisible")).isEqualTo(pages.get("relpages")))
			.satisfies(pages -> assertThat((Integer) pages.get("relpages")).isPositive());
	}

	@Test
	void medianAndP90OfDaysToCloseUseR7OnReportsClosedInTheMonth() {
		// closed in March: 0.0625, 1, 2, 4, 14, 37 (h6 closed in April local time)
		// R-7 median: h = 5 * 0.5 = 2.5 -> 2 + 0.5 * (4 - 2) = 3; p90: h = 4.5 -> 14 +
		// 0.5 * 23 = 25.5
		assertThat(Fixture.figure(jdbc, MARCH, "complex", "C1", "all", "days_to_close_median"))
			.containsEntry("value", 3.0)
			.containsEntry("denominator", 6.0);
		assertThat(Fixture.value(jdbc, MARCH, "complex", "C1", "all", "days_to_close_p90")).isEqualTo(25.5);
		// safety: 2 and 4 -> median 3, p90 = 2 + 0.9 * 2 = 3.8
		assertThat(Fixture.value(jdbc, MARCH, "complex", "C1", "safety", "days_to_close_median")).isEqualTo(3.0);
		assertThat(Fixture.value(jdbc, MARCH, "city", "city", "safety", "days_to_close_p90")).isEqualTo(3.8);
	}

	@Test
	void closedWithinTargetUsesEachReportsOwnCategoryTarget() {
		// within: h1 (2 <= 3), h4 (14 <= 14), h5, h7 -> 4 of 6
		assertThat(Fixture.figure(jdbc, MARCH, "complex", "C1", "all", "closed_within_target_share"))
			.containsEntry("numerator", 4.0)
			.containsEntry("denominator", 6.0);
		assertThat(Fixture.figure(jdbc, MARCH, "complex", "C1", "safety", "closed_within_target_share"))
			.containsEntry("value", 0.5);
		assertThat(Fixture.figure(jdbc, MARCH, "complex", "C1", "damage", "closed_within_target_share"))
			.containsEntry("value", 0.5);
	}

	@Test
	void openOverdueCountsReportsOpenAtTheMonthEndOlderThanTheirTarget() {
		// o1 (safety, 3.5 d > 3) and o3 (damage, closed after the end, 89.5 d > 14); h6
		// is 23.5 h old
		assertThat(Fixture.value(jdbc, MARCH, "complex", "C1", "all", "open_overdue")).isEqualTo(2.0);
		assertThat(Fixture.value(jdbc, MARCH, "complex", "C1", "safety", "open_overdue")).isEqualTo(1.0);
		assertThat(Fixture.value(jdbc, MARCH, "complex", "C1", "damage", "open_overdue")).isEqualTo(1.0);
		assertThat(Fixture.value(jdbc, MARCH, "complex", "C1", "pollution", "open_overdue")).isEqualTo(0.0);
		// at the end of February, h2 (age 4 d > 3) and o3 (58.5 d) and h3 (27.5 d > 14)
		// were overdue
		assertThat(Fixture.value(jdbc, MARCH.minusMonths(1), "complex", "C1", "all", "open_overdue")).isEqualTo(3.0);
	}

	@Test
	void followUpShareCountsMonthReportsWithAFollowUpOtherThanNone() {
		// reported in March (local): h1 visit, h4 none, h5 '', h6, h7 conversation, o1,
		// o2 (00:00 on 29 March) -> 2 of 7
		assertThat(Fixture.figure(jdbc, MARCH, "complex", "C1", "all", "follow_up_share"))
			.containsEntry("numerator", 2.0)
			.containsEntry("denominator", 7.0);
	}

}
