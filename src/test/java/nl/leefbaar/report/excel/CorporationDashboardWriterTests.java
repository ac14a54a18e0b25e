package nl.leefbaar.report.excel;

import static nl.leefbaar.report.excel.WorkbookFixture.MONTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import nl.leefbaar.domain.Category;
import nl.leefbaar.report.ReportWriter.ReportRequest;
import nl.leefbaar.report.ReportWriter.ReportScope;
import nl.leefbaar.support.TestDatabase;
import nl.leefbaar.system.LeefbaarProperties;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class CorporationDashboardWriterTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CorporationDashboardWriter writer;

	@Autowired
	FigureStore store;

	@Autowired
	LeefbaarProperties properties;

	@Autowired
	ObjectProvider<FunnelImageSource> funnel;

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
		List<Path> files = writer.write(new ReportRequest(MONTH, out.resolve("2025-06"), locale, ReportScope.CITY));
		assertThat(files).containsExactly(out.resolve("2025-06").resolve("dashboard-corporation-2025-06.xlsx"));
		return Workbooks.open(files.get(0));
	}

	@Test
	void hasTheSixSheetsWithDutchNamesByDefault() throws Exception {
		try (XSSFWorkbook workbook = write(Locale.forLanguageTag("nl"))) {
			assertThat(Workbooks.sheetNames(workbook)).containsExactly("Overzicht", "Complexen", "Herhaalmeldingen",
					"Activiteiten", "Trends", "Toelichting");
			assertThat(workbook.getSheet("Complexen").getRow(2).getCell(0).getStringCellValue())
				.isEqualTo("Complexnummer");
		}
	}

	@Test
	void writesEnglishLabelsForAnEnglishRequest() throws Exception {
		try (XSSFWorkbook workbook = write(Locale.ENGLISH)) {
			assertThat(Workbooks.sheetNames(workbook)).containsExactly("Overview", "Complexes", "Repeat reports",
					"Activities", "Trends", "Notes");
			Sheet complexes = workbook.getSheet("Complexes");
			assertThat(complexes.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Complex id");
			assertThat(Workbooks.rowWith(workbook.getSheet("Overview"), 0, "Reports this month", 0)).isNotNull();
		}
	}

	@Test
	void complexRowsShowTheStoredFiguresWorstFirst() throws Exception {
		try (XSSFWorkbook workbook = write(Locale.forLanguageTag("nl"))) {
			Sheet sheet = workbook.getSheet("Complexen");
			int header = 2;
			List<Integer> severities = new ArrayList<>();
			for (String complex : WorkbookFixture.COMPLEXES) {
				Row row = Workbooks.rowWith(sheet, 0, complex, header);
				assertThat(row).as(complex).isNotNull();
				assertStored(row, 4, "complex", complex, "reports");
				assertStored(row, 5, "complex", complex, "reports_12m");
				assertStored(row, 6, "complex", complex, "report_rate_12m");
				assertStored(row, 9, "complex", complex, "dwelling_repeat_rate_12m");
				assertStored(row, 11, "complex", complex, "repeat_rate_12m");
				assertThat(Workbooks.number(row, 12))
					.isEqualTo(stored.column("ci_low", "complex", complex, "all", "repeat_rate_12m", MONTH));
				assertThat(Workbooks.number(row, 13))
					.isEqualTo(stored.column("ci_high", "complex", complex, "all", "repeat_rate_12m", MONTH));
				assertStored(row, 15, "complex", complex, "days_to_close_median");
				assertStored(row, 16, "complex", complex, "open_overdue");
				assertStored(row, 17, "complex", complex, "activities");
				assertStored(row, 18, "complex", complex, "liveability_index");
				Double index = stored.value("complex", complex, "all", "liveability_index", MONTH);
				Band band = Band.of(index);
				assertThat(Workbooks.text(row, 19))
					.isEqualTo(band == null ? null : Labels.of(Locale.forLanguageTag("nl")).get(band.key()));
				String flag = stored.flag("complex", complex, "all", "report_rate_12m", MONTH);
				assertThat(Workbooks.text(row, 20))
					.isEqualTo(flag == null ? null : Labels.of(Locale.forLanguageTag("nl")).flag(flag));
				severities.add(row.getRowNum() * 10 + Figure.severity(flag));
			}
			List<Integer> bySeverity = severities.stream().sorted().map(s -> s % 10).toList();
			assertThat(bySeverity).isSorted();
		}
	}

	@Test
	void intervalOfTheRateShowsOnlyForSmallComplexes() throws Exception {
		try (XSSFWorkbook workbook = write(Locale.forLanguageTag("nl"))) {
			Sheet sheet = workbook.getSheet("Complexen");
			Row small = Workbooks.rowWith(sheet, 0, "C2", 2); // 40 dwellings
			assertThat(Workbooks.number(small, 7))
				.isEqualTo(stored.column("ci_low", "complex", "C2", "all", "report_rate_12m", MONTH));
			assertThat(Workbooks.number(small, 8))
				.isEqualTo(stored.column("ci_high", "complex", "C2", "all", "report_rate_12m", MONTH));
			Row large = Workbooks.rowWith(sheet, 0, "C4", 2); // 200 dwellings
			Double reports12 = stored.value("complex", "C4", "all", "reports_12m", MONTH);
			if (reports12 != null && reports12 >= 20) {
				assertThat(Workbooks.number(large, 7)).isNull();
			}
		}
	}

	@Test
	void overviewShowsTheCityFiguresOfThisMonthLastMonthAndLastYear() throws Exception {
		try (XSSFWorkbook workbook = write(Locale.forLanguageTag("nl"))) {
			Sheet sheet = workbook.getSheet("Overzicht");
			Labels labels = Labels.of(Locale.forLanguageTag("nl"));
			for (OverviewSheet.Headline headline : OverviewSheet.HEADLINES) {
				Row row = Workbooks.rowWith(sheet, 0, labels.get("headline." + headline.indicator()), 0);
				assertThat(row).as(headline.indicator()).isNotNull();
				assertThat(Workbooks.number(row, 1))
					.isEqualTo(stored.value("city", "city", "all", headline.indicator(), MONTH));
				assertThat(Workbooks.number(row, 2))
					.isEqualTo(stored.value("city", "city", "all", headline.indicator(), MONTH.minusMonths(1)));
				assertThat(Workbooks.number(row, 6))
					.isEqualTo(stored.value("city", "city", "all", headline.indicator(), MONTH.minusYears(1)));
			}
			Row reports = Workbooks.rowWith(sheet, 0, labels.get("headline.reports"), 0);
			Double now = Workbooks.number(reports, 1);
			Double before = Workbooks.number(reports, 2);
			String mark = Workbooks.text(reports, 5);
			assertThat(mark).isEqualTo(now > before ? "▲" : now < before ? "▼" : "=");
			if (!now.equals(before)) {
				// more reports is bad news: vermillion; fewer is good: blue (Okabe-Ito)
				var font = ((org.apache.poi.xssf.usermodel.XSSFCellStyle) reports.getCell(5).getCellStyle()).getFont();
				String rgb = java.util.HexFormat.of().formatHex(font.getXSSFColor().getRGB());
				assertThat(rgb).isEqualTo(now > before ? "d55e00" : "0072b2");
			}
		}
	}

	@Test
	void chartsAreNativeAndTrendsTableHoldsTheStoredSeries() throws Exception {
		try (XSSFWorkbook workbook = write(Locale.forLanguageTag("nl"))) {
			XSSFSheet overview = workbook.getSheet("Overzicht");
			assertThat(((XSSFDrawing) overview.getDrawingPatriarch()).getCharts()).hasSize(3);
			XSSFSheet trends = workbook.getSheet("Trends");
			assertThat(((XSSFDrawing) trends.getDrawingPatriarch()).getCharts()).hasSize(TrendSheet.BLOCKS.size());
			int firstMonth = Workbooks.rowWith(trends, 0, MONTH.minusMonths(23).toString(), 0).getRowNum();
			List<String> categories = CitySeries.categories();
			for (int i = 0; i < 24; i++) {
				Row row = trends.getRow(firstMonth + i);
				YearMonth month = MONTH.minusMonths(23 - i);
				assertThat(Workbooks.text(row, 0)).isEqualTo(month.toString());
				for (int c = 0; c < categories.size(); c++) {
					assertThat(Workbooks.number(row, 1 + c))
						.isEqualTo(stored.value("city", "city", categories.get(c), "report_rate", month));
				}
			}
		}
	}

	@Test
	void repeatSheetListsHotspotsAndTheDwellingsWithRepeats() throws Exception {
		try (XSSFWorkbook workbook = write(Locale.forLanguageTag("nl"))) {
			Sheet sheet = workbook.getSheet("Herhaalmeldingen");
			Labels labels = Labels.of(Locale.forLanguageTag("nl"));
			int hotspotHeader = Workbooks.rowStartingWith(sheet, "Complexnummer");
			Row first = sheet.getRow(hotspotHeader + 1);
			assertThat(Workbooks.text(first, 0)).isEqualTo("C1");
			assertThat(Workbooks.text(first, 3)).isEqualTo(labels.category("pollution"));
			assertThat(Workbooks.number(first, 4)).isEqualTo(7.0);
			assertThat(Workbooks.number(sheet.getRow(hotspotHeader + 2), 4)).isEqualTo(4.0);
			assertThat(Workbooks.text(sheet.getRow(hotspotHeader + 2), 0)).isEqualTo("C1"); // more
																							// recent
																							// of
																							// the
																							// two
																							// with
																							// 4

			Row d17 = Workbooks.rowWith(sheet, 4, "D-17", 0);
			assertThat(Workbooks.number(d17, 5)).isEqualTo(3.0);
			assertThat(Workbooks.number(d17, 6)).isEqualTo(2.0);
			Row d20 = Workbooks.rowWith(sheet, 4, "D-20", 0);
			assertThat(Workbooks.number(d20, 6)).isEqualTo(1.0);
			assertThat(d20.getRowNum()).isGreaterThan(d17.getRowNum());
			assertThat(Workbooks.rowWith(sheet, 4, "D-18", 0)).as("no repeat within 90 days").isNull();
		}
	}

	@Test
	void activitySheetShowsTheMonthsActivitiesAndTheStoredEffects() throws Exception {
		try (XSSFWorkbook workbook = write(Locale.forLanguageTag("nl"))) {
			Sheet sheet = workbook.getSheet("Activiteiten");
			assertThat(Workbooks.rowWith(sheet, 0, "A1", 0)).isNotNull();
			assertThat(Workbooks.number(Workbooks.rowWith(sheet, 0, "A2", 0), 6)).isEqualTo(40.0);
			Row a0 = Workbooks.rowWith(sheet, 0, "A0", 0);
			assertThat(Workbooks.number(a0, 7)).isEqualTo(12.0);
			assertThat(Workbooks.number(a0, 8)).isEqualTo(5.0);
			assertThat(Workbooks.number(a0, 9)).isEqualTo(0.4166666666666667);
			assertThat(Workbooks.number(a0, 10)).isEqualTo(0.12);
			assertThat(Workbooks.number(a0, 11)).isEqualTo(1.21);
			assertThat(Workbooks.number(a0, 12)).isEqualTo(0.1435);
			assertThat(Workbooks.number(a0, 15)).isEqualTo(0.9);
			assertThat(Workbooks.number(a0, 16)).isEqualTo(0.462962962962963);
			Row pooled = Workbooks.rowWith(sheet, 0, "Samen per type", 0);
			assertThat(Workbooks.number(pooled, 7)).isEqualTo(12.0);
			// A1 is listed among the month's activities and again with its effect row:
			// too recent
			Row a1Effect = Workbooks.rowWith(sheet, 0, "A1", Workbooks.rowWith(sheet, 0, "A1", 0).getRowNum());
			assertThat(Workbooks.text(a1Effect, 17)).isEqualTo("te recent");
			assertThat(Workbooks.number(a1Effect, 9)).isNull();
		}
	}

	@Test
	void notesShowRejectedRowsReferenceYearAndFunnelStatistics() throws Exception {
		try (XSSFWorkbook workbook = write(Locale.forLanguageTag("nl"))) {
			Sheet sheet = workbook.getSheet("Toelichting");
			Labels labels = Labels.of(Locale.forLanguageTag("nl"));
			assertThat(Workbooks.number(Workbooks.rowWith(sheet, 0, labels.get("notes.import.rejected"), 0), 1))
				.isEqualTo(10.0);
			assertThat(Workbooks.number(Workbooks.rowWith(sheet, 0, labels.get("notes.setting.reference_year"), 0), 1))
				.isEqualTo(2024.0);
			assertThat(Workbooks.number(Workbooks.rowWith(sheet, 0, labels.get("notes.setting.repeat_window"), 0), 1))
				.isEqualTo((double) properties.indicators().repeatWindowDays());
			assertThat(Workbooks.cells(workbook)
				.stream()
				.filter(c -> c.getCellType() == CellType.STRING)
				.map(Cell::getStringCellValue)).anyMatch(s -> s.contains("phi 1,800") && s.contains("tau² 0,012"));
		}
	}

	@Test
	void noCellIsAFormulaAndInjectionNamesStayLiteralText() throws Exception {
		try (XSSFWorkbook workbook = write(Locale.forLanguageTag("nl"))) {
			assertThat(Workbooks.cells(workbook)).noneMatch(c -> c.getCellType() == CellType.FORMULA);
			Sheet complexes = workbook.getSheet("Complexen");
			Cell injection = Workbooks.rowWith(complexes, 0, "C1", 2).getCell(1);
			assertThat(injection.getCellType()).isEqualTo(CellType.STRING);
			assertThat(injection.getStringCellValue()).isEqualTo(WorkbookFixture.INJECTION_NAME);
			Cell phone = Workbooks.rowWith(complexes, 0, "C2", 2).getCell(1);
			assertThat(phone.getCellType()).isEqualTo(CellType.STRING);
			assertThat(phone.getStringCellValue()).isEqualTo(WorkbookFixture.PHONE_NAME);
			assertThat(Workbooks.rowWith(workbook.getSheet("Herhaalmeldingen"), 1, WorkbookFixture.INJECTION_NAME, 0))
				.isNotNull();
		}
	}

	@Test
	void complexSheetHasFrozenHeaderAutofilterAndPrintSetup() throws Exception {
		try (XSSFWorkbook workbook = write(Locale.forLanguageTag("nl"))) {
			XSSFSheet sheet = workbook.getSheet("Complexen");
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 3);
			assertThat(sheet.getCTWorksheet().isSetAutoFilter()).isTrue();
			for (Sheet each : workbook) {
				assertThat(each.getPrintSetup().getLandscape()).as(each.getSheetName()).isTrue();
				// fitted to one page width only where that stays readable
				assertThat(each.getFitToPage() ? each.getPrintSetup().getFitWidth() : each.getPrintSetup().getScale())
					.as(each.getSheetName())
					.isIn((short) 1, SheetWriter.WIDE_TABLE_SCALE, (short) 100);
			}
			assertThat(sheet.getRepeatingRows()).isNotNull();
		}
	}

	@Test
	void embedsTheFunnelImageWhenASourceExists() throws Exception {
		byte[] png = onePixelPng();
		CorporationDashboardWriter withFunnel = new CorporationDashboardWriter(store, properties,
				providerOf((month, locale, w, h) -> Optional.of(png)));
		Path file = withFunnel.write(new ReportRequest(MONTH, out, Locale.forLanguageTag("nl"), ReportScope.CITY))
			.get(0);
		try (XSSFWorkbook workbook = Workbooks.open(file)) {
			assertThat(workbook.getAllPictures()).hasSize(1);
		}
	}

	@Test
	void aFailedWriteLeavesTheOlderFileAndNoTemporaryFile() throws Exception {
		Path folder = out.resolve("2025-06");
		Files.createDirectories(folder);
		Path existing = folder.resolve(CorporationDashboardWriter.fileName(MONTH));
		Files.writeString(existing, "last month's good file");
		CorporationDashboardWriter failing = new CorporationDashboardWriter(store, properties,
				providerOf((month, locale, w, h) -> {
					throw new IllegalStateException("chart renderer broke");
				}));
		assertThatThrownBy(
				() -> failing.write(new ReportRequest(MONTH, folder, Locale.forLanguageTag("nl"), ReportScope.CITY)))
			.hasMessageContaining("chart renderer broke");
		assertThat(Files.readString(existing)).isEqualTo("last month's good file");
		try (Stream<Path> files = Files.list(folder)) {
			assertThat(files).containsExactly(existing);
		}
	}

	private void assertStored(Row row, int column, String level, String unit, String indicator) {
		assertThat(Workbooks.number(row, column)).as(unit + " " + indicator)
			.isEqualTo(stored.value(level, unit, Category.ALL, indicator, MONTH));
	}

	static byte[] onePixelPng() throws Exception {
		var image = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
		var bytes = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, "png", bytes);
		return bytes.toByteArray();
	}

	static ObjectProvider<FunnelImageSource> providerOf(FunnelImageSource source) {
		return new ObjectProvider<>() {
			@Override
			public FunnelImageSource getObject() {
				return source;
			}

			@Override
			public FunnelImageSource getObject(Object... args) {
				return source;
			}

			@Override
			public FunnelImageSource getIfAvailable() {
				return source;
			}

			@Override
			public FunnelImageSource getIfUnique() {
				return source;
			}
		};
	}

}
