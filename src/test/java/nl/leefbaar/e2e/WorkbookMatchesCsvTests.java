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
 * Issue 4, "Must be right": every figure the neighbourhood workbook shows is the one of
 * the CSV exports (the managers' dashboards: DashboardsMatchCsvTests) for the same unit,
 * indicator, category and period; suppression holds; nothing is a formula. The monthly
 * job runs once on the sample data (Dutch), the report command once more in English.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkbookMatchesCsvTests {

	static final YearMonth MONTH = YearMonth.of(2026, 10);
	static final List<String> NEIGHBOURHOOD_SHEETS = List.of("map", "neighbourhoods", "districts", "public_complexes",
			"notes");
	static final List<String> NEIGHBOURHOOD_COLUMNS = List.of("code", "neighbourhood", "district", "dwellings",
			"reports_12m", "report_rate_12m", "range_low", "range_high", "rank", "flag", "change_year",
			"change_verdict", "dwelling_repeat_rate_12m", "repeat_range_low", "repeat_range_high", "repeat_flag",
			"closed_within_target_share", "closed_range_low", "closed_range_high", "closed_flag",
			"participation_rate_12m", "concentration_top10_12m", "liveability_index", "index_rank", "band",
			"index_change_year");
	static final List<String> PUBLIC_COMPLEX_COLUMNS = List.of("neighbourhood", "complex_id", "complex", "dwellings",
			"reports_12m", "report_rate_12m", "ci_low", "ci_high", "flag", "dwelling_repeat_rate_12m",
			"liveability_index", "band");
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

	XSSFWorkbook neighbourhoods;

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
		new CommandLine(runner).runSampleMonth(jdbc, jobRepository, MONTH, output, english);

		nl = WorkbookCells.labels("nl");
		en = WorkbookCells.labels("en");
		Path folder = output.resolve(MONTH.toString());
		neighbourhoods = new XSSFWorkbook(folder.resolve("neighbourhoods-2026-10.xlsx").toFile());
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
		for (XSSFWorkbook workbook : new XSSFWorkbook[] { neighbourhoods, neighbourhoodsEn }) {
			if (workbook != null) {
				workbook.close();
			}
		}
		CommandLine.forgetRuns(jdbc, jobRepository, MONTH.toString(), "monthly", "report");
	}

	@Test
	void theNeighbourhoodWorkbookHasTheSheetsOfTheContractInOrder() {
		assertThat(sheetNames(neighbourhoods))
			.isEqualTo(NEIGHBOURHOOD_SHEETS.stream().map(s -> nl.getProperty("sheet." + s)).toList());
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
			if (suppressed(repeat)) {
				suppressedCells++;
				assertBlank(what, row, table, "dwelling_repeat_rate_12m");
			}
			else {
				assertSame(what + " dwelling repeats", number(row.getCell(table.column("dwelling_repeat_rate_12m"))),
						Csv.number(repeat.get("value")));
			}
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
		for (XSSFWorkbook workbook : List.of(neighbourhoods, neighbourhoodsEn)) {
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
		assertThat(sheetNames(neighbourhoodsEn))
			.isEqualTo(NEIGHBOURHOOD_SHEETS.stream().map(s -> en.getProperty("sheet." + s)).toList());
		WorkbookCells.Table buurten = WorkbookCells.table(
				neighbourhoodsEn.getSheet(en.getProperty("sheet.neighbourhoods")), en, "neighbourhoods.column.",
				NEIGHBOURHOOD_COLUMNS);
		// the city row first, then the 12 neighbourhoods
		assertThat(buurten.rows()).hasSize(13);
		assertThat(text(buurten.rows().get(0).getCell(buurten.column("neighbourhood"))))
			.isEqualTo(en.getProperty("neighbourhoods.city"));
		assertThat(en.getProperty("neighbourhoods.column.dwellings"))
			.isNotEqualTo(nl.getProperty("neighbourhoods.column.dwellings"));
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
			// suppressed in the CSV: empty, or an explained blank ("– kleine aantallen")
			String shown = text(row.getCell(table.column(column)));
			assertThat(shown == null || shown.startsWith("–")).as(what + " " + column + ": '" + shown + "'").isTrue();
		}
	}

	private static boolean suppressed(Map<String, String> figure) {
		return figure.get("flag").equals("suppressed");
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

	private static List<String> sheetNames(XSSFWorkbook workbook) {
		List<String> names = new ArrayList<>();
		workbook.forEach(sheet -> names.add(sheet.getSheetName()));
		return names;
	}

}
