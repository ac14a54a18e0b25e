package nl.leefbaar.report.excel;

import static nl.leefbaar.report.excel.WorkbookFixture.MONTH;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import nl.leefbaar.indicators.stats.FunnelFlag;
import nl.leefbaar.indicators.stats.ExpectedRange;
import nl.leefbaar.indicators.stats.Funnels;
import nl.leefbaar.indicators.stats.Interval;
import nl.leefbaar.report.ReportWriter.ReportRequest;
import nl.leefbaar.report.ReportWriter.ReportScope;
import nl.leefbaar.support.TestDatabase;
import nl.leefbaar.system.LeefbaarProperties;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class NeighbourhoodWorkbookWriterTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	LeefbaarProperties properties;

	@Autowired
	NeighbourhoodWorkbookWriter writer;

	@TempDir
	Path out;

	StoredFigures stored;

	@BeforeEach
	void givenStoredFigures() {
		TestDatabase.clearDomainTables(jdbc);
		WorkbookFixture.insert(jdbc);
		stored = new StoredFigures(jdbc);
	}

	private XSSFWorkbook write(Locale locale) throws Exception {
		List<Path> files = writer.write(new ReportRequest(MONTH, out, locale, ReportScope.CITY, properties));
		assertThat(files).containsExactly(out.resolve("neighbourhoods-2025-06.xlsx"));
		return Workbooks.open(files.get(0));
	}

	/**
	 * The rule of indicators-public.csv: counts from 1 to 4 and what is built on them are
	 * hidden.
	 */
	private static boolean shown(Double count) {
		return count == null || count < 1 || count >= 5;
	}

	@Test
	void hasNeighbourhoodsDistrictsComplexesAndNotes() throws Exception {
		try (XSSFWorkbook nl = write(Locale.forLanguageTag("nl"))) {
			assertThat(Workbooks.sheetNames(nl)).containsExactly("Kaart", "Buurten", "Wijken", "Complexen",
					"Toelichting");
		}
		try (XSSFWorkbook en = write(Locale.ENGLISH)) {
			assertThat(Workbooks.sheetNames(en)).containsExactly("Map", "Neighbourhoods", "Districts", "Complexes",
					"Notes");
			assertThat(en.getSheet("Neighbourhoods").getRow(2).getCell(1).getStringCellValue())
				.isEqualTo("Neighbourhood");
		}
	}

	@Test
	void neighbourhoodFiguresEqualTheStoredOnesWhereTheyMayBeShown() throws Exception {
		try (XSSFWorkbook workbook = write(Locale.forLanguageTag("nl"))) {
			Sheet sheet = workbook.getSheet("Buurten");
			for (String code : List.of("N1", "N3")) {
				Row row = Workbooks.rowWith(sheet, 0, code, 2);
				Double reports = stored.value("neighbourhood", code, "all", "reports_12m", MONTH);
				if (reports == null) {
					assertThat(Workbooks.text(row, 4)).startsWith("\u2013 ");
				}
				else if (shown(reports)) {
					assertThat(Workbooks.number(row, 4)).isEqualTo(reports);
				}
				Double rateCount = stored.column("numerator", "neighbourhood", code, "all", "report_rate_12m", MONTH);
				Double rate = stored.value("neighbourhood", code, "all", "report_rate_12m", MONTH);
				if (rate != null && shown(rateCount)) {
					assertThat(Workbooks.number(row, 5)).isEqualTo(rate);
					Interval range = expectedRange(code);
					assertThat(Workbooks.number(row, 6)).isEqualTo(range.low());
					assertThat(Workbooks.number(row, 7)).isEqualTo(range.high());
					Double lastYear = stored.value("neighbourhood", code, "all", "report_rate_12m",
							MONTH.minusYears(1));
					Double lastYearCount = stored.column("numerator", "neighbourhood", code, "all", "report_rate_12m",
							MONTH.minusYears(1));
					if (lastYear != null && shown(lastYearCount) && lastYear > 0) {
						// the change of the rate in %, tested: its verdict beside it
						assertThat(Workbooks.number(row, 10)).isCloseTo(100 * (rate / lastYear - 1),
								Assertions.within(1e-9));
						assertThat(Workbooks.text(row, 11)).containsAnyOf("beter", "slechter",
								"geen duidelijke verandering");
					}
				}
				Double share = stored.value("neighbourhood", code, "all", "dwelling_repeat_rate_12m", MONTH);
				Double x = stored.column("numerator", "neighbourhood", code, "all", "dwelling_repeat_rate_12m", MONTH);
				Double n = stored.column("denominator", "neighbourhood", code, "all", "dwelling_repeat_rate_12m",
						MONTH);
				if (share != null && shown(x) && shown(n)) {
					assertThat(Workbooks.number(row, 12)).isEqualTo(share);
				}
				else if (share != null) {
					// hidden by the rules, and saying so
					assertThat(Workbooks.text(row, 12)).isEqualTo("\u2013 kleine aantallen");
				}
				else {
					assertThat(Workbooks.text(row, 12)).startsWith("\u2013 ");
				}
				assertThat(Workbooks.number(row, 22))
					.isEqualTo(stored.value("neighbourhood", code, "all", "liveability_index", MONTH));
			}
		}
	}

	/**
	 * The expected range of a neighbourhood's report_rate_12m: the 95 % funnel limits at
	 * its dwellings around all neighbourhoods' rate, unadjusted as the fixture's
	 * funnel_stat says (the exact tail rule).
	 */
	private Interval expectedRange(String code) {
		double perDwelling = jdbc.queryForObject("""
				select sum(numerator) / sum(denominator) from indicator_value where period = ?
				  and level = 'neighbourhood' and category = 'all' and indicator = 'report_rate_12m'
				  and denominator > 0""", Double.class, WorkbookFixture.date(MONTH));
		double dwellings = stored.column("denominator", "neighbourhood", code, "all", "report_rate_12m", MONTH);
		Interval counts = ExpectedRange.ofCount(perDwelling * dwellings, false, 0);
		return new Interval(100 * counts.low() / dwellings, 100 * counts.high() / dwellings);
	}

	@Test
	void theRangeBesideEachFlagIsTheFunnelLimitThatDecidesIt() throws Exception {
		try (XSSFWorkbook workbook = write(Locale.forLanguageTag("nl"))) {
			Sheet sheet = workbook.getSheet("Buurten");
			for (String code : List.of("N1", "N3")) {
				Row row = Workbooks.rowWith(sheet, 0, code, 2);
				double dwellings = stored.column("denominator", "neighbourhood", code, "all", "report_rate_12m", MONTH);
				Interval range = expectedRange(code);
				assertThat(Workbooks.number(row, 6)).isEqualTo(range.low());
				assertThat(Workbooks.number(row, 7)).isEqualTo(range.high());
				// the same limits decide the flag: counts inside are in range, one beyond
				// is
				// flagged, by the rule the indicators stage applies
				double perDwelling = range.low() >= 0 ? jdbc.queryForObject("""
						select sum(numerator) / sum(denominator) from indicator_value where period = ?
						  and level = 'neighbourhood' and category = 'all' and indicator = 'report_rate_12m'
						  and denominator > 0""", Double.class, WorkbookFixture.date(MONTH)) : 0;
				double expected = perDwelling * dwellings;
				long lowCount = Math.round(range.low() * dwellings / 100);
				long highCount = Math.round(range.high() * dwellings / 100);
				assertThat(Funnels.exactPoissonFlag(highCount, expected)).isEqualTo(FunnelFlag.IN_RANGE);
				assertThat(Funnels.exactPoissonFlag(highCount + 1, expected)).isIn(FunnelFlag.ELEVATED,
						FunnelFlag.HIGH);
				assertThat(Funnels.exactPoissonFlag(lowCount, expected)).isEqualTo(FunnelFlag.IN_RANGE);
				if (lowCount > 0) {
					assertThat(Funnels.exactPoissonFlag(lowCount - 1, expected)).isIn(FunnelFlag.REDUCED,
							FunnelFlag.LOW);
				}
			}
		}
	}

	@Test
	void theCityComesFirstWithItsOwnFiguresAndNoFlag() throws Exception {
		try (XSSFWorkbook workbook = write(Locale.forLanguageTag("nl"))) {
			Row city = workbook.getSheet("Buurten").getRow(3);
			assertThat(Workbooks.text(city, 1)).isEqualTo("Hele stad (referentie)");
			assertThat(Workbooks.number(city, 5))
				.isEqualTo(stored.value("city", "city", "all", "report_rate_12m", MONTH));
			assertThat(Workbooks.text(city, 9)).isNull();
			assertThat((Object) workbook.getSheet("Buurten").getRow(4)).isNotNull();
		}
	}

	@Test
	void theMapSheetComesFirstAndSaysWhyThereIsNoMapWithoutBoundaries() throws Exception {
		try (XSSFWorkbook workbook = write(Locale.forLanguageTag("nl"))) {
			Sheet map = workbook.getSheetAt(0);
			assertThat(map.getSheetName()).isEqualTo("Kaart");
			// the fixture's import folder holds no neighbourhoods.geojson
			assertThat(Workbooks.text(map.getRow(0), 0)).isEqualTo("Inhoud");
			assertThat(Workbooks.text(map.getRow(3), 0)).startsWith("Geen kaart: ");
		}
	}

	@Test
	void publishedComplexFiguresEqualTheStoredOnes() throws Exception {
		try (XSSFWorkbook workbook = write(Locale.forLanguageTag("nl"))) {
			Sheet sheet = workbook.getSheet("Complexen");
			for (String complex : List.of("C1", "C2", "C4")) {
				Row row = Workbooks.rowWith(sheet, 1, complex, 2);
				Double reports = stored.value("complex", complex, "all", "reports_12m", MONTH);
				if (shown(reports)) {
					assertThat(Workbooks.number(row, 4)).isEqualTo(reports);
				}
				else {
					assertThat(Workbooks.text(row, 4)).isEqualTo("<5");
				}
				Double rate = stored.value("complex", complex, "all", "report_rate_12m", MONTH);
				Double count = stored.column("numerator", "complex", complex, "all", "report_rate_12m", MONTH);
				if (rate != null && shown(count)) {
					assertThat(Workbooks.number(row, 5)).isEqualTo(rate);
				}
				else {
					// hidden or missing, and saying which
					assertThat(Workbooks.text(row, 5)).isIn("\u2013 kleine aantallen", "\u2013 geen gegevens");
				}
				assertThat(Workbooks.number(row, 10))
					.isEqualTo(stored.value("complex", complex, "all", "liveability_index", MONTH));
			}
		}
	}

	@Test
	void theWideTablesPrintWithTheirNamesOnEveryPage() throws Exception {
		try (XSSFWorkbook workbook = write(Locale.forLanguageTag("nl"))) {
			for (String name : List.of("Buurten", "Complexen")) {
				Sheet sheet = workbook.getSheet(name);
				int identifying = name.equals("Buurten") ? 2 : 3;
				// the Buurten table is wider than a page at a readable scale: over
				// several
				// pages, the identifying columns repeated; any sheet that is not fitted
				// to one page width does the same
				if (name.equals("Buurten")) {
					assertThat(sheet.getFitToPage()).isFalse();
				}
				if (!sheet.getFitToPage()) {
					assertThat(sheet.getRepeatingColumns()).as(name)
						.isEqualTo(new CellRangeAddress(-1, -1, 0, identifying - 1));
				}
				assertThat(sheet.getPaneInformation().getVerticalSplitPosition()).as(name)
					.isEqualTo((short) identifying);
				assertThat(sheet.getRepeatingRows()).as(name).isNotNull();
			}
		}
	}

	@Test
	void aCountOfThreeShowsAsBelowFiveAndItsRateIsBlank() throws Exception {
		try (XSSFWorkbook workbook = write(Locale.forLanguageTag("nl"))) {
			Row small = Workbooks.rowWith(workbook.getSheet("Buurten"), 0, WorkbookFixture.SMALL_NEIGHBOURHOOD, 2);
			assertThat(small.getCell(4).getCellType()).isEqualTo(CellType.STRING);
			assertThat(small.getCell(4).getStringCellValue()).isEqualTo("<5");
			// the rate built on it is not shown, and says why: never a blank that looks
			// missing
			assertThat(Workbooks.text(small, 5)).isEqualTo("\u2013 kleine aantallen");
			for (int column : new int[] { 6, 7, 8, 9, 10, 11 }) {
				assertThat(Workbooks.text(small, column)).as("column " + column).isNull();
			}
			// and the Toelichting explains the reason
			assertThat(Workbooks.cells(workbook))
				.filteredOn(
						c -> c.getSheet().getSheetName().equals("Toelichting") && c.getCellType() == CellType.STRING)
				.extracting(Cell::getStringCellValue)
				.anySatisfy(text -> assertThat(text).startsWith("Verborgen volgens de regels voor kleine aantallen"));
		}
	}

	@Test
	void aComplexUnderTheDwellingMinimumIsAbsentAndNoDwellingRefAppears() throws Exception {
		try (XSSFWorkbook workbook = write(Locale.forLanguageTag("nl"))) {
			Sheet complexes = workbook.getSheet("Complexen");
			assertThat(Workbooks.rowWith(complexes, 1, "C1", 2)).isNotNull();
			assertThat(Workbooks.rowWith(complexes, 1, WorkbookFixture.SMALL_COMPLEX, 2)).isNull();
			assertThat(Workbooks.cells(workbook)).filteredOn(c -> c.getCellType() == CellType.STRING)
				.extracting(Cell::getStringCellValue)
				.noneMatch(
						s -> s.contains("D-17") || s.contains("D-18") || s.contains("D-20") || s.equals("Klein hofje"));
		}
	}

	@Test
	void districtsSumNumeratorsAndDenominatorsOfTheirNeighbourhoods() throws Exception {
		try (XSSFWorkbook workbook = write(Locale.forLanguageTag("nl"))) {
			Row wijkB = Workbooks.rowWith(workbook.getSheet("Wijken"), 0, "Wijk B", 2);
			Double reports = stored.value("neighbourhood", "N3", "all", "reports_12m", MONTH);
			assertThat(Workbooks.number(wijkB, 2)).isEqualTo(200.0);
			assertThat(Workbooks.number(wijkB, 3)).isEqualTo(reports);
			assertThat(Workbooks.number(wijkB, 4)).isEqualTo(100 * reports / 200.0);
			Row wijkA = Workbooks.rowWith(workbook.getSheet("Wijken"), 0, "Wijk A", 2);
			Double x = stored.column("numerator", "neighbourhood", "N1", "all", "dwelling_repeat_rate_12m", MONTH)
					+ stored.column("numerator", "neighbourhood", "N2", "all", "dwelling_repeat_rate_12m", MONTH);
			Double n = stored.column("denominator", "neighbourhood", "N1", "all", "dwelling_repeat_rate_12m", MONTH)
					+ stored.column("denominator", "neighbourhood", "N2", "all", "dwelling_repeat_rate_12m", MONTH);
			assertThat(Workbooks.number(wijkA, 5)).isEqualTo(x / n);
		}
	}

	@Test
	void noCellIsAFormulaAndDataTextStaysLiteral() throws Exception {
		try (XSSFWorkbook workbook = write(Locale.forLanguageTag("nl"))) {
			assertThat(Workbooks.cells(workbook)).noneMatch(c -> c.getCellType() == CellType.FORMULA);
			Cell zuid = Workbooks.rowWith(workbook.getSheet("Buurten"), 0, "N3", 2).getCell(1);
			assertThat(zuid.getCellType()).isEqualTo(CellType.STRING);
			assertThat(zuid.getStringCellValue()).isEqualTo("@Zuid");
			assertThat(Workbooks.rowWith(workbook.getSheet("Complexen"), 2, WorkbookFixture.INJECTION_NAME, 2))
				.isNotNull();
		}
	}

}
