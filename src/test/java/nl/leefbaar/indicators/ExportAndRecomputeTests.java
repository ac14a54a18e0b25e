package nl.leefbaar.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.List;

import nl.leefbaar.domain.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

class ExportAndRecomputeTests extends IndicatorFixtureTests {

	@Autowired
	IndicatorExports exports;

	@TempDir
	Path output;

	@BeforeEach
	void given() {
		// C3 has 8 dwellings: under the public threshold of 10
		data.neighbourhood("N1")
			.neighbourhood("N2")
			.complex("C1", "N1", 100)
			.complex("C2", "N1", 50)
			.complex("C3", "N2", 8);
		data.report("C1", "other", "2024-01-01T12:00+01:00");
		for (int day = 1; day <= 6; day++) {
			data.report("C1", "pollution", "2025-03-0" + day + "T10:00Z");
		}
		data.report("C2", "damage", "2025-03-10T10:00Z");
		data.report("C2", "damage", "2025-03-11T10:00Z");
		data.report("C2", "damage", "2025-03-12T10:00Z");
		data.report("C3", "=cmd", "2025-03-12T10:00Z");
	}

	@Test
	void indicatorsCsvHasARowForEveryUnitCategoryAndIndicator() throws Exception {
		service.compute(MARCH, false);
		List<Path> files = exports.write(MARCH, output);

		List<String> lines = Files.readAllLines(output.resolve("2025-03/indicators.csv"));
		// complex: 8 indicators x 8 categories + hotspots 7 + 4 handling indicators x 8 +
		// 5 'all' only = 108;
		// neighbourhood and city: the same + concentration = 109. 3 complexes, 2
		// neighbourhoods, 1 city:
		// 3 * 108 + 2 * 109 + 109 = 651 rows, plus the header.
		assertThat(Indicator.rowsPerUnit(Level.COMPLEX)).isEqualTo(108);
		assertThat(Indicator.rowsPerUnit(Level.NEIGHBOURHOOD)).isEqualTo(109);
		assertThat(lines).hasSize(1 + 651);
		assertThat(lines.get(0)).isEqualTo(
				"period,level,unit_id,unit_name,category,indicator,value,numerator,denominator,ci_low,ci_high,flag");
		// a count of reports carries its Garwood interval: chi2(0.025; 12) / 2 = 2.2019
		// to chi2(0.975; 14) / 2 = 13.0594
		assertThat(line(lines, "2025-03,complex,C1,Complex C1,pollution,reports,"))
			.startsWith("2025-03,complex,C1,Complex C1,pollution,reports,6,,,2.20")
			.contains(",13.059")
			.endsWith(",");
		assertThat(lines.stream()
			.filter(l -> l.startsWith("2025-03,complex,C1,Complex C1,all,report_rate,"))
			.findFirst()
			.orElseThrow()).startsWith("2025-03,complex,C1,Complex C1,all,report_rate,6,6,100,");
		assertThat(files).extracting(p -> p.getFileName().toString())
			.containsExactly("indicators.csv", "indicators-public.csv", "activity-effects.csv");
		assertThat(Files.getPosixFilePermissions(output.resolve("2025-03/indicators.csv")))
			.isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(Files.readAllLines(output.resolve("2025-03/activity-effects.csv")).get(0)).isEqualTo(
				"activity_id,type,complex_id,neighbourhood_code,date,category,window_days,before,after,rate_ratio,ci_low,ci_high,"
						+ "p_value,comparison_before,comparison_after,comparison_rate_ratio,effect_vs_comparison,flag,"
						+ "effect_ci_low,effect_ci_high");
		try (var folder = Files.list(output.resolve("2025-03"))) {
			assertThat(folder).noneMatch(p -> p.getFileName().toString().endsWith(".tmp"));
		}
	}

	@Test
	void publicCsvHidesSmallNumbersAndLeavesOutSmallComplexes() throws Exception {
		service.compute(MARCH, false);
		exports.write(MARCH, output);

		List<String> lines = Files.readAllLines(output.resolve("2025-03/indicators-public.csv"));
		// C3 (8 dwellings) is left out: 651 - 108 rows
		assertThat(lines).hasSize(1 + 651 - 108).noneMatch(l -> l.contains(",C3,"));
		// C1 pollution: 6 reports are shown; C2 damage: 3 reports hidden, and its rate
		// with them
		assertThat(line(lines, "2025-03,complex,C1,Complex C1,pollution,reports,"))
			.startsWith("2025-03,complex,C1,Complex C1,pollution,reports,6,,,2.20");
		assertThat(lines).contains("2025-03,complex,C2,Complex C2,damage,reports,,,,,,suppressed");
		assertThat(lines).contains("2025-03,complex,C2,Complex C2,damage,report_rate,,,,,,suppressed");
		// zero is shown
		assertThat(line(lines, "2025-03,complex,C2,Complex C2,pollution,reports,"))
			.startsWith("2025-03,complex,C2,Complex C2,pollution,reports,0,,,0,3.68887945");
		// the exact file keeps them
		assertThat(line(Files.readAllLines(output.resolve("2025-03/indicators.csv")),
				"2025-03,complex,C2,Complex C2,damage,reports,"))
			.startsWith("2025-03,complex,C2,Complex C2,damage,reports,3,,,");
	}

