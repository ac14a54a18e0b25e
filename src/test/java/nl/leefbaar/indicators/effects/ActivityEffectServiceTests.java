package nl.leefbaar.indicators.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import nl.leefbaar.indicators.stats.RateRatioTest;
import nl.leefbaar.support.TestDatabase;
import nl.leefbaar.system.LeefbaarProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Activity effects on small hand-counted fixtures (B = 180, minimum window 30). Report
 * days are given as Europe/Amsterdam calendar days; the reported_at of a report is noon
 * that day unless a test says otherwise.
 */
@SpringBootTest
class ActivityEffectServiceTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ActivityEffectService service;

	@Autowired
	LeefbaarProperties properties;

	private int reportNumber;

	@BeforeEach
	void clean() {
		TestDatabase.clearDomainTables(jdbc);
		reportNumber = 0;
	}

	/**
	 * A clean-up on 2023-12-01 after a run of pollution reports in October and November.
	 * Month 2024-06 ends 213 days after d, the data start a year before: full window of
	 * 180 days, before = 2023-06-04..2023-11-30, after = 2023-12-01..2024-05-28.
	 */
	@Test
	void cleanUpAfterARunOfPollutionReportsShowsAFallingCount() {
		neighbourhood("N1");
		complex("C1", "N1");
		complex("C2", "N1");
		report("C2", "damage", "2023-01-01"); // the data start
		reports("C1", "pollution", "2023-06-03"); // one day too early: outside
		reports("C1", "pollution", "2023-06-04", "2023-10-02", "2023-10-09", "2023-10-16", "2023-10-23", "2023-11-06",
				"2023-11-13", "2023-11-20", "2023-11-30"); // 9 before
		// 00:30 in Amsterdam on 1 December is still 30 November in UTC: the local day
		// counts.
		jdbc.update(
				"""
						insert into report (report_id, complex_id, source_category, category, reported_at, reported_day)
						values ('late-night', 'C1', 'pollution', 'pollution', timestamptz '2023-11-30 23:30:00+00', date '2023-12-01')
						""");
		reports("C1", "pollution", "2024-02-10", "2024-05-28"); // with the late-night
																// one: 3 after
		reports("C1", "pollution", "2024-05-29"); // one day past the after window
		reports("C1", "damage", "2023-11-15", "2024-01-15"); // another category
		activity("A1", "C1", "cleanup", "2023-12-01", "pollution");

		List<ActivityEffect> effects = service.computeAndStore(YearMonth.of(2024, 6), properties.indicators());

		ActivityEffect a1 = effects.get(0);
		assertThat(a1.activityId()).isEqualTo("A1");
		assertThat(a1.complexId()).isEqualTo("C1");
		assertThat(a1.neighbourhoodCode()).isEqualTo("N1");
		assertThat(a1.date()).isEqualTo(LocalDate.of(2023, 12, 1));
		assertThat(a1.category()).isEqualTo("pollution");
		assertThat(a1.windowDays()).isEqualTo(180);
		assertThat(a1.before()).isEqualTo(9);
		assertThat(a1.after()).isEqualTo(3);
		assertThat(a1.rateRatio()).isEqualTo(3.0 / 9);
		RateRatioTest expected = RateRatioTest.of(3, 9);
		assertThat(a1.ciLow()).isEqualTo(expected.ciLow());
		assertThat(a1.ciHigh()).isEqualTo(expected.ciHigh());
		// 2 * P(X <= 3), X ~ Binomial(12, 1/2) = 2 * (1 + 12 + 66 + 220) / 4096
		assertThat(a1.pValue()).isCloseTo(598.0 / 4096, within(1e-15));
		assertThat(a1.flag()).isNull();
		// C2 had no pollution reports: a comparison group with 0 and 0, so no comparison
		// ratio.
		assertThat(a1.comparisonBefore()).isZero();
		assertThat(a1.comparisonAfter()).isZero();
		assertThat(a1.comparisonRateRatio()).isNull();
		assertThat(a1.effectVsComparison()).isNull();
	}

	/**
	 * The first report is on 2023-03-01. A clean-up on 2023-05-15 has 75 days of data
	 * before it: both windows shrink to 75 days (before 2023-03-01..05-14, after
	 * 05-15..07-28). One on 2023-03-20 has only 19 days: too early. One before the data
	 * start has none.
	 */
	@Test
	void windowIsShortenedSymmetricallyAtTheDataStartAndTooEarlyBelowThirtyDays() {
		neighbourhood("N1");
		complex("C1", "N1");
		reports("C1", "pollution", "2023-03-01", "2023-05-14"); // before
		reports("C1", "pollution", "2023-05-15", "2023-07-28"); // after
		reports("C1", "pollution", "2023-07-29"); // past the shortened after window
		activity("A1", "C1", "cleanup", "2023-05-15", "pollution");
		activity("A0", "C1", "cleanup", "2023-03-20", "pollution");
		activity("A00", "C1", "cleanup", "2023-02-01", "pollution");

		List<ActivityEffect> effects = service.computeAndStore(YearMonth.of(2023, 12), properties.indicators());

		assertThat(effects).extracting(ActivityEffect::activityId).containsExactly("A00", "A0", "A1", null);
		ActivityEffect shortened = effects.get(2);
		assertThat(shortened.windowDays()).isEqualTo(75);
		assertThat(shortened.before()).isEqualTo(2);
		assertThat(shortened.after()).isEqualTo(2);
		assertThat(shortened.rateRatio()).isEqualTo(1.0);
		assertThat(shortened.flag()).isNull();

		ActivityEffect tooEarly = effects.get(1);
		assertThat(tooEarly.flag()).isEqualTo("too_early");
		assertThat(tooEarly.windowDays()).isEqualTo(19);
		assertThatEverythingCountedIsEmpty(tooEarly);
		ActivityEffect beforeTheData = effects.get(0);
		assertThat(beforeTheData.flag()).isEqualTo("too_early");
		assertThat(beforeTheData.windowDays()).isZero();
		assertThatEverythingCountedIsEmpty(beforeTheData);

		ActivityEffect pooled = effects.get(3);
		assertThat(pooled.before()).isEqualTo(2);
		assertThat(pooled.after()).isEqualTo(2);
	}

	/**
	 * Month 2024-06. A clean-up on 2024-06-10 has 21 days to the end of June: too recent.
	 * One on 2024-05-20 has 42: windows before 2024-04-08..05-19, after 05-20..06-30; the
	 * report of 1 July lies past the month and does not count. An activity in July is not
	 * yet one of m's.
	 */
	@Test
	void activityNearTheEndOfTheMonthIsTooRecent() {
		neighbourhood("N1");
		complex("C1", "N1");
		report("C1", "damage", "2023-01-01");
		reports("C1", "pollution", "2024-04-07"); // before the shortened before window
		reports("C1", "pollution", "2024-04-08", "2024-05-19"); // before
		reports("C1", "pollution", "2024-06-30"); // after
		reports("C1", "pollution", "2024-07-01"); // past month m
		activity("A1", "C1", "cleanup", "2024-06-10", "pollution");
		activity("A2", "C1", "cleanup", "2024-05-20", "pollution");
		activity("A3", "C1", "cleanup", "2024-07-05", "pollution");

		List<ActivityEffect> effects = service.computeAndStore(YearMonth.of(2024, 6), properties.indicators());

		assertThat(effects).extracting(ActivityEffect::activityId).containsExactly("A2", "A1", null);
		ActivityEffect counted = effects.get(0);
		assertThat(counted.windowDays()).isEqualTo(42);
		assertThat(counted.before()).isEqualTo(2);
		assertThat(counted.after()).isEqualTo(1);
		ActivityEffect tooRecent = effects.get(1);
		assertThat(tooRecent.flag()).isEqualTo("too_recent");
		assertThat(tooRecent.windowDays()).isEqualTo(21);
		assertThatEverythingCountedIsEmpty(tooRecent);
		// the pooled row holds the unflagged one only
		assertThat(effects.get(2).before()).isEqualTo(2);
		assertThat(effects.get(2).after()).isEqualTo(1);
	}

	/**
	 * Clean-up at C1 on 2023-12-01 (windows 2023-06-04..11-30 and 12-01..2024-05-28). Its
	 * neighbourhood N1 also holds C2 (no activity), C3 (its own pollution clean-up on
	 * 2024-03-01, inside d +- 180: left out), C5 (an activity for another category: in),
	 * C6 (a pollution clean-up on 2024-06-15, after d + 180 = 2024-05-29: in) and C7 (a
	 * pollution clean-up on 2023-06-04 = d - 180, the edge: left out). C4 lies in another
	 * neighbourhood. Comparison: before C2 4 + C5 1 + C6 2 = 7, after C2 9 + C5 0 + C6 1
	 * = 10.
	 */
	@Test
	void comparisonGroupLeavesOutComplexesWithTheirOwnActivity() {
		neighbourhood("N1");
		neighbourhood("N2");
		for (String complex : List.of("C1", "C2", "C3", "C5", "C6", "C7")) {
			complex(complex, "N1");
		}
		complex("C4", "N2");
		report("C4", "damage", "2023-01-01");
		reports("C1", "pollution", "2023-10-02", "2023-10-09", "2023-10-16", "2024-01-10");
		reports("C2", "pollution", "2023-07-01", "2023-08-01", "2023-09-01", "2023-10-01", "2023-12-15", "2024-01-05",
				"2024-01-15", "2024-02-05", "2024-02-15", "2024-03-05", "2024-03-15", "2024-04-15", "2024-05-15");
		reports("C3", "pollution", "2023-08-01", "2023-08-02", "2023-08-03", "2023-08-04", "2023-08-05");
		reports("C5", "pollution", "2023-09-09");
		reports("C6", "pollution", "2023-07-07", "2023-08-08", "2024-02-02");
		reports("C7", "pollution", "2023-06-10", "2023-06-11", "2023-06-12");
		reports("C4", "pollution", "2023-09-01", "2024-01-01");
		activity("A1", "C1", "cleanup", "2023-12-01", "pollution");
		activity("A3", "C3", "cleanup", "2024-03-01", "pollution");
		activity("A5", "C5", "greening", "2023-12-10", "public_space");
		activity("A6", "C6", "cleanup", "2024-06-15", "pollution");
		activity("A7", "C7", "cleanup", "2023-06-04", "pollution");

		List<ActivityEffect> effects = service.computeAndStore(YearMonth.of(2024, 6), properties.indicators());

		ActivityEffect a1 = effects.stream().filter(e -> "A1".equals(e.activityId())).findFirst().orElseThrow();
		assertThat(a1.before()).isEqualTo(3);
		assertThat(a1.after()).isEqualTo(1);
		assertThat(a1.comparisonBefore()).isEqualTo(7);
		assertThat(a1.comparisonAfter()).isEqualTo(10);
		assertThat(a1.comparisonRateRatio()).isEqualTo(10.0 / 7);
		assertThat(a1.effectVsComparison()).isCloseTo((1.0 / 3) / (10.0 / 7), within(1e-15));
		// exp(ln(0.2333) -/+ 1.959964 * sqrt(1/3 + 1/1 + 1/7 + 1/10))
		assertThat(a1.effectCiLow()).isCloseTo(0.019921575449012432, within(1e-15));
		assertThat(a1.effectCiHigh()).isCloseTo(2.732938696730604, within(1e-12));
	}

	/**
	 * Comparison groups with shortened windows and the edges of d +- 180. Month 2024-06,
	 * data from 2024-01-01. Neighbourhood N1: C1 .. C6 and C8; N2: C7 alone. Pollution
	 * clean-ups: A1 at C1 on 2024-03-01 (60 days since the data start: windows
	 * 01-01..02-29 and 03-01..04-29), A2 at C2 and A3 at C1 on 2024-05-20 (42 days to the
	 * month's end: 04-08..05-19 and 05-20..06-30), A4 at C8 on 2024-06-20 (too recent,
	 * but it still leaves C8 out), A5 at C3 on 2024-09-01, A6 at C5 on 2024-08-28 (= A1's
	 * d + 180: C5 left out of A1's group) and A6b at C6 on 2024-08-29 (d + 181: C6 stays
	 * in), the last three after the month (no rows, but they leave their complexes out);
	 * A7 at C7 in N2 on 2024-03-01; a neighbourhood-wide clean-up in N1 (leaves nobody
	 * out); G1, a greening at C4 on 2024-03-10 (public space: it does not leave C4 out of
	 * the pollution groups). A1's group: C3, C4, C6 (C2 by A2, C5 by A6, C8 by A4 left
	 * out); A2's and A3's: C4 (C1, C3, C5, C6, C8 left out).
	 */
	@Test
	void comparisonGroupsUseTheShortenedWindowsAndTheEdgesOfTheExclusion() {
		neighbourhood("N1");
		neighbourhood("N2");
		for (String complex : List.of("C1", "C2", "C3", "C4", "C5", "C6", "C8")) {
			complex(complex, "N1");
		}
		complex("C7", "N2");
		reports("C3", "pollution", "2024-01-01", "2024-02-29", "2024-03-01", "2024-04-29", "2024-04-30", "2024-05-19");
		reports("C4", "pollution", "2024-02-10", "2024-04-07", "2024-04-08", "2024-05-20", "2024-06-30", "2024-07-01");
		reports("C4", "damage", "2024-03-05");
		reports("C6", "pollution", "2024-01-15", "2024-03-15");
		reports("C5", "pollution", "2024-02-01");
		reports("C8", "pollution", "2024-02-05");
		reports("C1", "pollution", "2024-01-20", "2024-03-10");
		reports("C2", "pollution", "2024-04-10", "2024-06-01");
		reports("C7", "pollution", "2024-02-01", "2024-03-02");
		activity("A1", "C1", "cleanup", "2024-03-01", "pollution");
		activity("A2", "C2", "cleanup", "2024-05-20", "pollution");
		activity("A3", "C1", "cleanup", "2024-05-20", "pollution");
		activity("A4", "C8", "cleanup", "2024-06-20", "pollution");
		activity("A5", "C3", "cleanup", "2024-09-01", "pollution");
		activity("A6", "C5", "cleanup", "2024-08-28", "pollution");
		activity("A6b", "C6", "cleanup", "2024-08-29", "pollution");
		activity("A7", "C7", "cleanup", "2024-03-01", "pollution");
		activity("N0", null, "cleanup", "2024-03-01", "pollution");
		activity("G1", "C4", "greening", "2024-03-10", "public_space");

		List<ActivityEffect> effects = service.computeAndStore(YearMonth.of(2024, 6), properties.indicators());

		assertThat(effects).extracting(ActivityEffect::activityId)
			.containsExactly("A1", "A7", "G1", "A2", "A3", "A4", null, null);
		assertThat(effect(effects, "A1"))
			.extracting(ActivityEffect::windowDays, ActivityEffect::before, ActivityEffect::after,
					ActivityEffect::comparisonBefore, ActivityEffect::comparisonAfter)
			.containsExactly(60, 1, 1, 4, 5);
		assertThat(effect(effects, "A2"))
			.extracting(ActivityEffect::windowDays, ActivityEffect::before, ActivityEffect::after,
					ActivityEffect::comparisonBefore, ActivityEffect::comparisonAfter)
			.containsExactly(42, 1, 1, 1, 2);
		assertThat(effect(effects, "A3"))
			.extracting(ActivityEffect::windowDays, ActivityEffect::before, ActivityEffect::after,
					ActivityEffect::comparisonBefore, ActivityEffect::comparisonAfter)
			.containsExactly(42, 0, 0, 1, 2);
		assertThat(effect(effects, "A4").flag()).isEqualTo("too_recent");
		assertThat(effect(effects, "A4").comparisonBefore()).isNull();
		assertThat(effect(effects, "A7"))
			.extracting(ActivityEffect::before, ActivityEffect::after, ActivityEffect::comparisonBefore,
					ActivityEffect::comparisonAfter)
			.containsExactly(1, 1, null, null);
		// G1's group: every other complex of N1, without public-space reports
		assertThat(effect(effects, "G1"))
			.extracting(ActivityEffect::windowDays, ActivityEffect::comparisonBefore, ActivityEffect::comparisonAfter)
			.containsExactly(69, 0, 0);
	}

	/**
	 * The two complexes of a neighbourhood each hold a clean-up within 180 days of the
	 * other's: each leaves the other out of its group, so neither has a comparison group.
	 */
	@Test
	void aNeighbourhoodWhoseComplexesAllHadAnActivityHasNoComparisonGroup() {
		neighbourhood("N1");
		complex("C1", "N1");
		complex("C2", "N1");
		reports("C1", "pollution", "2023-01-01", "2023-11-01", "2023-12-15");
		reports("C2", "pollution", "2023-11-02", "2023-12-16");
		activity("A1", "C1", "cleanup", "2023-12-01", "pollution");
		activity("A2", "C2", "cleanup", "2024-03-01", "pollution");

		List<ActivityEffect> effects = service.computeAndStore(YearMonth.of(2024, 6), properties.indicators());

		assertThat(effects).extracting(ActivityEffect::activityId).containsExactly("A1", "A2", null);
		assertThat(effects.subList(0, 2)).allSatisfy(e -> {
			assertThat(e.comparisonBefore()).isNull();
			assertThat(e.comparisonAfter()).isNull();
			assertThat(e.effectVsComparison()).isNull();
		});
		assertThat(effects.get(0)).extracting(ActivityEffect::before, ActivityEffect::after).containsExactly(1, 1);
	}

	/**
	 * The worked value of reference-values.md through the whole computation: a clean-up
	 * at C1 on 2023-12-01 (full windows 2023-06-04..11-30 and 12-01..2024-05-28) with 855
	 * reports before and 668 after; the only other complex, C2, has 1000 and 1075. The
	 * type's pooled row holds the same counts, so the same interval.
	 */
	@Test
	void effectIntervalOfTheWorkedValueIsStoredAndPooled() {
		neighbourhood("N1");
		complex("C1", "N1");
		complex("C2", "N1");
		report("C2", "damage", "2023-01-01");
		manyReports("C1", 855, "2023-06-04");
		manyReports("C1", 668, "2023-12-01");
		manyReports("C2", 1000, "2023-06-04");
		manyReports("C2", 1075, "2023-12-01");
		activity("A1", "C1", "cleanup", "2023-12-01", "pollution");

		service.computeAndStore(YearMonth.of(2024, 6), properties.indicators());
		List<ActivityEffect> effects = service.load(YearMonth.of(2024, 6));

		assertThat(effects).hasSize(2);
		for (ActivityEffect row : effects) {
			assertThat(row)
				.extracting(ActivityEffect::before, ActivityEffect::after, ActivityEffect::comparisonBefore,
						ActivityEffect::comparisonAfter)
				.containsExactly(855, 668, 1000, 1075);
			assertThat(row.effectVsComparison()).isCloseTo(0.7267781857745138, within(0.7267781857745138 * 1e-9));
			assertThat(row.effectCiLow()).isCloseTo(0.6363418507431955, within(0.6363418507431955 * 1e-9));
			assertThat(row.effectCiHigh()).isCloseTo(0.8300672519036607, within(0.8300672519036607 * 1e-9));
		}
	}

	/**
	 * Effect intervals are empty when a count is 0: A1 has no report after (effect 0),
	 * A2's comparison group none after (no effect), A3's neighbourhood no other complex
	 * (no comparison), A4 is too recent (nothing counted).
	 */
	@Test
	void effectIntervalIsEmptyWhenAnyOfTheFourCountsIsZeroOrMissing() {
		neighbourhood("N1");
		neighbourhood("N2");
		neighbourhood("N3");
		complex("C1", "N1");
		complex("C2", "N1");
		complex("C3", "N2");
		complex("C4", "N2");
		complex("C5", "N3");
		report("C5", "damage", "2023-01-01");
		reports("C1", "pollution", "2023-10-01", "2023-11-01"); // before A1, none after
		reports("C2", "pollution", "2023-10-01", "2024-01-01"); // comparison for A1
		reports("C3", "damage", "2023-10-01", "2024-01-01"); // before and after A2
		reports("C4", "damage", "2023-10-01"); // comparison for A2: none after
		reports("C5", "social", "2023-10-01", "2024-01-01"); // A3: no comparison group
		activity("A1", "C1", "cleanup", "2023-12-01", "pollution");
		activity("A2", "C3", "home_visit", "2023-12-01", "damage");
		activity("A3", "C5", "meeting", "2023-12-01", "social");
		activity("A4", "C5", "meeting", "2024-06-20", "social");

		List<ActivityEffect> effects = service.computeAndStore(YearMonth.of(2024, 6), properties.indicators());

		assertThat(effects).extracting(ActivityEffect::activityId)
			.containsExactly("A1", "A2", "A3", "A4", null, null, null);
		ActivityEffect a1 = effects.get(0);
		assertThat(a1)
			.extracting(ActivityEffect::before, ActivityEffect::after, ActivityEffect::comparisonBefore,
					ActivityEffect::comparisonAfter)
			.containsExactly(2, 0, 1, 1);
		assertThat(a1.effectVsComparison()).isZero();
		ActivityEffect a2 = effects.get(1);
		assertThat(a2)
			.extracting(ActivityEffect::before, ActivityEffect::after, ActivityEffect::comparisonBefore,
					ActivityEffect::comparisonAfter)
			.containsExactly(1, 1, 1, 0);
		ActivityEffect a3 = effects.get(2);
		assertThat(a3.before()).isEqualTo(1);
		assertThat(a3.after()).isEqualTo(1);
		assertThat(a3.comparisonBefore()).isNull();
		assertThat(effects.get(3).flag()).isEqualTo("too_recent");
		assertThat(effects).allSatisfy(row -> {
			assertThat(row.effectCiLow()).as(row.activityId() + " " + row.type()).isNull();
			assertThat(row.effectCiHigh()).as(row.activityId() + " " + row.type()).isNull();
		});
		assertThat(service.load(YearMonth.of(2024, 6))).isEqualTo(effects);
	}

	/**
	 * Two clean-ups counted (C1: 4 before, 1 after; C2: 2 before, 3 after), a third too
	 * recent, two meetings for different categories without any reports. Comparison: for
	 * A1 C3 (no reports in its windows) and C4 (2 before, 1 after; C2 had A2 inside d +-
	 * 180); for A2 only C4 (2 before, 1 after; C1 and C3 had clean-ups within d +- 180).
	 */
	@Test
	void pooledRowsSumTheUnflaggedRowsPerTypeAndNoReportsGiveNoTest() {
		neighbourhood("N1");
		for (String complex : List.of("C1", "C2", "C3", "C4")) {
			complex(complex, "N1");
		}
		report("C1", "damage", "2023-01-01");
		reports("C1", "pollution", "2023-07-01", "2023-08-01", "2023-09-01", "2023-10-01", "2024-03-03");
		reports("C2", "pollution", "2023-09-15", "2023-12-31", "2024-01-01", "2024-04-04", "2024-06-28");
		reports("C3", "pollution", "2024-06-21");
		reports("C4", "pollution", "2023-06-10", "2023-08-01", "2023-12-15", "2024-06-01");
		activity("A1", "C1", "cleanup", "2023-12-01", "pollution");
		activity("A2", "C2", "cleanup", "2024-01-01", "pollution");
		activity("A3", "C3", "cleanup", "2024-06-20", "pollution");
		activity("M1", "C1", "meeting", "2024-02-01", "neighbour_nuisance");
		activity("M2", "C2", "meeting", "2024-03-01", "social");
		activity("N0", null, "meeting", "2024-03-01", "social"); // neighbourhood-wide: no
																	// row

		List<ActivityEffect> effects = service.computeAndStore(YearMonth.of(2024, 6), properties.indicators());

		assertThat(effects).extracting(ActivityEffect::activityId)
			.containsExactly("A1", "A2", "M1", "M2", "A3", null, null);
		assertThat(effects.get(0))
			.extracting(ActivityEffect::before, ActivityEffect::after, ActivityEffect::comparisonBefore,
					ActivityEffect::comparisonAfter)
			.containsExactly(4, 1, 2, 1);
		assertThat(effects.get(1))
			.extracting(ActivityEffect::before, ActivityEffect::after, ActivityEffect::comparisonBefore,
					ActivityEffect::comparisonAfter)
			.containsExactly(2, 3, 2, 1);

		ActivityEffect cleanups = effects.get(5);
		assertThat(cleanups.type()).isEqualTo("cleanup");
		assertThat(cleanups.category()).isEqualTo("pollution");
		assertThat(cleanups.complexId()).isNull();
		assertThat(cleanups.neighbourhoodCode()).isNull();
		assertThat(cleanups.date()).isNull();
		assertThat(cleanups.windowDays()).isNull();
		assertThat(cleanups.flag()).isNull();
		assertThat(cleanups.before()).isEqualTo(6);
		assertThat(cleanups.after()).isEqualTo(4);
		RateRatioTest pooledTest = RateRatioTest.of(4, 6);
		assertThat(cleanups.rateRatio()).isEqualTo(pooledTest.rateRatio());
		assertThat(cleanups.ciLow()).isEqualTo(pooledTest.ciLow());
		assertThat(cleanups.ciHigh()).isEqualTo(pooledTest.ciHigh());
		assertThat(cleanups.pValue()).isEqualTo(pooledTest.pValue());
		assertThat(cleanups.comparisonBefore()).isEqualTo(4);
		assertThat(cleanups.comparisonAfter()).isEqualTo(2);
		assertThat(cleanups.comparisonRateRatio()).isEqualTo(0.5);
		assertThat(cleanups.effectVsComparison()).isCloseTo(4.0 / 3, within(1e-15));
		// exp(ln(4/3) -/+ 1.959964 * sqrt(1/6 + 1/4 + 1/4 + 1/2))
		assertThat(cleanups.effectCiLow()).isCloseTo(0.16052252751936444, within(1e-14));
		assertThat(cleanups.effectCiHigh()).isCloseTo(11.074942596847146, within(1e-12));
		// A1: exp(ln(0.5) -/+ 1.959964 * sqrt(1/4 + 1/1 + 1/2 + 1/1))
		assertThat(effects.get(0).effectCiLow()).isCloseTo(0.019382595587875334, within(1e-15));
		assertThat(effects.get(0).effectCiHigh()).isCloseTo(12.898169332717542, within(1e-12));

		ActivityEffect meeting = effects.get(2);
		assertThat(meeting.before()).isZero();
		assertThat(meeting.after()).isZero();
		assertThat(meeting.rateRatio()).isNull();
		assertThat(meeting.ciLow()).isNull();
		assertThat(meeting.ciHigh()).isNull();
		assertThat(meeting.pValue()).isNull();
		assertThat(meeting.effectCiLow()).isNull();
		assertThat(meeting.effectCiHigh()).isNull();
		ActivityEffect meetings = effects.get(6);
		assertThat(meetings.type()).isEqualTo("meeting");
		assertThat(meetings.category()).as("two categories: none named").isNull();
		assertThat(meetings.before()).isZero();
		assertThat(meetings.after()).isZero();
		assertThat(meetings.rateRatio()).isNull();
		assertThat(meetings.pValue()).isNull();
	}

	@Test
	void storingReplacesThePeriodsRowsOnlyAndKeepsAnInfiniteUpperLimit() {
		neighbourhood("N1");
		complex("C1", "N1");
		report("C1", "damage", "2023-01-01");
		reports("C1", "pollution", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"); // after
																							// only
		activity("A1", "C1", "cleanup", "2024-01-01", "pollution");
		jdbc.update("insert into activity_effect (period, type) values (date '2024-05-01', 'other')");

		service.computeAndStore(YearMonth.of(2024, 6), properties.indicators());
		List<ActivityEffect> effects = service.computeAndStore(YearMonth.of(2024, 6), properties.indicators());

		assertThat(jdbc.queryForObject("select count(*) from activity_effect where period = date '2024-06-01'",
				Integer.class))
			.isEqualTo(2);
		assertThat(jdbc.queryForObject("select count(*) from activity_effect where period = date '2024-05-01'",
				Integer.class))
			.isEqualTo(1);
		assertThat(service.load(YearMonth.of(2024, 6))).isEqualTo(effects);
		ActivityEffect a1 = effects.get(0);
		assertThat(a1.before()).isZero();
		assertThat(a1.after()).isEqualTo(4);
		assertThat(a1.rateRatio()).isNull();
		assertThat(a1.ciHigh()).isEqualTo(Double.POSITIVE_INFINITY);
		assertThat(a1.pValue()).isEqualTo(0.125);
	}

	@Test
	void aFailedStoreLeavesThePeriodAsItWas() {
		neighbourhood("N1");
		complex("C1", "N1");
		report("C1", "pollution", "2023-01-01");
		activity("A1", "C1", "cleanup", "2023-12-01", "pollution");
		jdbc.update("insert into activity_effect (period, type) values (date '2024-06-01', 'earlier run')");
		// the pooled row's insert fails after the delete and the activity's row
		jdbc.execute("""
				create function refuse_pooled_effect() returns trigger language plpgsql as $$
				begin
				    if new.activity_id is null then raise exception 'refused'; end if;
				    return new;
				end $$
				""");
		jdbc.execute("""
				create trigger refuse_pooled_effect before insert on activity_effect
				for each row execute function refuse_pooled_effect()
				""");
		try {
			assertThatThrownBy(() -> service.computeAndStore(YearMonth.of(2024, 6), properties.indicators()))
				.hasMessageContaining("refused");
		}
		finally {
			jdbc.execute("drop trigger refuse_pooled_effect on activity_effect");
			jdbc.execute("drop function refuse_pooled_effect()");
		}

		assertThat(jdbc.queryForList("select type from activity_effect", String.class)).containsExactly("earlier run");
	}

	private static ActivityEffect effect(List<ActivityEffect> effects, String activityId) {
		return effects.stream().filter(e -> activityId.equals(e.activityId())).findFirst().orElseThrow();
	}

	private static void assertThatEverythingCountedIsEmpty(ActivityEffect row) {
		assertThat(row.before()).isNull();
		assertThat(row.after()).isNull();
		assertThat(row.rateRatio()).isNull();
		assertThat(row.ciLow()).isNull();
		assertThat(row.ciHigh()).isNull();
		assertThat(row.pValue()).isNull();
		assertThat(row.comparisonBefore()).isNull();
		assertThat(row.comparisonAfter()).isNull();
		assertThat(row.comparisonRateRatio()).isNull();
		assertThat(row.effectVsComparison()).isNull();
	}

	/** Pollution reports at noon, one a day from {@code firstDay} on, 180 days round. */
	private void manyReports(String complex, int count, String firstDay) {
		jdbc.update(
				"""
						insert into report (report_id, complex_id, source_category, category, reported_at, reported_day)
						select ? || '-' || i, ?, 'pollution', 'pollution',
						       (cast(? as date) + i % 180 + time '12:00') at time zone 'Europe/Amsterdam', cast(? as date) + i % 180
						from generate_series(1, ?) i
						""",
				complex + "-" + firstDay, complex, firstDay, firstDay, count);
	}

	private void neighbourhood(String code) {
		jdbc.update("insert into neighbourhood (neighbourhood_code, name) values (?, ?)", code, "Wijk " + code);
	}

	private void complex(String id, String neighbourhood) {
		jdbc.update("insert into complex (complex_id, name, neighbourhood_code, dwellings) values (?, ?, ?, 100)", id,
				"Complex " + id, neighbourhood);
	}

	private void reports(String complex, String category, String... days) {
		for (String day : days) {
			report(complex, category, day);
		}
	}

	private void report(String complex, String category, String day) {
		jdbc.update("""
				insert into report (report_id, complex_id, source_category, category, reported_at, reported_day)
				values (?, ?, ?, ?, (cast(? as date) + time '12:00') at time zone 'Europe/Amsterdam', cast(? as date))
				""", "R" + (++reportNumber), complex, category, category, day, day);
	}

	private void activity(String id, String complex, String type, String date, String category) {
		jdbc.update("""
				insert into activity (activity_id, complex_id, neighbourhood_code, type, date, addresses_category)
				values (?, ?, ?, ?, cast(? as date), ?)
				""", id, complex, complex == null ? "N1" : null, type, date, category);
	}

}
