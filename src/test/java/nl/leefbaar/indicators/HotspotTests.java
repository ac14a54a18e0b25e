package nl.leefbaar.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hotspots (indicators.md): a complex and category with n >= 3 reports on the 90 local
 * days that end with the month (window A) and p = P(X >= n) < 0.01 for X ~ Binomial(n +
 * b, 90/455), b its reports on the 365 days before window A (window B). For March 2025
 * window A is 1 January - 31 March 2025 and window B 2 January - 31 December 2024; the
 * data start on 1 January 2024 unless a test says otherwise.
 */
class HotspotTests extends IndicatorFixtureTests {

	static final double SHARE = 90.0 / 455;

	static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	@BeforeEach
	void given() {
		data.neighbourhood("N1")
			.neighbourhood("N2")
			.complex("C1", "N1", 100)
			.complex("C2", "N1", 50)
			.complex("C3", "N2", 40);
	}

	@Test
	void hotspotsAreRisesAgainstThePairsOwnYearBeforeWorstFirst() {
		data.report("C3", "other", "2024-01-01T12:00+01:00"); // the data start
		// the worked values of reference-values.md
		spread("C1", "pollution", 14, "2025-01-05", "2025-03-25"); // n 14, b 10: yes
		spread("C1", "pollution", 10, "2024-02-01", "2024-12-20");
		spread("C2", "damage", 3, "2025-02-01", "2025-02-03"); // n 3, b 0: yes
		spread("C2", "pollution", 2, "2025-02-01", "2025-02-03"); // n 2, b 0: no (n < 3)
		spread("C1", "safety", 32, "2025-01-02", "2025-03-30"); // n 32, b 76: yes
		spread("C1", "safety", 76, "2024-01-03", "2024-12-30");
		spread("C3", "social", 5, "2025-03-01", "2025-03-05"); // n 5, b 4: no
		spread("C3", "social", 4, "2024-05-01", "2024-05-04");

		service.compute(MARCH, false);

		List<Map<String, Object>> ranked = hotspots(MARCH);
		assertThat(ranked)
			.extracting(h -> tuple(h.get("rank"), h.get("complex_id"), h.get("category"), h.get("reports"),
					h.get("reports_before")))
			.containsExactly(tuple(1L, "C1", "pollution", 14, 10), tuple(2L, "C2", "damage", 3, 0),
					tuple(3L, "C1", "safety", 32, 76));
		assertThat((Double) ranked.get(0).get("p_value")).isCloseTo(3.6155079751884806e-05,
				within(3.6155079751884806e-05 * 1e-9));
		assertThat((Double) ranked.get(1).get("p_value")).isCloseTo(0.007739151320844352,
				within(0.007739151320844352 * 1e-9));
		assertThat((Double) ranked.get(2).get("p_value")).isCloseTo(0.00936200386173186,
				within(0.00936200386173186 * 1e-9));
		assertThat(instant(ranked.get(0).get("last_reported"))).isEqualTo(at("2025-03-25").toInstant());
		// the hotspots indicator counts the pairs at every level
		assertThat(Fixture.value(jdbc, MARCH, "complex", "C1", "pollution", "hotspots")).isEqualTo(1.0);
		assertThat(Fixture.value(jdbc, MARCH, "complex", "C2", "pollution", "hotspots")).isEqualTo(0.0);
		assertThat(Fixture.value(jdbc, MARCH, "complex", "C3", "social", "hotspots")).isEqualTo(0.0);
		assertThat(Fixture.value(jdbc, MARCH, "neighbourhood", "N1", "pollution", "hotspots")).isEqualTo(1.0);
		assertThat(Fixture.value(jdbc, MARCH, "neighbourhood", "N1", "damage", "hotspots")).isEqualTo(1.0);
		assertThat(Fixture.value(jdbc, MARCH, "neighbourhood", "N2", "social", "hotspots")).isEqualTo(0.0);
		assertThat(Fixture.value(jdbc, MARCH, "city", "city", "safety", "hotspots")).isEqualTo(1.0);
		assertThat(Fixture.figure(jdbc, MARCH, "city", "city", "safety", "hotspots")).containsEntry("flag", null);
	}

	@Test
	void aTieInPIsBrokenByMoreReportsThenByComplex() {
		data.report("C3", "other", "2024-01-01T12:00+01:00");
		spread("C2", "damage", 4, "2025-03-01", "2025-03-04"); // n 4, b 0
		spread("C1", "damage", 4, "2025-03-01", "2025-03-04"); // the same p: C1 first
		spread("C3", "damage", 3, "2025-03-01", "2025-03-03"); // n 3, b 0: larger p

		service.compute(MARCH, false);

		assertThat(hotspots(MARCH)).extracting(h -> h.get("complex_id")).containsExactly("C1", "C2", "C3");
	}