	@Test
	void anExportThatCannotBeWrittenFailsNamingTheMonthAndTheFolder() throws Exception {
		service.compute(MARCH, false);
		// a folder where indicators.csv belongs: the finished file cannot be moved into
		// place
		Files.createDirectories(output.resolve(MARCH.toString()).resolve("indicators.csv").resolve("in-the-way"));

		assertThatThrownBy(() -> exports.write(MARCH, output))
			.hasMessageStartingWith("cannot write the exports of 2025-03 into " + output.resolve("2025-03") + ": ")
			.hasNoCause();
	}

	@Test
	void aMonthIsNotRecomputedUnlessItsInputChangedOrItIsForced() {
		IndicatorService.Computation first = service.compute(MARCH, false);
		// 2024-01 .. 2025-03: the 23 months before March reach back past the data start
		// (2024-01)
		assertThat(first.computed()).hasSize(15).contains(MARCH, YearMonth.of(2024, 1));
		Timestamp computedAt = computedAt(MARCH);

		assertThat(service.compute(MARCH, false).computed()).isEmpty();
		assertThat(computedAt(MARCH)).isEqualTo(computedAt);

		assertThat(service.compute(MARCH, true).computed()).containsExactly(MARCH);

		// a new February report changes February, March and later months' 12-month
		// figures, not January
		data.report("C1", "safety", "2025-02-10T10:00Z");
		assertThat(service.compute(MARCH, false).computed()).containsExactly(YearMonth.of(2025, 2), MARCH);
		assertThat(Fixture.value(jdbc, MARCH, "complex", "C1", "safety", "reports_12m")).isEqualTo(1.0);
		// closing an old report after the month does not touch the past months
		jdbc.update("update report set closed_at = '2025-04-02T10:00Z' where category = 'pollution'");
		assertThat(service.compute(MARCH, false).computed()).isEmpty();
	}

	@Test
	void aFailedRecomputationLeavesTheOldFiguresInPlace() {
		service.compute(MARCH, false);
		long rows = jdbc.queryForObject("select count(*) from indicator_value where period = ?", Long.class,
				Date.valueOf(MARCH.atDay(1)));
		jdbc.execute(
				"create function fail_funnel_stat() returns trigger language plpgsql as $$ begin raise exception 'injected failure'; end $$");
		jdbc.execute(
				"create trigger fail_funnel_stat before insert on funnel_stat for each row execute function fail_funnel_stat()");
		try {
			data.report("C1", "pollution", "2025-03-20T10:00Z");
			assertThatThrownBy(() -> service.compute(MARCH, true)).hasMessageContaining("injected failure");
		}
		finally {
			jdbc.execute("drop trigger fail_funnel_stat on funnel_stat");
			jdbc.execute("drop function fail_funnel_stat()");
		}
		// the old set, complete: 6 pollution reports, not 7, and every row still there
		assertThat(Fixture.value(jdbc, MARCH, "complex", "C1", "pollution", "reports")).isEqualTo(6.0);
		assertThat(jdbc.queryForObject("select count(*) from indicator_value where period = ?", Long.class,
				Date.valueOf(MARCH.atDay(1))))
			.isEqualTo(rows);

		service.compute(MARCH, false);
		assertThat(Fixture.value(jdbc, MARCH, "complex", "C1", "pollution", "reports")).isEqualTo(7.0);
		assertThat(jdbc.queryForObject("select count(*) from indicator_value where period = ?", Long.class,
				Date.valueOf(MARCH.atDay(1))))
			.isEqualTo(rows);
	}

	@Test
	void aBackfillComputesEveryMonthOfTheDataInOnePass() {
		IndicatorService.Computation backfill = service.computeAll(false);

		assertThat(backfill.requested()).hasSize(15).startsWith(YearMonth.of(2024, 1)).endsWith(MARCH);
		assertThat(jdbc.queryForObject("select count(distinct period) from indicator_value", Integer.class))
			.isEqualTo(15);
		// the same figures as a single-month computation
		assertThat(Fixture.value(jdbc, MARCH, "complex", "C1", "pollution", "repeat_rate")).isEqualTo(5.0 / 6);
	}

	@Test
	void aFigureWrittenByHandIsExportedInItsPlace() throws Exception {
		service.compute(MARCH, false);
		// a correction through the long form, for a complex the computation did not see:
		// its row is created with the one figure, hotspots being the 9th indicator
		data.complex("C4", "N1", 20);
		jdbc.update("""
				insert into indicator_value (period, level, unit_id, category, indicator, value, flag)
				values ('2025-03-01', 'complex', 'C4', 'damage', 'hotspots', 2, 'corrected')
				""");
		exports.write(MARCH, output);

		List<String> lines = Files.readAllLines(output.resolve("2025-03/indicators.csv"));
		assertThat(lines).filteredOn(l -> l.contains(",C4,"))
			.containsExactly("2025-03,complex,C4,Complex C4,damage,hotspots,2,,,,,corrected");
	}

	private static String line(List<String> lines, String prefix) {
		return lines.stream()
			.filter(l -> l.startsWith(prefix))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no line " + prefix));
	}

	private Timestamp computedAt(YearMonth month) {
		return jdbc.queryForObject("select computed_at from computed_month where period = ?", Timestamp.class,
				Date.valueOf(month.atDay(1)));
	}

}
