package nl.leefbaar.report.excel;

import static nl.leefbaar.report.excel.WorkbookFixture.MONTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import nl.leefbaar.domain.Category;
import nl.leefbaar.indicators.stats.Change;
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
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The managers' dashboards on WorkbookFixture's figures: the team's over every complex,
 * one per owner over its own ("Wonen & Co": C1, C2; "=Ander(1)": C3; C4 has no owner).
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardWriterTests {

	static final Locale NL = Locale.forLanguageTag("nl");

	static final Labels LABELS = Labels.of(NL);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DashboardWriter writer;

	@Autowired
	FigureStore figures;

	@Autowired
	DashboardStore store;

	@Autowired
	DwellingRepeats dwellingRepeats;

	@Autowired
	LeefbaarProperties properties;

	@TempDir
	Path out;

	/** The dashboards of the fixture, written once for the tests that only read them. */
	@TempDir
	static Path written;

	List<Path> files;

	StoredFigures stored;

	@BeforeAll
	void givenStoredFiguresAndTheirDashboards() throws Exception {
		TestDatabase.clearDomainTables(jdbc);
		WorkbookFixture.insert(jdbc);
		stored = new StoredFigures(jdbc);
		files = writer.write(new ReportRequest(MONTH, written.resolve("2025-06"), NL, ReportScope.CITY, properties));
		writer.write(new ReportRequest(MONTH, written.resolve("en"), Locale.ENGLISH, ReportScope.CITY, properties));
	}

	private XSSFWorkbook dashboard(String slug) throws Exception {
		return Workbooks.open(written.resolve("2025-06").resolve("dashboard-" + slug + "-2025-06.xlsx"));
	}

	@Test
	void writesTheTeamsDashboardAndOneForEachOwnerNamedByItsSlug() throws Exception {
		Path folder = written.resolve("2025-06");
		// owners in code-point order of their names: "=Ander(1)" before "Wonen & Co"
		assertThat(files).containsExactly(folder.resolve("dashboard-team-2025-06.xlsx"),
				folder.resolve("dashboard-ander-1-2025-06.xlsx"), folder.resolve("dashboard-wonen-co-2025-06.xlsx"));
		try (Stream<Path> written = Files.list(folder)) {
			assertThat(written).containsExactlyInAnyOrderElementsOf(files);
		}
	}

	@Test
	void hasTheSixSheetsWithDutchNamesByDefaultAndEnglishOnes() throws Exception {
		try (XSSFWorkbook workbook = dashboard("team")) {
			assertThat(Workbooks.sheetNames(workbook)).containsExactly("Overzicht", "Complexen", "Herhaalmeldingen",
					"Activiteiten", "Trends", "Toelichting");
		}
		try (XSSFWorkbook workbook = Workbooks.open(written.resolve("en").resolve("dashboard-wonen-co-2025-06.xlsx"))) {
			assertThat(Workbooks.sheetNames(workbook)).containsExactly("Overview", "Complexes", "Repeat reports",
					"Activities", "Trends", "Notes");
			assertThat(Workbooks.rowWith(workbook.getSheet("Overview"), 0, "Reports this month", 0)).isNotNull();
			assertThat(workbook.getSheet("Complexes").getRow(2).getCell(0).getStringCellValue())
				.isEqualTo("Complex id");
		}
	}

	@Test
	void anOwnersComplexenHoldsItsComplexesOnlyAndTheTeamsEveryComplexWithItsOwner() throws Exception {
		try (XSSFWorkbook workbook = dashboard("wonen-co")) {
			assertThat(complexIds(workbook.getSheet("Complexen"))).containsExactlyInAnyOrder("C1", "C2");
		}
		try (XSSFWorkbook workbook = dashboard("ander-1")) {
			assertThat(complexIds(workbook.getSheet("Complexen"))).containsExactly("C3");
		}
		try (XSSFWorkbook workbook = dashboard("team")) {
			Sheet sheet = workbook.getSheet("Complexen");
			assertThat(complexIds(sheet)).containsExactlyInAnyOrder("C1", "C2", "C3", "C4");
			int owner = ComplexSheet.index(true).get("owner");
			assertThat(Workbooks.text(Workbooks.rowWith(sheet, 0, "C1", 2), owner)).isEqualTo(WorkbookFixture.OWNER);
			assertThat(Workbooks.text(Workbooks.rowWith(sheet, 0, "C4", 2), owner)).isNull();
		}
	}

	@Test
	void complexRowsShowTheStoredFigures() throws Exception {
		try (XSSFWorkbook workbook = dashboard("team")) {
			Sheet sheet = workbook.getSheet("Complexen");
			Map<String, Integer> at = ComplexSheet.index(true);
			for (String complex : WorkbookFixture.COMPLEXES) {
				Row row = Workbooks.rowWith(sheet, 0, complex, 2);
				for (String indicator : List.of("reports", "reports_12m", "report_rate_12m", "dwelling_repeat_rate_12m",
						"days_to_close_median", "open_overdue", "activities", "liveability_index")) {
					Double value = stored.value("complex", complex, Category.ALL, indicator, MONTH);
					Cell cell = row.getCell(at.get(indicator));
					if (value == null) {
						// an explained blank, never 0
						assertThat(cell == null ? "" : cell.toString()).as(complex + " " + indicator)
							.satisfiesAnyOf(t -> assertThat(t).isEmpty(), t -> assertThat(t).startsWith("– "));
					}
					else {
						assertThat(Workbooks.number(row, at.get(indicator))).as(complex + " " + indicator)
							.isEqualTo(value);
					}
				}
				String flag = stored.flag("complex", complex, "all", "report_rate_12m", MONTH);
				assertThat(Workbooks.text(row, at.get("funnel_flag")))
					.isEqualTo(flag == null ? null : LABELS.flag(flag));
				Double index = stored.value("complex", complex, "all", "liveability_index", MONTH);
				Band band = Band.of(index);
				assertThat(Workbooks.text(row, at.get("band"))).isEqualTo(band == null ? null : LABELS.get(band.key()));
			}
		}
	}

	@Test
	void theRateStandsWithItsExpectedRangeAndTheChangeOnLastYearIsTested() throws Exception {
		try (XSSFWorkbook workbook = dashboard("team")) {
			Sheet sheet = workbook.getSheet("Complexen");
			Map<String, Integer> at = ComplexSheet.index(true);
			for (String complex : WorkbookFixture.COMPLEXES) {
				Row row = Workbooks.rowWith(sheet, 0, complex, 2);
				Double rate = Workbooks.number(row, at.get("report_rate_12m"));
				if (rate != null) {
					assertThat(Workbooks.number(row, at.get("expected_low")))
						.isLessThanOrEqualTo(Workbooks.number(row, at.get("expected_high")));
				}
				Double now = stored.column("numerator", "complex", complex, "all", "report_rate_12m", MONTH);
				Double dwellingsNow = stored.column("denominator", "complex", complex, "all", "report_rate_12m", MONTH);
				Double before = stored.column("numerator", "complex", complex, "all", "report_rate_12m",
						MONTH.minusYears(1));
				Double dwellingsBefore = stored.column("denominator", "complex", complex, "all", "report_rate_12m",
						MONTH.minusYears(1));
				Change change = Change.ofCounts(Math.round(now), dwellingsNow, Math.round(before), dwellingsBefore);
				String verdict = Workbooks.text(row, at.get("change_verdict"));
				String word = LABELS.get("change." + change.verdict(false).name().toLowerCase(Locale.ROOT));
				assertThat(verdict).as(complex).endsWith(word);
				if (change.estimate() != null) {
					assertThat(Workbooks.number(row, at.get("change_year"))).isCloseTo(change.estimate(),
							Offset.offset(1e-9));
				}
			}
		}
	}

	@Test
	void theOverviewStartsWithTheTableOfContentsAndAttentionAndTheTeamsHeadlinesAreTheCitys() throws Exception {
		try (XSSFWorkbook workbook = dashboard("team")) {
			Sheet sheet = workbook.getSheet("Overzicht");
			assertThat(sheet.getRow(0).getCell(1).getHyperlink().getAddress()).isEqualTo("'Overzicht'!A1");
			assertThat(Workbooks.rowWith(sheet, 0, LABELS.get("overview.attention"), 0).getRowNum())
				.isLessThan(Workbooks.rowWith(sheet, 0, LABELS.get("overview.headlines"), 0).getRowNum());
			for (OverviewSheet.Headline headline : OverviewSheet.HEADLINES) {
				Row row = Workbooks.rowWith(sheet, 0, LABELS.get("headline." + headline.indicator()), 0);
				assertThat(row).as(headline.indicator()).isNotNull();
				Double now = stored.value("city", "city", "all", headline.indicator(), MONTH);
				if (now != null) {
					assertThat(Workbooks.number(row, 1)).isEqualTo(now);
				}
				Double lastYear = stored.value("city", "city", "all", headline.indicator(), MONTH.minusYears(1));
				if (lastYear != null) {
					assertThat(Workbooks.number(row, 5)).isEqualTo(lastYear);
				}
			}
		}
	}

	@Test
	void anOwnersHeadlinesAddUpItsComplexesAndTheCityStandsBeside() throws Exception {
		try (XSSFWorkbook workbook = dashboard("wonen-co")) {
			Sheet sheet = workbook.getSheet("Overzicht");
			Row reports = Workbooks.rowWith(sheet, 0, LABELS.get("headline.reports"), 0);
			double sum = stored.value("complex", "C1", "all", "reports", MONTH)
					+ stored.value("complex", "C2", "all", "reports", MONTH);
			assertThat(Workbooks.number(reports, 1)).isEqualTo(sum);
			assertThat(Workbooks.number(reports, 8)).isEqualTo(stored.value("city", "city", "all", "reports", MONTH));
			// an owner has no index of its own
			assertThat(Workbooks.rowWith(sheet, 0, LABELS.get("headline.liveability_index"), 0)).isNull();
		}
	}

	@Test
	void trendsHaveMonthsAsDatesAndTheStoredSeries() throws Exception {
		try (XSSFWorkbook workbook = dashboard("team")) {
			XSSFSheet trends = workbook.getSheet("Trends");
			assertThat(((XSSFDrawing) trends.getDrawingPatriarch()).getCharts()).hasSize(6);
			List<String> categories = ScopeSeries.categories();
			int header = Workbooks.rowStartingWith(trends, LABELS.get("trends.month"));
			// the first table: the 12-month figures; the blocks per category follow
			List<Integer> headers = new ArrayList<>();
			for (Row row : trends) {
				if (LABELS.get("trends.month").equals(Workbooks.text(row, 0))) {
					headers.add(row.getRowNum());
				}
			}
			assertThat(headers).hasSize(1 + TrendSheet.BLOCKS.size()).startsWith(header);
			int rateHeader = headers.get(1);
			for (int i = 0; i < 24; i++) {
				Row row = trends.getRow(rateHeader + 1 + i);
				assertThat(row.getCell(0).getLocalDateTimeCellValue().toLocalDate())
					.isEqualTo(MONTH.minusMonths(23 - i).atDay(1));
				assertThat(row.getCell(0).getCellStyle().getDataFormatString()).isEqualTo(Styles.MONTH);
				for (int c = 0; c < categories.size(); c++) {
					assertThat(Workbooks.number(row, 1 + c)).isEqualTo(
							stored.value("city", "city", categories.get(c), "report_rate", MONTH.minusMonths(23 - i)));
				}
			}
		}
	}

	@Test
	void herhaalmeldingenListsTheScopesHotspotsAndDwellingsWithRepeats() throws Exception {
		try (XSSFWorkbook workbook = dashboard("team")) {
			Sheet sheet = workbook.getSheet("Herhaalmeldingen");
			int hotspots = Workbooks.rowStartingWith(sheet, LABELS.get("column.complex_id"));
			assertThat(Workbooks.text(sheet.getRow(hotspots + 1), 0)).isEqualTo("C1");
			assertThat(Workbooks.number(sheet.getRow(hotspots + 1), 5)).isEqualTo(7.0);
			assertThat(Workbooks.rowWith(sheet, 0, "C4", hotspots)).isNotNull();
			// D-17 at C1: pollution on 1 March, 15 April and 1 June, each within 90 days
			// of
			// the one before: 3 reports, 2 repeats; D-18's two are 120 days apart
			Row d17 = Workbooks.rowWith(sheet, 5, "D-17", 0);
			assertThat(Workbooks.number(d17, 6)).isEqualTo(3.0);
			assertThat(Workbooks.number(d17, 7)).isEqualTo(2.0);
			assertThat(Workbooks.rowWith(sheet, 5, "D-18", 0)).isNull();
		}
		try (XSSFWorkbook workbook = dashboard("ander-1")) {
			Sheet sheet = workbook.getSheet("Herhaalmeldingen");
			assertThat(Workbooks.rowWith(sheet, 0, "C1", 0)).isNull();
			assertThat(Workbooks.rowWith(sheet, 4, "D-17", 0)).isNull();
			assertThat(Workbooks.rowWith(sheet, 0, LABELS.get("repeats.none"), 0)).isNotNull();
		}
	}

	@Test
	void activiteitenShowsTheResultPerTypeFirstThenTheMonthThenEachActivity() throws Exception {
		try (XSSFWorkbook workbook = dashboard("team")) {
			Sheet sheet = workbook.getSheet("Activiteiten");
			Row pooled = Workbooks.rowWith(sheet, 0, LABELS.code("type", "mediation"), 0);
			assertThat(Workbooks.number(pooled, 2)).isEqualTo(12.0);
			assertThat(Workbooks.number(pooled, 3)).isEqualTo(5.0);
			Row month = Workbooks.rowWith(sheet, 0, "A1", 0);
			assertThat(month.getRowNum()).isGreaterThan(pooled.getRowNum());
			assertThat(Workbooks.number(Workbooks.rowWith(sheet, 0, "A2", 0), 7)).isEqualTo(40.0);
			List<String> columns = ActivitySheet.effectColumns(true);
			Row a0 = Workbooks.rowWith(sheet, 0, "A0", 0);
			assertThat(Workbooks.number(a0, columns.indexOf("before"))).isEqualTo(12.0);
			assertThat(Workbooks.number(a0, columns.indexOf("rate_ratio"))).isEqualTo(0.4166666666666667);
			assertThat(Workbooks.number(a0, columns.indexOf("effect_vs_comparison"))).isEqualTo(0.462962962962963);
			Row a1Effect = Workbooks.rowWith(sheet, 0, "A1", month.getRowNum());
			assertThat(Workbooks.text(a1Effect, columns.indexOf("flag"))).isEqualTo("te recent");
			assertThat(Workbooks.number(a1Effect, columns.indexOf("rate_ratio"))).isNull();
		}
		try (XSSFWorkbook workbook = dashboard("wonen-co")) {
			Sheet sheet = workbook.getSheet("Activiteiten");
			assertThat(Workbooks.rowWith(sheet, 0, "A1", 0)).isNotNull();
			// A0 is at C4 (no owner); A2 is for N3, where this owner has no complex
			assertThat(Workbooks.rowWith(sheet, 0, "A0", 0)).isNull();
			assertThat(Workbooks.rowWith(sheet, 0, "A2", 0)).isNull();
		}
	}

	@Test
	void noCellIsAFormulaAndNamesThatLookLikeFormulasStayText() throws Exception {
		for (String slug : List.of("team", "wonen-co", "ander-1")) {
			try (XSSFWorkbook workbook = dashboard(slug)) {
				assertThat(Workbooks.cells(workbook)).noneMatch(c -> c.getCellType() == CellType.FORMULA);
			}
		}
		try (XSSFWorkbook workbook = dashboard("team")) {
			Cell injection = Workbooks.rowWith(workbook.getSheet("Complexen"), 0, "C1", 2).getCell(1);
			assertThat(injection.getCellType()).isEqualTo(CellType.STRING);
			assertThat(injection.getStringCellValue()).isEqualTo(WorkbookFixture.INJECTION_NAME);
			Cell owner = Workbooks.rowWith(workbook.getSheet("Complexen"), 0, "C3", 2)
				.getCell(ComplexSheet.index(true).get("owner"));
			assertThat(owner.getStringCellValue()).isEqualTo(WorkbookFixture.OTHER_OWNER);
		}
	}

	@Test
	void everySheetHasItsHeaderFooterAListsFilterAndAPrintSetup() throws Exception {
		try (XSSFWorkbook workbook = dashboard("wonen-co")) {
			for (Sheet sheet : workbook) {
				assertThat(sheet.getHeader().getLeft()).as(sheet.getSheetName())
					.isEqualTo("Leefbaarheid Wonen && Co, juni 2025");
				assertThat(sheet.getHeader().getRight()).isEqualTo("data t/m 1 juni 2025");
				assertThat(sheet.getFooter().getRight()).isEqualTo("pagina &P van &N");
				assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
				assertThat(sheet.getPaneInformation().isFreezePane()).as(sheet.getSheetName()).isTrue();
			}
			XSSFSheet complexes = workbook.getSheet("Complexen");
			assertThat(complexes.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 3);
			assertThat(complexes.getCTWorksheet().isSetAutoFilter()).isTrue();
			assertThat(complexes.getRepeatingRows()).isNotNull();
			assertThat(workbook.getSheet("Herhaalmeldingen").getTables()).isNotEmpty();
			assertThat(workbook.getSheet("Activiteiten").getTables()).isNotEmpty();
			assertThat(workbook.getProperties().getCoreProperties().getTitle())
				.isEqualTo("Leefbaarheid Wonen & Co, juni 2025");
		}
	}

	@Test
	void anOwnersFunnelImageIsDrawnFromItsComplexesAlone() throws Exception {
		List<List<String>> asked = new ArrayList<>();
		byte[] png = onePixelPng();
		DashboardWriter withFunnel = new DashboardWriter(figures, store, dwellingRepeats,
				providerOf((month, locale, ids, w, h) -> {
					asked.add(ids);
					return Optional.of(png);
				}));
		withFunnel.write(new ReportRequest(MONTH, out, NL, ReportScope.CITY, properties));
		assertThat(asked).containsExactly(null, List.of("C3"), List.of("C1", "C2"));
		try (XSSFWorkbook workbook = Workbooks.open(out.resolve("dashboard-wonen-co-2025-06.xlsx"))) {
			assertThat(workbook.getAllPictures()).hasSize(1);
		}
	}

	@Test
	void aFailedWriteLeavesTheOlderFileAndNoTemporaryFile() throws Exception {
		Path folder = out.resolve("2025-06");
		Files.createDirectories(folder);
		Path existing = folder.resolve("dashboard-team-2025-06.xlsx");
		Files.writeString(existing, "last month's good file");
		DashboardWriter failing = new DashboardWriter(figures, store, dwellingRepeats,
				providerOf((month, locale, ids, w, h) -> {
					throw new IllegalStateException("chart renderer broke");
				}));
		assertThatThrownBy(() -> failing.write(new ReportRequest(MONTH, folder, NL, ReportScope.CITY, properties)))
			.hasMessageContaining("chart renderer broke");
		assertThat(Files.readString(existing)).isEqualTo("last month's good file");
		try (Stream<Path> files = Files.list(folder)) {
			assertThat(files).containsExactly(existing);
		}
	}

	@Test
	void theDataDateIsTheLastReportDayUpToTheMonthsEnd() {
		assertThat(DashboardData.forAttention(MONTH, figures, store).dataUntil).isEqualTo(LocalDate.of(2025, 6, 1));
	}

	static List<String> complexIds(Sheet sheet) {
		List<String> ids = new ArrayList<>();
		for (Row row : sheet) {
			if (row.getRowNum() > 2 && Workbooks.text(row, 0) != null) {
				ids.add(Workbooks.text(row, 0));
			}
		}
		return ids;
	}

	static byte[] onePixelPng() throws Exception {
		var image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
		var bytes = new ByteArrayOutputStream();
		ImageIO.write(image, "png", bytes);
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