	@Test
	void windowsAreLocalCalendarDaysAtTheMonthsEdges() {
		data.report("C3", "other", "2024-01-01T12:00+01:00");
		// C1 damage: window A's first local day is 1 January 2025, which starts at 23:00
		// UTC on 31 December; the day before window B (1 January 2024) counts nowhere.
		data.report("C1", "damage", "2025-01-01T00:30+01:00");
		spread("C1", "damage", 2, "2025-02-10", "2025-02-11");
		data.report("C1", "damage", "2024-01-01T23:50+01:00");
		// C2 damage: window B's first local day (2 January 2024) counts in b; window A
		// ends with 31 March, local time after the clock moved forward on 30 March.
		data.report("C2", "damage", "2024-01-02T00:10+01:00");
		spread("C2", "damage", 4, "2025-02-10", "2025-02-13");
		data.report("C2", "damage", "2025-03-31T23:30+02:00");
		data.report("C2", "damage", "2025-04-01T00:30+02:00"); // April

		service.compute(MARCH, false);

		List<Map<String, Object>> ranked = hotspots(MARCH);
		assertThat(ranked).extracting(h -> tuple(h.get("complex_id"), h.get("reports"), h.get("reports_before")))
			.containsExactlyInAnyOrder(tuple("C1", 3, 0), tuple("C2", 5, 1));
		Map<String, Object> c1 = ranked.stream().filter(h -> h.get("complex_id").equals("C1")).findFirst().get();
		Map<String, Object> c2 = ranked.stream().filter(h -> h.get("complex_id").equals("C2")).findFirst().get();
		assertThat((Double) c1.get("p_value")).isCloseTo(Math.pow(SHARE, 3), within(1e-12));
		// P(X >= 5) for X ~ Binomial(6, 90/455)
		double p = 6 * Math.pow(SHARE, 5) * (1 - SHARE) + Math.pow(SHARE, 6);
		assertThat((Double) c2.get("p_value")).isCloseTo(p, within(p * 1e-9));
		assertThat(instant(c2.get("last_reported")))
			.isEqualTo(OffsetDateTime.parse("2025-03-31T23:30+02:00").toInstant());
	}

	@Test
	void windowsAreCalendarDaysAcrossTheAutumnClockChange() {
		// October 2025 (the clock moves back on 26 October): window A is 3 August - 31
		// October 2025, window B 3 August 2024 - 2 August 2025 (both in summer time at
		// their edges); 90 days of 86,400 s before the month's end would start at
		// 01:00 on 3 August.
		YearMonth october = YearMonth.of(2025, 10);
		data.report("C3", "other", "2024-01-01T12:00+01:00");
		data.report("C1", "pollution", "2025-08-03T00:15+02:00"); // window A's first day
		spread("C1", "pollution", 4, "2025-10-27", "2025-10-30");
		data.report("C1", "pollution", "2025-08-02T23:50+02:00"); // window B's last day
		data.report("C1", "pollution", "2024-08-03T00:10+02:00"); // window B's first day
		data.report("C1", "pollution", "2024-08-02T23:50+02:00"); // before window B

		service.compute(october, false);

		// n 5, b 2 (with 4 and 3, or 5 and 1 or 3, the rows below differ)
		assertThat(hotspots(october)).extracting(h -> tuple(h.get("reports"), h.get("reports_before")))
			.containsExactly(tuple(5, 2));
		// P(X >= 5) for X ~ Binomial(7, 90/455)
		double p = 21 * Math.pow(SHARE, 5) * Math.pow(1 - SHARE, 2) + 7 * Math.pow(SHARE, 6) * (1 - SHARE)
				+ Math.pow(SHARE, 7);
		assertThat((Double) hotspots(october).get(0).get("p_value")).isCloseTo(p, within(p * 1e-9));
	}

	@Test
	void withoutAYearBeforeTheWindowTheMonthsHotspotsAreMissingAtEveryLevel() {
		// The data start on 3 July 2024: window B of September 2025 starts that day
		// (30 September 2025 - 454 days), that of August 2025 on 3 June 2024.
		data.report("C3", "other", "2024-07-03T00:05+02:00");
		spread("C1", "pollution", 10, "2025-08-01", "2025-08-20");
		YearMonth august = YearMonth.of(2025, 8);
		YearMonth september = YearMonth.of(2025, 9);

		service.compute(september, false);

		for (String[] unit : new String[][] { { "complex", "C1" }, { "neighbourhood", "N1" }, { "city", "city" } }) {
			assertThat(Fixture.figure(jdbc, august, unit[0], unit[1], "pollution", "hotspots"))
				.containsEntry("value", null)
				.containsEntry("flag", Figure.INCOMPLETE_LOOKBACK);
		}
		assertThat(hotspots(august)).isEmpty();
		// September can tell: C1 pollution is a hotspot, but whether it is new cannot be
		// told without August's hotspots
		assertThat(Fixture.value(jdbc, september, "complex", "C1", "pollution", "hotspots")).isEqualTo(1.0);
		assertThat(hotspots(september)).extracting(h -> tuple(h.get("complex_id"), h.get("new_this_month")))
			.containsExactly(tuple("C1", null));
	}

