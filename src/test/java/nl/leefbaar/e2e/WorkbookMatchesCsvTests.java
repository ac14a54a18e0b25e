package nl.leefbaar.e2e;

import static nl.leefbaar.e2e.WorkbookCells.assertSame;
import static nl.leefbaar.e2e.WorkbookCells.number;
import static nl.leefbaar.e2e.WorkbookCells.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Date;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import nl.leefbaar.cli.CommandRunner;
import nl.leefbaar.support.TestDatabase;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 4, "Must be right": every figure the workbooks show is the one of the CSV exports
 * for the same unit, indicator, category and period; suppression holds; nothing is a
 * formula. The monthly job runs once on the sample data (Dutch), the report command once
 * more in English.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkbookMatchesCsvTests {

	static final YearMonth MONTH = YearMonth.of(2026, 10);
	static final List<String> DASHBOARD_SHEETS = List.of("overview", "complexes", "repeats", "activities", "trends",
			"notes");
	static final List<String> NEIGHBOURHOOD_SHEETS = List.of("map", "neighbourhoods", "districts", "public_complexes",
			"notes");
	static final List<String> COMPLEX_COLUMNS = List.of("complex_id", "complex", "neighbourhood", "dwellings",
			"reports", "reports_12m", "report_rate_12m", "ci_low", "ci_high", "dwelling_repeat_rate_12m",
			"dwelling_repeat_flag", "repeat_rate_12m", "repeat_ci_low", "repeat_ci_high", "hotspots",
			"days_to_close_median", "open_overdue", "activities", "liveability_index", "band", "funnel_flag");
	static final List<String> NEIGHBOURHOOD_COLUMNS = List.of("code", "neighbourhood", "district", "dwellings",
			"reports_12m", "report_rate_12m", "range_low", "range_high", "rank", "flag", "change_year",
			"change_verdict", "dwelling_repeat_rate_12m", "repeat_range_low", "repeat_range_high", "repeat_flag",
			"closed_within_target_share", "closed_range_low", "closed_range_high", "closed_flag",
			"participation_rate_12m", "concentration_top10_12m", "liveability_index", "index_rank", "band",
			"index_change_year");
	static final List<String> PUBLIC_COMPLEX_COLUMNS = List.of("neighbourhood", "complex_id", "complex", "dwellings",
			"reports_12m", "report_rate_12m", "ci_low", "ci_high", "flag", "dwelling_repeat_rate_12m",
			"liveability_index", "band");
	static final List<String> EFFECT_COLUMNS = List.of("activity_id", "type", "complex_id", "complex", "date",
			"category", "window_days", "before", "after", "rate_ratio", "ci_low", "ci_high", "p_value",
			"comparison_before", "comparison_after", "comparison_rate_ratio", "effect_vs_comparison", "flag");
	static final List<String> EFFECT_FIGURES = List.of("window_days", "before", "after", "rate_ratio", "ci_low",
			"ci_high", "p_value", "comparison_before", "comparison_after", "comparison_rate_ratio",
			"effect_vs_comparison");
	static final List<String> DISTRICT_COLUMNS = List.of("district", "neighbourhoods", "dwellings", "reports_12m",
			"report_rate_12m", "dwelling_repeat_rate_12m", "closed_within_target_share", "participation_rate_12m");

	@TempDir
	static Path output;

	@TempDir
	static Path english;

	@Autowired
	CommandRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JobRepository jobRepository;

	Properties nl;

	Properties en;

	XSSFWorkbook dashboard;

	XSSFWorkbook neighbourhoods;

	XSSFWorkbook dashboardEn;

	XSSFWorkbook neighbourhoodsEn;

	/**
	 * level|unit|indicator|category -> row, of indicators.csv and indicators-public.csv
	 * for the month.
	 */
	Map<String, Map<String, String>> exact = new HashMap<>();

	Map<String, Map<String, String>> published = new HashMap<>();

	/**
	 * period|level|unit|indicator|category -> value, as stored in indicator_value (what
	 * indicators.csv is written from).
	 */
	Map<String, Double> stored = new HashMap<>();

	List<Map<String, String>> effects;

	Map<String, Integer> dwellings = new HashMap<>();

	Map<String, String> neighbourhoodOf = new HashMap<>();

	Map<String, String> neighbourhoodNames = new HashMap<>();

	Map<String, String> districtOf = new HashMap<>();

	@BeforeAll
	void givenTheMonthlyJobAndAnEnglishReportRanOnTheSampleData() throws Exception {
		TestDatabase.clearDomainTables(jdbc);
		CommandLine.forgetRuns(jdbc, jobRepository, MONTH.toString(), "monthly");
		CommandLine commandLine = new CommandLine(runner);
		CommandLine.Result monthly = commandLine.run("run", "monthly", "--month", MONTH.toString(), "--input",
				CommandLine.SAMPLE_DATA.toString(), "--output", output.toString());
		assertThat(monthly.code()).as(monthly.err()).isZero();
		CommandLine.Result report = commandLine.run("report", "--month", MONTH.toString(), "--output",
				english.toString(), "--lang", "en");
		assertThat(report.code()).as(report.err()).isZero();

		nl = WorkbookCells.labels("nl");
		en = WorkbookCells.labels("en");
		Path folder = output.resolve(MONTH.toString());
		dashboard = new XSSFWorkbook(folder.resolve("dashboard-corporation-2026-10.xlsx").toFile());
		neighbourhoods = new XSSFWorkbook(folder.resolve("neighbourhoods-2026-10.xlsx").toFile());
		dashboardEn = new XSSFWorkbook(english.resolve("2026-10/dashboard-corporation-2026-10.xlsx").toFile());
		neighbourhoodsEn = new XSSFWorkbook(english.resolve("2026-10/neighbourhoods-2026-10.xlsx").toFile());
		Csv.read(folder.resolve("indicators.csv")).rows().forEach(row -> exact.put(key(row), row));
		effects = Csv.read(folder.resolve("activity-effects.csv")).rows();
		Csv.read(folder.resolve("indicators-public.csv")).rows().forEach(row -> published.put(key(row), row));
		jdbc.query("""
				select period, level, unit_id, indicator, category, value from indicator_value
				where level in ('city', 'neighbourhood') and period in (?, ?)
				""", rs -> {
			double value = rs.getDouble(6);
			stored.put(String.join("|", YearMonth.from(rs.getDate(1).toLocalDate()).toString(), rs.getString(2),
					rs.getString(3), rs.getString(4), rs.getString(5)), rs.wasNull() ? null : value);
		}, Date.valueOf(MONTH.minusMonths(1).atDay(1)), Date.valueOf(MONTH.minusYears(1).atDay(1)));
		for (Map<String, String> complex : Csv.read(CommandLine.SAMPLE_DATA.resolve("complexes.csv")).rows()) {
			dwellings.put(complex.get("complex_id"), Integer.parseInt(complex.get("dwellings")));
			neighbourhoodOf.put(complex.get("complex_id"), complex.get("neighbourhood_code"));
		}
		for (Map<String, String> n : Csv.read(CommandLine.SAMPLE_DATA.resolve("neighbourhoods.csv")).rows()) {
			neighbourhoodNames.put(n.get("neighbourhood_code"), n.get("name"));
			districtOf.put(n.get("neighbourhood_code"), n.get("district"));
		}
	}

	@AfterAll
	void closeAndForget() throws IOException {
		for (XSSFWorkbook workbook : new XSSFWorkbook[] { dashboard, neighbourhoods, dashboardEn, neighbourhoodsEn }) {
			if (workbook != null) {
				workbook.close();
			}
		}
		CommandLine.forgetRuns(jdbc, jobRepository, MONTH.toString(), "monthly", "report");
	}

	@Test
	void theDashboardHasTheSixSheetsOfTheContractInOrder() {
		assertThat(sheetNames(dashboard))
			.isEqualTo(DASHBOARD_SHEETS.stream().map(s -> nl.getProperty("sheet." + s)).toList())
			.containsExactly("Overzicht", "Complexen", "Herhaalmeldingen", "Activiteiten", "Trends", "Toelichting");
		assertThat(sheetNames(neighbourhoods))
			.isEqualTo(NEIGHBOURHOOD_SHEETS.stream().map(s -> nl.getProperty("sheet." + s)).toList());
	}

	@Test
	void everyFigureOfTheComplexenSheetIsTheOneInIndicatorsCsv() {
		WorkbookCells.Table table = WorkbookCells.table(dashboard.getSheet(nl.getProperty("sheet.complexes")), nl,
				"complexes.column.", COMPLEX_COLUMNS);
		Set<String> seen = new HashSet<>();
		for (Row row : table.rows()) {
			String id = text(row.getCell(table.column("complex_id")));
			assertThat(seen.add(id)).as("one row per complex: " + id).isTrue();
			checkComplexRow(table, row, id, nl);
		}
		assertThat(seen).containsExactlyInAnyOrderElementsOf(dwellings.keySet());
	}

	@Test
	void theComplexenSheetIsSortedWorstFirst() {
		WorkbookCells.Table table = WorkbookCells.table(dashboard.getSheet(nl.getProperty("sheet.complexes")), nl,
				"complexes.column.", COMPLEX_COLUMNS);
		List<String> order = List.of("high", "elevated", "", "in range", "reduced", "low");
		int previousSeverity = -1;
		Double previousIndex = null;
		for (Row row : table.rows()) {
			String id = text(row.getCell(table.column("complex_id")));
			String flag = csv(exact, "complex", id, "report_rate_12m", "all").get("flag");
			int severity = switch (flag) {
				case "high" -> 0;
				case "elevated" -> 1;
				case "reduced" -> 3;
				case "low" -> 4;
				default -> 2;
			};
			assertThat(order).contains(flag);
			assertThat(severity).as("flag of " + id).isGreaterThanOrEqualTo(previousSeverity);
			Double index = number(row.getCell(table.column("liveability_index")));
			if (severity == previousSeverity && previousIndex != null && index != null) {
				assertThat(index).as("index ascending within a flag, at " + id).isGreaterThanOrEqualTo(previousIndex);
			}
			if (severity != previousSeverity) {
				previousIndex = null;
			}
			previousSeverity = severity;
			previousIndex = index == null ? previousIndex : index;
		}
	}

	@Test
	void theOverzichtHeadlinesAreTheCityRowsWithTheirChangesAgainstLastMonthAndLastYear() {
		Sheet sheet = dashboard.getSheet(nl.getProperty("sheet.overview"));
		Locale dutch = Locale.forLanguageTag("nl");
		int header = rowStartingWith(sheet, nl.getProperty("overview.figure"));
		assertThat(texts(sheet.getRow(header))).startsWith(nl.getProperty("overview.figure"), month(MONTH, dutch),
				month(MONTH.minusMonths(1), dutch), nl.getProperty("overview.change"),
				nl.getProperty("overview.change_pct"), "", month(MONTH.minusYears(1), dutch),
				nl.getProperty("overview.change"), nl.getProperty("overview.change_pct"));
		Map<String, String> headlines = new HashMap<>();
		nl.stringPropertyNames()
			.stream()
			.filter(k -> k.startsWith("headline."))
			.forEach(k -> headlines.put(nl.getProperty(k), k.substring("headline.".length())));

		int checked = 0;
		for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			String indicator = row == null ? null : headlines.get(text(row.getCell(0)));
			if (indicator == null) {
				break;
			}
			Double now = Csv.number(csv(exact, "city", "city", indicator, "all").get("value"));
			assertSame(indicator + " this month", number(row.getCell(1)), now);
			checkChange(indicator + " against last month", row, 2, now,
					stored.get(String.join("|", MONTH.minusMonths(1).toString(), "city", "city", indicator, "all")));
			checkChange(indicator + " against last year", row, 6, now,
					stored.get(String.join("|", MONTH.minusYears(1).toString(), "city", "city", indicator, "all")));
			checked++;
		}
		assertThat(checked).as("headline rows").isEqualTo(headlines.size());
		assertThat(headlines.values()).as("outputs.md's headline figures")
			.contains("reports", "report_rate_12m", "dwelling_repeat_rate", "closed_within_target_share", "activities",
					"participants");
	}

	@Test
	void theOverzichtTrendOfTheRateIsTheOlsSlopeOfTwelveMonthlyRates() {
		Sheet sheet = dashboard.getSheet(nl.getProperty("sheet.overview"));
		int header = rowStartingWith(sheet, nl.getProperty("overview.figure"));
		assertThat(texts(sheet.getRow(header)).subList(10, 13)).containsExactly(nl.getProperty("trend.slope"),
				nl.getProperty("trend.p"), nl.getProperty("trend.direction"));
		Row rate = sheet.getRow(rowStartingWith(sheet, nl.getProperty("headline.report_rate_12m")));
		// indicators.md, Trends: month index 1..12, months without reports as 0, p from t
		// with 10 df
		org.apache.commons.math3.stat.regression.SimpleRegression ols = new org.apache.commons.math3.stat.regression.SimpleRegression();
		for (int i = 1; i <= 12; i++) {
			YearMonth month = MONTH.minusMonths(12 - i);
			List<Double> value = jdbc.queryForList("""
					select value from indicator_value
					where period = ? and level = 'city' and category = 'all' and indicator = 'report_rate'
					""", Double.class, Date.valueOf(month.atDay(1)));
			ols.addData(i, value.isEmpty() || value.get(0) == null ? 0 : value.get(0));
		}
		assertSame("slope", number(rate.getCell(10)), ols.getSlope());
		assertThat(number(rate.getCell(11))).as("p-value").isCloseTo(ols.getSignificance(), within(1e-9));
		String direction = ols.getSignificance() < 0.05 ? (ols.getSlope() > 0 ? "rising" : "falling") : "none";
		assertThat(text(rate.getCell(12))).isEqualTo(nl.getProperty("trend." + direction));
	}

	@Test
	void theOverzichtCategoryTableIsTheCitysReportsPerCategoryNowAndAYearAgo() {
		Sheet sheet = dashboard.getSheet(nl.getProperty("sheet.overview"));
		int header = rowStartingWith(sheet, nl.getProperty("overview.category"));
		for (int i = 0; i < Contract.CATEGORIES.size(); i++) {
			Row row = sheet.getRow(header + 1 + i);
			String category = Contract.CATEGORIES.stream()
				.filter(c -> nl.getProperty("category." + c).equals(text(row.getCell(0))))
				.findFirst()
				.orElseThrow();
			Double now = Csv.number(csv(exact, "city", "city", "reports", category).get("value"));
			Double yearAgo = stored
				.get(String.join("|", MONTH.minusYears(1).toString(), "city", "city", "reports", category));
			assertSame(category + " now", number(row.getCell(1)), now);
			assertSame(category + " a year ago", number(row.getCell(2)), yearAgo);
			assertSame(category + " change", number(row.getCell(3)), now - yearAgo);
		}
	}

	@Test
	void theActiviteitenEffectTableIsActivityEffectsCsv() {
		WorkbookCells.Table table = WorkbookCells.table(dashboard.getSheet(nl.getProperty("sheet.activities")), nl,
				"activities.column.", EFFECT_COLUMNS);
		Map<String, String> typeByLabel = new HashMap<>();
		nl.stringPropertyNames()
			.stream()
			.filter(k -> k.startsWith("type."))
			.forEach(k -> typeByLabel.put(nl.getProperty(k), k.substring("type.".length())));
		Map<String, Map<String, String>> expected = new HashMap<>();
		for (Map<String, String> effect : effects) {
			expected.put(
					effect.get("activity_id").isEmpty() ? "pooled " + effect.get("type") : effect.get("activity_id"),
					effect);
		}
		Set<String> seen = new HashSet<>();
		int infinite = 0;
		for (Row row : table.rows()) {
			String id = text(row.getCell(table.column("activity_id")));
			String type = typeByLabel.get(text(row.getCell(table.column("type"))));
			String key = id.equals(nl.getProperty("activities.pooled")) ? "pooled " + type : id;
			Map<String, String> effect = expected.get(key);
			assertThat(effect).as("row " + key + " of the sheet in activity-effects.csv").isNotNull();
			assertThat(seen.add(key)).as(key).isTrue();
			assertThat(type).as(key).isEqualTo(effect.get("type"));
			assertThat(text(row.getCell(table.column("category")))).as(key)
				.isEqualTo(nl.getProperty("category." + effect.get("category")));
			Cell date = row.getCell(table.column("date"));
			assertThat(date == null ? "" : date.getLocalDateTimeCellValue().toLocalDate().toString()).as(key)
				.isEqualTo(effect.get("date"));
			String complex = text(row.getCell(table.column("complex_id")));
			assertThat(complex == null ? "" : complex).as(key).isEqualTo(effect.get("complex_id"));
			for (String figure : EFFECT_FIGURES) {
				if (effect.get(figure).equals("Infinity")) {
					// before = 0: the upper limit is infinite (indicators.md); Excel has
					// no infinite number
					assertThat(text(row.getCell(table.column(figure)))).as(key + " " + figure).isEqualTo("∞");
					infinite++;
					continue;
				}
				assertSame(key + " " + figure, number(row.getCell(table.column(figure))),
						Csv.number(effect.get(figure)));
			}
			String flag = text(row.getCell(table.column("flag")));
			assertThat(flag).as(key)
				.isEqualTo(effect.get("flag").isEmpty() ? null : nl.getProperty("effect." + effect.get("flag")));
		}
		assertThat(seen).containsExactlyInAnyOrderElementsOf(expected.keySet());
		assertThat(infinite).as("the sample has an activity with no report before it").isPositive();
	}

	@Test
	void theHerhaalmeldingenSheetListsTheCsvsHotspotsAndDwellingRepeatsPerComplexAndCategory() {
		Sheet sheet = dashboard.getSheet(nl.getProperty("sheet.repeats"));
		List<Integer> headers = new ArrayList<>();
		for (Row row : sheet) {
			if (nl.getProperty("column.complex_id").equals(text(row.getCell(0)))) {
				headers.add(row.getRowNum());
			}
		}
		assertThat(headers).hasSize(3);
		Map<String, String> categoryByLabel = new HashMap<>();
		Contract.CATEGORIES.forEach(c -> categoryByLabel.put(nl.getProperty("category." + c), c));

		Set<String> hotspots = new HashSet<>();
		double previous = Double.MAX_VALUE;
		for (Row row : rowsUnder(sheet, headers.get(0))) {
			hotspots.add(text(row.getCell(0)) + "|" + categoryByLabel.get(text(row.getCell(3))));
			assertThat(number(row.getCell(4))).as("worst first")
				.isLessThanOrEqualTo(previous)
				.isGreaterThanOrEqualTo(3);
			previous = number(row.getCell(4));
		}
		Set<String> expectedHotspots = new HashSet<>();
		Set<String> expectedPairs = new HashSet<>();
		for (Map<String, String> row : exact.values()) {
			if (row.get("level").equals("complex") && row.get("indicator").equals("hotspots")
					&& Csv.number(row.get("value")) > 0) {
				expectedHotspots.add(row.get("unit_id") + "|" + row.get("category"));
			}
			if (row.get("level").equals("complex") && row.get("indicator").equals("dwelling_repeat_rate_12m")
					&& !row.get("category").equals("all") && !row.get("numerator").isEmpty()
					&& Double.parseDouble(row.get("numerator")) > 0) {
				expectedPairs.add(row.get("unit_id") + "|" + row.get("category"));
			}
		}
		assertThat(hotspots).isEqualTo(expectedHotspots);

		Set<String> pairs = new HashSet<>();
		for (Row row : rowsUnder(sheet, headers.get(1))) {
			String id = text(row.getCell(0));
			String category = categoryByLabel.get(text(row.getCell(3)));
			pairs.add(id + "|" + category);
			Map<String, String> figure = csv(exact, "complex", id, "dwelling_repeat_rate_12m", category);
			String what = id + " " + category + " dwelling repeats";
			assertSame(what + " numerator", number(row.getCell(4)), Csv.number(figure.get("numerator")));
			assertSame(what + " denominator", number(row.getCell(5)), Csv.number(figure.get("denominator")));
			assertSame(what, number(row.getCell(6)), Csv.number(figure.get("value")));
			assertSame(what + " ci_low", number(row.getCell(7)), Csv.number(figure.get("ci_low")));
			assertSame(what + " ci_high", number(row.getCell(8)), Csv.number(figure.get("ci_high")));
			assertThat(text(row.getCell(9))).as(what).isEqualTo(flag(nl, figure.get("flag")));
		}
		assertThat(pairs).isEqualTo(expectedPairs);
		assertThat(rowsUnder(sheet, headers.get(2))).as("dwellings with repeats, by pseudonym")
			.isNotEmpty()
			.allSatisfy(row -> assertThat(texts(row)).anyMatch(t -> t != null && t.matches("W-[0-9a-f]{6}")));
	}

	@Test
	void theBuurtenSheetShowsIndicatorsPublicCsvAndHidesExactlyWhatItSuppresses() {
		WorkbookCells.Table table = WorkbookCells.table(neighbourhoods.getSheet(nl.getProperty("sheet.neighbourhoods")),
				nl, "neighbourhoods.column.", NEIGHBOURHOOD_COLUMNS);
		Set<String> seen = new HashSet<>();
		int suppressedCells = 0;
		for (Row row : table.rows()) {
			String code = text(row.getCell(table.column("code")));
			if (code == null) {
				// the city row, first: the reference, without a flag
				assertThat(text(row.getCell(table.column("neighbourhood"))))
					.isEqualTo(nl.getProperty("neighbourhoods.city"));
				assertThat(text(row.getCell(table.column("flag")))).isNull();
				continue;
			}
			seen.add(code);
			String what = "neighbourhood " + code;
			assertThat(text(row.getCell(table.column("neighbourhood")))).isEqualTo(neighbourhoodNames.get(code));
			suppressedCells += count(table, row, "neighbourhood", code, "reports_12m", "reports_12m");
			Map<String, String> rate = csv(published, "neighbourhood", code, "report_rate_12m", "all");
			if (suppressed(rate)) {
				suppressedCells++;
				assertBlank(what, row, table, "range_low", "range_high", "rank", "flag", "change_year");
			}
			else {
				flagged(what + " rate", row, table, rate, "report_rate_12m", "range_low", "range_high", "flag");
				Double lastYear = stored.get(String.join("|", MONTH.minusYears(1).toString(), "neighbourhood", code,
						"report_rate_12m", "all"));
				Double change = number(row.getCell(table.column("change_year")));
				if (change != null) {
					assertThat(change).as(what + " change against last year, in %")
						.isCloseTo(100 * (Csv.number(rate.get("value")) / lastYear - 1), within(1e-9));
					assertThat(text(row.getCell(table.column("change_verdict")))).as(what)
						.containsAnyOf("beter", "slechter", "geen duidelijke verandering");
				}
			}
			flagged(what + " repeats", row, table,
					csv(published, "neighbourhood", code, "dwelling_repeat_rate_12m", "all"),
					"dwelling_repeat_rate_12m", "repeat_range_low", "repeat_range_high", "repeat_flag");
			flagged(what + " closed", row, table,
					csv(published, "neighbourhood", code, "closed_within_target_share", "all"),
					"closed_within_target_share", "closed_range_low", "closed_range_high", "closed_flag");
			for (String indicator : List.of("participation_rate_12m", "concentration_top10_12m", "liveability_index")) {
				Map<String, String> figure = csv(published, "neighbourhood", code, indicator, "all");
				assertSame(what + " " + indicator, number(row.getCell(table.column(indicator))),
						Csv.number(figure.get("value")));
			}
			Double index = Csv.number(csv(published, "neighbourhood", code, "liveability_index", "all").get("value"));
			assertThat(text(row.getCell(table.column("band")))).as(what).isEqualTo(band(nl, index));
		}
		assertThat(seen).containsExactlyInAnyOrderElementsOf(neighbourhoodNames.keySet());
		// The sample's neighbourhoods are large: their 12-month figures rest on no small
		// count
		// (suppressedCells stays 0); hidden figures are met on the public Complexen
		// sheet.
	}

	@Test
	void thePublicComplexenSheetShowsIndicatorsPublicCsv() {
		WorkbookCells.Table table = WorkbookCells.table(
				neighbourhoods.getSheet(nl.getProperty("sheet.public_complexes")), nl, "public_complexes.column.",
				PUBLIC_COMPLEX_COLUMNS);
		Set<String> seen = new HashSet<>();
		int suppressedCells = 0;
		for (Row row : table.rows()) {
			String id = text(row.getCell(table.column("complex_id")));
			seen.add(id);
			String what = "complex " + id;
			assertThat(dwellings.get(id)).as(what).isGreaterThanOrEqualTo(10);
			assertSame(what + " dwellings", number(row.getCell(table.column("dwellings"))), (double) dwellings.get(id));
			suppressedCells += count(table, row, "complex", id, "reports_12m", "reports_12m");
			Map<String, String> rate = csv(published, "complex", id, "report_rate_12m", "all");
			if (suppressed(rate)) {
				assertBlank(what, row, table, "report_rate_12m", "ci_low", "ci_high", "flag");
			}
			else {
				figure(what + " rate", row, table, rate, "report_rate_12m", "ci_low", "ci_high", "flag");
			}
			Map<String, String> repeat = csv(published, "complex", id, "dwelling_repeat_rate_12m", "all");
			suppressedCells += suppressed(repeat) ? 1 : 0;
			assertSame(what + " dwelling repeats", number(row.getCell(table.column("dwelling_repeat_rate_12m"))),
					Csv.number(repeat.get("value")));
			Double index = Csv.number(csv(published, "complex", id, "liveability_index", "all").get("value"));
			assertSame(what + " index", number(row.getCell(table.column("liveability_index"))), index);
			assertThat(text(row.getCell(table.column("band")))).as(what).isEqualTo(band(nl, index));
		}
		assertThat(suppressedCells).as("the sample has small complexes whose figures are hidden").isPositive();
		assertThat(seen).containsExactlyInAnyOrderElementsOf(
				dwellings.entrySet().stream().filter(e -> e.getValue() >= 10).map(Map.Entry::getKey).toList());
	}

	@Test
	void theWijkenSheetAddsUpTheNeighbourhoodsToTheCitysFigures() {
		WorkbookCells.Table table = WorkbookCells.table(neighbourhoods.getSheet(nl.getProperty("sheet.districts")), nl,
				"districts.column.", DISTRICT_COLUMNS);
		Row city = table.rows()
			.stream()
			.filter(r -> nl.getProperty("districts.city").equals(text(r.getCell(0))))
			.findFirst()
			.orElseThrow();
		assertSame("city neighbourhoods", number(city.getCell(table.column("neighbourhoods"))), 12.0);
		assertSame("city dwellings", number(city.getCell(table.column("dwellings"))),
				dwellings.values().stream().mapToDouble(Integer::doubleValue).sum());
		for (String indicator : List.of("reports_12m", "report_rate_12m", "dwelling_repeat_rate_12m",
				"closed_within_target_share", "participation_rate_12m")) {
			assertSame("city " + indicator, number(city.getCell(table.column(indicator))),
					Csv.number(csv(published, "city", "city", indicator, "all").get("value")));
		}
		for (Row row : table.rows()) {
			String district = text(row.getCell(0));
			if (row == city) {
				continue;
			}
			double reports = neighbourhoodNames.keySet()
				.stream()
				.filter(code -> district.equals(districtOf.get(code)))
				.mapToDouble(code -> Csv.number(csv(exact, "neighbourhood", code, "reports_12m", "all").get("value")))
				.sum();
			assertSame(district + " reports", number(row.getCell(table.column("reports_12m"))), reports);
		}
	}

	@Test
	void noCellOfEitherWorkbookIsAFormula() {
		// the writers write no formula at all (every text through setCellValue(String)),
		// so none may appear
		for (XSSFWorkbook workbook : List.of(dashboard, neighbourhoods, dashboardEn, neighbourhoodsEn)) {
			int cells = 0;
			for (Sheet sheet : workbook) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						cells++;
						assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress())
							.isNotEqualTo(CellType.FORMULA);
					}
				}
			}
			assertThat(cells).isGreaterThan(100);
		}
	}

	@Test
	void theMunicipalitysWorkbookHoldsNoDwellingReference() {
		Pattern dwellingRef = Pattern.compile("W-[0-9a-f]{6}");
		for (XSSFWorkbook workbook : List.of(neighbourhoods, neighbourhoodsEn)) {
			for (Sheet sheet : workbook) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						String text = cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : "";
						assertThat(dwellingRef.matcher(text).find()).as(sheet.getSheetName() + "!" + cell.getAddress())
							.isFalse();
					}
				}
			}
		}
	}

	@Test
	void inEnglishTheSheetsAndLabelsAreEnglishAndTheFiguresTheSame() {
		assertThat(sheetNames(dashboardEn))
			.isEqualTo(DASHBOARD_SHEETS.stream().map(s -> en.getProperty("sheet." + s)).toList())
			.containsExactly("Overview", "Complexes", "Repeat reports", "Activities", "Trends", "Notes");
		assertThat(sheetNames(neighbourhoodsEn))
			.isEqualTo(NEIGHBOURHOOD_SHEETS.stream().map(s -> en.getProperty("sheet." + s)).toList());
		Sheet overview = dashboardEn.getSheet(en.getProperty("sheet.overview"));
		int header = rowStartingWith(overview, en.getProperty("overview.figure"));
		assertThat(texts(overview.getRow(header))).contains(month(MONTH, Locale.ENGLISH)).contains("October 2026");

		WorkbookCells.Table table = WorkbookCells.table(dashboardEn.getSheet(en.getProperty("sheet.complexes")), en,
				"complexes.column.", COMPLEX_COLUMNS);
		for (Row row : table.rows()) {
			checkComplexRow(table, row, text(row.getCell(table.column("complex_id"))), en);
		}
		WorkbookCells.Table buurten = WorkbookCells.table(
				neighbourhoodsEn.getSheet(en.getProperty("sheet.neighbourhoods")), en, "neighbourhoods.column.",
				NEIGHBOURHOOD_COLUMNS);
		// the city row first, then the 12 neighbourhoods
		assertThat(buurten.rows()).hasSize(13);
		assertThat(text(buurten.rows().get(0).getCell(buurten.column("neighbourhood"))))
			.isEqualTo(en.getProperty("neighbourhoods.city"));
		assertThat(en.getProperty("complexes.column.dwellings"))
			.isNotEqualTo(nl.getProperty("complexes.column.dwellings"));
	}

	private void checkComplexRow(WorkbookCells.Table table, Row row, String id, Properties labels) {
		String what = "complex " + id;
		assertThat(text(row.getCell(table.column("complex")))).as(what)
			.isEqualTo(csv(exact, "complex", id, "reports", "all").get("unit_name"));
		assertThat(text(row.getCell(table.column("neighbourhood")))).as(what)
			.isEqualTo(neighbourhoodNames.get(neighbourhoodOf.get(id)));
		Map<String, String> rate = csv(exact, "complex", id, "report_rate_12m", "all");
		assertSame(what + " dwellings", number(row.getCell(table.column("dwellings"))), (double) dwellings.get(id));
		assertSame(what + " dwellings as the rate's denominator", (double) dwellings.get(id),
				Csv.number(rate.get("denominator")));
		for (String indicator : List.of("reports", "reports_12m", "report_rate_12m", "dwelling_repeat_rate_12m",
				"repeat_rate_12m", "days_to_close_median", "open_overdue", "activities", "liveability_index")) {
			assertSame(what + " " + indicator, number(row.getCell(table.column(indicator))),
					Csv.number(csv(exact, "complex", id, indicator, "all").get("value")));
		}
		Double reports12 = Csv.number(csv(exact, "complex", id, "reports_12m", "all").get("value"));
		boolean small = dwellings.get(id) < 50 || reports12 == null || reports12 < 20;
		assertSame(what + " rate's ci_low", number(row.getCell(table.column("ci_low"))),
				small ? Csv.number(rate.get("ci_low")) : null);
		assertSame(what + " rate's ci_high", number(row.getCell(table.column("ci_high"))),
				small ? Csv.number(rate.get("ci_high")) : null);
		Map<String, String> repeat = csv(exact, "complex", id, "repeat_rate_12m", "all");
		assertSame(what + " repeat ci_low", number(row.getCell(table.column("repeat_ci_low"))),
				Csv.number(repeat.get("ci_low")));
		assertSame(what + " repeat ci_high", number(row.getCell(table.column("repeat_ci_high"))),
				Csv.number(repeat.get("ci_high")));
		assertThat(text(row.getCell(table.column("dwelling_repeat_flag")))).as(what)
			.isEqualTo(flag(labels, csv(exact, "complex", id, "dwelling_repeat_rate_12m", "all").get("flag")));
		assertThat(text(row.getCell(table.column("funnel_flag")))).as(what).isEqualTo(flag(labels, rate.get("flag")));
		Double index = Csv.number(csv(exact, "complex", id, "liveability_index", "all").get("value"));
		assertThat(text(row.getCell(table.column("band")))).as(what).isEqualTo(band(labels, index));
		Set<String> hotspots = new HashSet<>();
		for (String category : Contract.CATEGORIES) {
			Double pairs = Csv.number(csv(exact, "complex", id, "hotspots", category).get("value"));
			if (pairs != null && pairs > 0) {
				hotspots.add(labels.getProperty("category." + category));
			}
		}
		String shown = text(row.getCell(table.column("hotspots")));
		assertThat(shown == null ? Set.of() : new HashSet<>(Arrays.asList(shown.split(", ")))).as(what + " hotspots")
			.isEqualTo(hotspots);
	}

	/**
	 * A count as published: the number, or {@code <5} where the CSV suppresses it;
	 * returns 1 when suppressed.
	 */
	private int count(WorkbookCells.Table table, Row row, String level, String unit, String indicator, String column) {
		Map<String, String> figure = csv(published, level, unit, indicator, "all");
		Cell cell = row.getCell(table.column(column));
		if (suppressed(figure)) {
			assertThat(text(cell)).as(level + " " + unit + " " + indicator).isEqualTo("<5");
			return 1;
		}
		assertSame(level + " " + unit + " " + indicator, number(cell), Csv.number(figure.get("value")));
		return 0;
	}

	/**
	 * A share with its interval and flag as published, or all blank; returns 1 when
	 * suppressed.
	 */
	private int share(String what, Row row, WorkbookCells.Table table, Map<String, String> figure, String value,
			String low, String high, String flag) {
		if (suppressed(figure)) {
			assertBlank(what, row, table, value, low, high, flag);
			return 1;
		}
		figure(what + " " + value, row, table, figure, value, low, high, flag);
		return 0;
	}

	private void figure(String what, Row row, WorkbookCells.Table table, Map<String, String> figure, String value,
			String low, String high, String flag) {
		assertSame(what, number(row.getCell(table.column(value))), Csv.number(figure.get("value")));
		assertSame(what + " ci_low", number(row.getCell(table.column(low))), Csv.number(figure.get("ci_low")));
		assertSame(what + " ci_high", number(row.getCell(table.column(high))), Csv.number(figure.get("ci_high")));
		assertThat(text(row.getCell(table.column(flag)))).as(what + " flag").isEqualTo(flag(nl, figure.get("flag")));
	}

	/**
	 * The figure is the CSV's, its flag is the CSV's, and the expected range beside it
	 * agrees with the flag: inside it in range, above it elevated or high, below it
	 * reduced or low (outputs.md: "a flag and the range beside it agree").
	 */
	private void flagged(String what, Row row, WorkbookCells.Table table, Map<String, String> figure, String value,
			String low, String high, String flag) {
		assertSame(what, number(row.getCell(table.column(value))), Csv.number(figure.get("value")));
		assertThat(text(row.getCell(table.column(flag)))).as(what + " flag").isEqualTo(flag(nl, figure.get("flag")));
		Double v = Csv.number(figure.get("value"));
		Double lo = number(row.getCell(table.column(low)));
		Double hi = number(row.getCell(table.column(high)));
		if (v == null || lo == null || hi == null) {
			return;
		}
		String expected = v > hi ? "above" : v < lo ? "below" : "in range";
		String f = figure.get("flag");
		String actual = "high".equals(f) || "elevated".equals(f) ? "above"
				: "low".equals(f) || "reduced".equals(f) ? "below" : "in range";
		assertThat(actual).as(what + ": " + v + " against " + lo + " - " + hi + " with flag " + f).isEqualTo(expected);
	}

	private static void assertBlank(String what, Row row, WorkbookCells.Table table, String... columns) {
		for (String column : columns) {
			assertThat(text(row.getCell(table.column(column)))).as(what + " " + column + " is suppressed in the CSV")
				.isNull();
		}
	}

	private static boolean suppressed(Map<String, String> figure) {
		return figure.get("flag").equals("suppressed");
	}

	private static void checkChange(String what, Row row, int column, Double now, Double before) {
		assertSame(what + ": the value then", number(row.getCell(column)), before);
		if (now == null || before == null) {
			assertThat(number(row.getCell(column + 1))).as(what).isNull();
			return;
		}
		assertSame(what + ": change", number(row.getCell(column + 1)), now - before);
		assertSame(what + ": change in %", number(row.getCell(column + 2)),
				before == 0 ? null : (now - before) / Math.abs(before));
	}

	private static Map<String, String> csv(Map<String, Map<String, String>> rows, String level, String unit,
			String indicator, String category) {
		Map<String, String> row = rows.get(String.join("|", level, unit, indicator, category));
		assertThat(row).as("CSV row " + String.join("|", level, unit, indicator, category)).isNotNull();
		return row;
	}

	private static String key(Map<String, String> row) {
		return String.join("|", row.get("level"), row.get("unit_id"), row.get("indicator"), row.get("category"));
	}

	/** A funnel flag as the workbooks label it; nothing for no flag. */
	private static String flag(Properties labels, String code) {
		if (code == null || code.isEmpty()) {
			return null;
		}
		return labels.getProperty("flag." + code.replace(' ', '_'), code);
	}

	/**
	 * indicators.md: >= 110 clearly better, 90-110 around the reference, 70-90 behind, <
	 * 70 far behind.
	 */
	private static String band(Properties labels, Double index) {
		if (index == null) {
			return null;
		}
		String band = index >= 110 ? "clearly_better"
				: index >= 90 ? "around_reference" : index >= 70 ? "behind" : "far_behind";
		return labels.getProperty("band." + band);
	}

	private static String month(YearMonth month, Locale locale) {
		return month.format(DateTimeFormatter.ofPattern("MMMM yyyy", locale));
	}

	private static List<String> sheetNames(XSSFWorkbook workbook) {
		List<String> names = new ArrayList<>();
		workbook.forEach(sheet -> names.add(sheet.getSheetName()));
		return names;
	}

	private static List<Row> rowsUnder(Sheet sheet, int header) {
		List<Row> rows = new ArrayList<>();
		for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			if (row == null || text(row.getCell(0)) == null) {
				break;
			}
			rows.add(row);
		}
		return rows;
	}

	private static int rowStartingWith(Sheet sheet, String label) {
		for (Row row : sheet) {
			if (label.equals(text(row.getCell(0)))) {
				return row.getRowNum();
			}
		}
		throw new AssertionError("no row '" + label + "' on " + sheet.getSheetName());
	}

	private static List<String> texts(Row row) {
		List<String> texts = new ArrayList<>();
		for (int c = 0; c < row.getLastCellNum(); c++) {
			texts.add(text(row.getCell(c)));
		}
		return texts;
	}

}
