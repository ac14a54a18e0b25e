package nl.leefbaar.report.excel;

import static nl.leefbaar.report.excel.WorkbookFixture.MONTH;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import nl.leefbaar.report.ReportWriter.ReportRequest;
import nl.leefbaar.report.ReportWriter.ReportScope;
import nl.leefbaar.support.TestDatabase;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
		List<Path> files = writer.write(new ReportRequest(MONTH, out, locale, ReportScope.CITY));
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
			assertThat(Workbooks.sheetNames(nl)).containsExactly("Buurten", "Wijken", "Complexen", "Toelichting");
		}
		try (XSSFWorkbook en = write(Locale.ENGLISH)) {
			assertThat(Workbooks.sheetNames(en)).containsExactly("Neighbourhoods", "Districts", "Complexes", "Notes");
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
				if (shown(reports)) {
					assertThat(Workbooks.number(row, 4)).isEqualTo(reports);
				}
				Double rateCount = stored.column("numerator", "neighbourhood", code, "all", "report_rate_12m", MONTH);
				Double rate = stored.value("neighbourhood", code, "all", "report_rate_12m", MONTH);
				if (rate != null && shown(rateCount)) {
					assertThat(Workbooks.number(row, 5)).isEqualTo(rate);
					assertThat(Workbooks.number(row, 6))
						.isEqualTo(stored.column("ci_low", "neighbourhood", code, "all", "report_rate_12m", MONTH));
					assertThat(Workbooks.number(row, 7))
						.isEqualTo(stored.column("ci_high", "neighbourhood", code, "all", "report_rate_12m", MONTH));
					Double lastYear = stored.value("neighbourhood", code, "all", "report_rate_12m",
							MONTH.minusYears(1));
					Double lastYearCount = stored.column("numerator", "neighbourhood", code, "all", "report_rate_12m",
							MONTH.minusYears(1));
					if (lastYear != null && shown(lastYearCount)) {
						assertThat(Workbooks.number(row, 10)).isEqualTo(rate - lastYear);
					}
				}
				Double share = stored.value("neighbourhood", code, "all", "dwelling_repeat_rate_12m", MONTH);
				Double x = stored.column("numerator", "neighbourhood", code, "all", "dwelling_repeat_rate_12m", MONTH);
				Double n = stored.column("denominator", "neighbourhood", code, "all", "dwelling_repeat_rate_12m",
						MONTH);
				assertThat(Workbooks.number(row, 11)).isEqualTo(share != null && shown(x) && shown(n) ? share : null);
				assertThat(Workbooks.number(row, 21))
					.isEqualTo(stored.value("neighbourhood", code, "all", "liveability_index", MONTH));
			}
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
				assertThat(Workbooks.number(row, 5)).isEqualTo(rate != null && shown(count) ? rate : null);
				assertThat(Workbooks.number(row, 10))
					.isEqualTo(stored.value("complex", complex, "all", "liveability_index", MONTH));
			}
		}
	}

	@Test
	void aCountOfThreeShowsAsBelowFiveAndItsRateIsBlank() throws Exception {
		try (XSSFWorkbook workbook = write(Locale.forLanguageTag("nl"))) {
			Row small = Workbooks.rowWith(workbook.getSheet("Buurten"), 0, WorkbookFixture.SMALL_NEIGHBOURHOOD, 2);
			assertThat(small.getCell(4).getCellType()).isEqualTo(CellType.STRING);
			assertThat(small.getCell(4).getStringCellValue()).isEqualTo("<5");
			for (int column : new int[] { 5, 6, 7, 8, 9, 10 }) {
				assertThat(Workbooks.text(small, column)).as("column " + column).isNull();
			}
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