	@Test
	void aHotspotIsNewWhenThePairWasNoneAtTheEndOfTheMonthBefore() {
		data.report("C3", "other", "2024-01-01T12:00+01:00");
		spread("C1", "pollution", 4, "2025-05-10", "2025-05-13"); // hotspot May to July
		spread("C2", "damage", 3, "2025-06-20", "2025-06-22"); // hotspot from June

		service.compute(YearMonth.of(2025, 8), false);

		assertThat(newThisMonth(YearMonth.of(2025, 4))).isEmpty();
		assertThat(newThisMonth(YearMonth.of(2025, 5))).containsExactly(tuple("C1", "pollution", true));
		assertThat(newThisMonth(YearMonth.of(2025, 6))).containsExactly(tuple("C1", "pollution", false),
				tuple("C2", "damage", true));
		assertThat(newThisMonth(YearMonth.of(2025, 7))).containsExactly(tuple("C1", "pollution", false),
				tuple("C2", "damage", false));
		// 3 June - 31 August: C1's May reports have left window A
		assertThat(newThisMonth(YearMonth.of(2025, 8))).containsExactly(tuple("C2", "damage", false));
	}

	@Test
	void aBackfillFindsTheSameHotspotsAsEveryMonthComputedAloneInReverseOrder() {
		Random random = new Random(20261207);
		LocalDate start = LocalDate.of(2023, 1, 1);
		for (int i = 0; i < 500; i++) {
			data.report(String.format("h%04d", i), "C" + (1 + random.nextInt(3)), null,
					random.nextBoolean() ? "damage" : "pollution", at(start.plusDays(random.nextInt(900))).toString(),
					null, null);
		}
		// rises that come and go
		spread("C1", "safety", 12, "2024-05-01", "2024-06-15");
		spread("C2", "social", 8, "2024-12-20", "2025-01-10");
		spread("C3", "damage", 25, "2025-04-01", "2025-05-15");

		service.computeAll(true);
		List<String> backfill = storedHotspots();
		List<YearMonth> months = new ArrayList<>();
		for (YearMonth m = YearMonth.of(2023, 1); !m.isAfter(YearMonth.of(2025, 6)); m = m.plusMonths(1)) {
			months.add(m);
		}
		Collections.reverse(months);
		for (YearMonth month : months) {
			service.compute(month, true);
		}

		assertThat(backfill).anyMatch(h -> h.endsWith("|true")).anyMatch(h -> h.endsWith("|false"));
		assertThat(backfill).anyMatch(h -> h.contains("|safety|")).anyMatch(h -> h.contains("|C3|damage|"));
		assertThat(storedHotspots()).isEqualTo(backfill);
	}

	/**
	 * count reports of a complex and category on days spread from first to last (local
	 * noon).
	 */
	private void spread(String complex, String category, int count, String first, String last) {
		LocalDate from = LocalDate.parse(first);
		long days = ChronoUnit.DAYS.between(from, LocalDate.parse(last));
		for (int i = 0; i < count; i++) {
			LocalDate day = from.plusDays(count == 1 ? 0 : days * i / (count - 1));
			data.report(complex, category, at(day).toString());
		}
	}

	private static OffsetDateTime at(LocalDate day) {
		return day.atTime(LocalTime.NOON).atZone(AMSTERDAM).toOffsetDateTime();
	}

	private static OffsetDateTime at(String day) {
		return at(LocalDate.parse(day));
	}

	private static Instant instant(Object timestamp) {
		return ((Timestamp) timestamp).toInstant();
	}

	private List<Map<String, Object>> hotspots(YearMonth month) {
		return jdbc.queryForList("select * from hotspot_ranked where period = ? order by rank",
				Date.valueOf(month.atDay(1)));
	}

	private List<Tuple> newThisMonth(YearMonth month) {
		return hotspots(month).stream()
			.map(h -> tuple(h.get("complex_id"), h.get("category"), h.get("new_this_month")))
			.toList();
	}

	private List<String> storedHotspots() {
		List<String> rows = new ArrayList<>(jdbc.queryForList(
				"""
						select concat_ws('|', period, rank, complex_id, category, reports, reports_before, p_value, last_reported,
						                 coalesce(new_this_month::text, 'null'))
						from hotspot_ranked order by period, rank
						""",
				String.class));
		rows.addAll(jdbc.queryForList("""
				select concat_ws('|', period, level, unit_id, category, value, flag) from indicator_value
				where indicator = 'hotspots' order by 1
				""", String.class));
		return rows;
	}

}
