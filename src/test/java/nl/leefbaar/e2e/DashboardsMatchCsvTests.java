package nl.leefbaar.e2e;

import static nl.leefbaar.e2e.WorkbookCells.assertSame;
import static nl.leefbaar.e2e.WorkbookCells.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import nl.leefbaar.cli.CommandRunner;
import nl.leefbaar.domain.OwnerSlugs;
import nl.leefbaar.indicators.stats.Change;
import nl.leefbaar.report.ReportWriter.ReportScope;
import nl.leefbaar.report.charts.ChartFigures;
import nl.leefbaar.report.charts.ChartRenderer;
import nl.leefbaar.support.WorkbookPackage;
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
 * Issue 19: the managers' dashboards on the sample data, read back with POI. The team's
 * dashboard shows indicators.csv's figures for every complex, each owner's the figures of
 * its own indicators-<slug>.csv for its own complexes only; the owners' exports hold
 * their complexes' rows and every neighbourhood and city row; the Aandacht list names the
 * complexes flagged high first; an owner's workbook holds nothing of another owner's
 * anywhere in its package (WorkbookPackage). The monthly job runs once on the sample data
 * (Dutch), the report command once more in English.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardsMatchCsvTests {

	static final YearMonth MONTH = YearMonth.of(2026, 10);

	static final List<String> SHEETS = List.of("overview", "complexes", "repeats", "activities", "trends", "notes");

	/** The Complexen sheet's figures of category all that indicators.csv holds. */
	static final List<String> FIGURES = List.of("reports", "reports_12m", "report_rate_12m", "dwelling_repeat_rate_12m",
			"days_to_close_median", "open_overdue", "activities", "liveability_index");

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

	@Autowired
	ChartRenderer charts;

	@Autowired
	ChartFigures chartFigures;

	Properties nl;

	Properties en;

	Path folder;

	/** owner name -> slug, as OwnerSlugs gives them for complexes.csv. */
	Map<String, String> slugs;

	/** complex id -> owner ("" for none), dwellings, dwelling refs. */
	Map<String, String> ownerOf = new HashMap<>();

	Map<String, Integer> dwellings = new HashMap<>();

	Map<String, Set<String>> dwellingRefs = new HashMap<>();

	Map<String, String> complexNames = new HashMap<>();

	/** level|unit|indicator|category -> row of indicators.csv. */
	Map<String, Map<String, String>> exact = new HashMap<>();

	List<Map<String, String>> effects;

	@BeforeAll
	void givenTheMonthlyJobAndAnEnglishReportRanOnTheSampleData() throws Exception {
		new CommandLine(runner).runSampleMonth(jdbc, jobRepository, MONTH, output, english);
		nl = WorkbookCells.labels("nl");
		en = WorkbookCells.labels("en");
		folder = output.resolve(MONTH.toString());
		for (Map<String, String> complex : Csv.read(CommandLine.SAMPLE_DATA.resolve("complexes.csv")).rows()) {
			ownerOf.put(complex.get("complex_id"), complex.get("owner"));
			dwellings.put(complex.get("complex_id"), Integer.parseInt(complex.get("dwellings")));
			complexNames.put(complex.get("complex_id"), complex.get("name"));
		}
		slugs = OwnerSlugs.assign(ownerOf.values());
		jdbc.query("select distinct complex_id, dwelling_ref from report where dwelling_ref is not null", rs -> {
			dwellingRefs.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
		});
		Csv.read(folder.resolve("indicators.csv")).rows().forEach(row -> exact.put(key(row), row));
		effects = Csv.read(folder.resolve("activity-effects.csv")).rows();
	}

	@AfterAll
	void forget() {
		CommandLine.forgetRuns(jdbc, jobRepository, MONTH.toString(), "monthly", "report");
	}

	private XSSFWorkbook workbook(Path monthFolder, String slug) throws Exception {
		return new XSSFWorkbook(monthFolder.resolve("dashboard-" + slug + "-" + MONTH + ".xlsx").toFile());
	}

	@Test
	void theSampleHasThreeOwnersEachWithItsDashboardAndExportsAndTheTeamOneOverAll() throws Exception {
		assertThat(slugs.values()).containsExactlyInAnyOrder("havensteder", "vestia", "woonstad-rotterdam");
		for (String slug : slugs.values()) {
			try (XSSFWorkbook workbook = workbook(folder, slug)) {
				assertThat(sheetNames(workbook))
					.isEqualTo(SHEETS.stream().map(s -> nl.getProperty("sheet." + s)).toList());
			}
			assertThat(folder.resolve("indicators-" + slug + ".csv")).isNotEmptyFile();
			assertThat(folder.resolve("activity-effects-" + slug + ".csv")).isNotEmptyFile();
		}
		assertThat(folder.resolve("dashboard-team-2026-10.xlsx")).isNotEmptyFile();
		assertThat(folder.resolve("dashboard-corporation-2026-10.xlsx")).doesNotExist();
	}

	@Test
	void eachOwnersExportHoldsItsComplexesAndEveryNeighbourhoodAndCityRowAsIndicatorsCsvHasThem() throws Exception {
		for (Map.Entry<String, String> owner : slugs.entrySet()) {
			List<Map<String, String>> rows = Csv.read(folder.resolve("indicators-" + owner.getValue() + ".csv")).rows();
			Set<String> complexes = new HashSet<>();
			int areas = 0;
			for (Map<String, String> row : rows) {
				assertThat(row).as("the same row in indicators.csv").isEqualTo(exact.get(key(row)));
				if (row.get("level").equals("complex")) {
					assertThat(ownerOf.get(row.get("unit_id"))).isEqualTo(owner.getKey());
					complexes.add(row.get("unit_id"));
				}
				else {
					areas++;
				}
			}
			assertThat(complexes).isEqualTo(complexesOf(owner.getKey()));
			assertThat(areas).isEqualTo(exact.values().stream().filter(r -> !r.get("level").equals("complex")).count());
			List<Map<String, String>> ownEffects = Csv
				.read(folder.resolve("activity-effects-" + owner.getValue() + ".csv"))
				.rows();
			List<Map<String, String>> expected = effects.stream()
				.filter(e -> e.get("activity_id").isEmpty() || owner.getKey().equals(ownerOf.get(e.get("complex_id"))))
				.toList();
			assertThat(ownEffects).isEqualTo(expected);
		}
	}

	@Test
	void theTeamsComplexenShowIndicatorsCsvForEveryComplexWithItsOwner() throws Exception {
		try (XSSFWorkbook workbook = workbook(folder, "team")) {
			WorkbookCells.Table table = complexTable(workbook, nl, true);
			Set<String> seen = new HashSet<>();
			for (Row row : table.rows()) {
				String id = text(row.getCell(table.column("complex_id")));
				assertThat(seen.add(id)).as("one row per complex: " + id).isTrue();
				checkComplexRow(table, row, id, nl, exact);
				assertThat(text(row.getCell(table.column("owner")))).isEqualTo(blankToNull(ownerOf.get(id)));
			}
			assertThat(seen).isEqualTo(ownerOf.keySet());
		}
	}

	@Test
	void eachOwnersComplexenShowItsOwnCsvForItsComplexesOnly() throws Exception {
		for (Map.Entry<String, String> owner : slugs.entrySet()) {
			Map<String, Map<String, String>> own = new HashMap<>();
			Csv.read(folder.resolve("indicators-" + owner.getValue() + ".csv")).rows().forEach(r -> own.put(key(r), r));
			try (XSSFWorkbook workbook = workbook(folder, owner.getValue())) {
				WorkbookCells.Table table = complexTable(workbook, nl, false);
				Set<String> seen = new HashSet<>();
				for (Row row : table.rows()) {
					String id = text(row.getCell(table.column("complex_id")));
					seen.add(id);
					checkComplexRow(table, row, id, nl, own);
				}
				assertThat(seen).isEqualTo(complexesOf(owner.getKey()));
			}
		}
	}

	@Test
	void complexenPutsTheAttentionComplexesFirstInTheirOrderThenTheIndexLowestFirst() throws Exception {
		for (String slug : List.of("team", "havensteder")) {
			try (XSSFWorkbook workbook = workbook(folder, slug)) {
				WorkbookCells.Table table = complexTable(workbook, nl, slug.equals("team"));
				int expectedRank = 1;
				Double previousIndex = null;
				boolean pastAttention = false;
				for (Row row : table.rows()) {
					Double rank = WorkbookCells.number(row.getCell(table.column("attention")));
					Double index = figure(row.getCell(table.column("liveability_index")));
					if (rank != null) {
						assertThat(pastAttention).as("attention complexes first").isFalse();
						assertThat(rank).isEqualTo((double) expectedRank++);
					}
					else {
						pastAttention = true;
						if (previousIndex != null && index != null) {
							assertThat(index).isGreaterThanOrEqualTo(previousIndex);
						}
						if (index == null) {
							previousIndex = Double.MAX_VALUE;
						}
						else if (previousIndex == null || previousIndex != Double.MAX_VALUE) {
							previousIndex = index;
						}
					}
				}
			}
		}
	}

	@Test
	void theTeamsAttentionListNamesTheComplexesFlaggedHighFirst() throws Exception {
		Set<String> high = new HashSet<>();
		for (Map<String, String> row : exact.values()) {
			if (row.get("level").equals("complex") && row.get("flag").equals("high")
					&& List.of("report_rate_12m", "dwelling_repeat_rate_12m").contains(row.get("indicator"))) {
				high.add(row.get("unit_id"));
			}
		}
		assertThat(high).as("the sample has complexes flagged high").isNotEmpty();
		try (XSSFWorkbook workbook = workbook(folder, "team")) {
			List<String> attention = attentionIds(workbook.getSheet(nl.getProperty("sheet.overview")));
			assertThat(attention).hasSizeLessThanOrEqualTo(10);
			if (high.size() <= 10) {
				assertThat(new HashSet<>(attention.subList(0, high.size()))).isEqualTo(high);
			}
			else {
				assertThat(attention).hasSize(10).allMatch(high::contains);
			}
		}
		for (Map.Entry<String, String> owner : slugs.entrySet()) {
			try (XSSFWorkbook workbook = workbook(folder, owner.getValue())) {
				List<String> attention = attentionIds(workbook.getSheet(nl.getProperty("sheet.overview")));
				assertThat(attention).as(owner.getKey() + "'s Aandacht")
					.allMatch(id -> owner.getKey().equals(ownerOf.get(id)));
				List<String> ownHigh = high.stream()
					.filter(id -> owner.getKey().equals(ownerOf.get(id)))
					.sorted()
					.toList();
				if (ownHigh.size() <= 10) {
					assertThat(attention).containsAll(ownHigh);
				}
			}
		}
	}

	@Test
	void theTeamsHeadlinesAreTheCitysRowsWithTheirTestedChanges() throws Exception {
		Map<String, Map<String, Double>> city = new HashMap<>();
		jdbc.query("""
				select period, indicator, value, numerator, denominator from indicator_value
				where level = 'city' and category = 'all' and period in (?, ?, ?)
				""", rs -> {
			Map<String, Double> figure = new HashMap<>();
			figure.put("value", nullable(rs, 3));
			figure.put("numerator", nullable(rs, 4));
			figure.put("denominator", nullable(rs, 5));
			city.put(rs.getDate(1).toLocalDate() + "|" + rs.getString(2), figure);
		}, Date.valueOf(MONTH.atDay(1)), Date.valueOf(MONTH.minusMonths(1).atDay(1)),
				Date.valueOf(MONTH.minusYears(1).atDay(1)));
		try (XSSFWorkbook workbook = workbook(folder, "team")) {
			Sheet sheet = workbook.getSheet(nl.getProperty("sheet.overview"));
			for (String indicator : List.of("reports", "report_rate_12m", "dwelling_repeat_rate_12m",
					"closed_within_target_share")) {
				Row row = rowWithText(sheet, nl.getProperty("headline." + indicator));
				Map<String, String> now = exact.get(String.join("|", "city", "city", indicator, "all"));
				assertSame(indicator, figure(row.getCell(1)), Csv.number(now.get("value")));
				Map<String, Double> yearAgo = city.get(MONTH.minusYears(1).atDay(1) + "|" + indicator);
				assertSame(indicator + " a year ago", figure(row.getCell(5)), yearAgo.get("value"));
				Change change = switch (indicator) {
					case "reports" -> Change.ofCounts(Math.round(Csv.number(now.get("value"))),
							city.get(MONTH.atDay(1) + "|report_rate").get("denominator"),
							Math.round(yearAgo.get("value")),
							city.get(MONTH.minusYears(1).atDay(1) + "|report_rate").get("denominator"));
					case "report_rate_12m" -> Change.ofCounts(Math.round(Csv.number(now.get("numerator"))),
							Csv.number(now.get("denominator")), Math.round(yearAgo.get("numerator")),
							yearAgo.get("denominator"));
					default -> Change.ofShares(Math.round(Csv.number(now.get("numerator"))),
							Math.round(Csv.number(now.get("denominator"))), Math.round(yearAgo.get("numerator")),
							Math.round(yearAgo.get("denominator")));
				};
				assertSame(indicator + " change on last year", figure(row.getCell(6)), change.estimate());
				boolean higherIsBetter = indicator.equals("closed_within_target_share");
				assertThat(text(row.getCell(7))).as(indicator)
					.endsWith(nl.getProperty("change." + change.verdict(higherIsBetter).name().toLowerCase()));
			}
		}
		assertThat(city).isNotEmpty();
	}

	@Test
	void anOwnersHeadlinesAddUpItsComplexesRowsInItsExport() throws Exception {
		for (Map.Entry<String, String> owner : slugs.entrySet()) {
			double reports = 0;
			double repeats = 0;
			double withDwelling = 0;
			for (Map<String, String> row : Csv.read(folder.resolve("indicators-" + owner.getValue() + ".csv")).rows()) {
				if (row.get("level").equals("complex") && row.get("category").equals("all")) {
					if (row.get("indicator").equals("reports")) {
						reports += Csv.number(row.get("value"));
					}
					if (row.get("indicator").equals("dwelling_repeat_rate_12m") && !row.get("numerator").isEmpty()) {
						repeats += Csv.number(row.get("numerator"));
						withDwelling += Csv.number(row.get("denominator"));
					}
				}
			}
			try (XSSFWorkbook workbook = workbook(folder, owner.getValue())) {
				Sheet sheet = workbook.getSheet(nl.getProperty("sheet.overview"));
				assertSame(owner.getKey() + " reports",
						figure(rowWithText(sheet, nl.getProperty("headline.reports")).getCell(1)), reports);
				assertSame(owner.getKey() + " dwelling repeats",
						figure(rowWithText(sheet, nl.getProperty("headline.dwelling_repeat_rate_12m")).getCell(1)),
						repeats / withDwelling);
				assertSame("the city beside it",
						figure(rowWithText(sheet, nl.getProperty("headline.reports")).getCell(8)),
						Csv.number(exact.get("city|city|reports|all").get("value")));
			}
		}
	}

	@Test
	void theActivityTablesAreActivityEffectsCsvsRows() throws Exception {
		Map<String, String> typeByLabel = new HashMap<>();
		nl.stringPropertyNames()
			.stream()
			.filter(k -> k.startsWith("type."))
			.forEach(k -> typeByLabel.put(nl.getProperty(k), k.substring("type.".length())));
		Map<String, Map<String, String>> byId = new HashMap<>();
		Map<String, Map<String, String>> pooled = new HashMap<>();
		for (Map<String, String> effect : effects) {
			if (effect.get("activity_id").isEmpty()) {
				pooled.put(effect.get("type"), effect);
			}
			else {
				byId.put(effect.get("activity_id"), effect);
			}
		}
		try (XSSFWorkbook workbook = workbook(folder, "team")) {
			Sheet sheet = workbook.getSheet(nl.getProperty("sheet.activities"));
			WorkbookCells.Table types = WorkbookCells.tableWithAll(sheet, nl, "activities.types.column.",
					List.of("type", "before", "after", "rate_ratio", "comparison_rate_ratio", "effect_vs_comparison"));
			assertThat(types.rows()).hasSize(pooled.size());
			for (Row row : types.rows()) {
				Map<String, String> effect = pooled.get(typeByLabel.get(text(row.getCell(types.column("type")))));
				for (String figure : List.of("before", "after", "rate_ratio", "comparison_rate_ratio",
						"effect_vs_comparison")) {
					assertSame("pooled " + figure, figure(row.getCell(types.column(figure))),
							Csv.number(effect.get(figure)));
				}
			}
			WorkbookCells.Table each = WorkbookCells.tableWithAll(sheet, nl, "activities.column.",
					List.of("activity_id", "type", "complex_id", "window_days", "before", "after", "rate_ratio",
							"p_value", "flag"));
			int rows = 0;
			for (Row row : each.rows()) {
				Map<String, String> effect = byId.get(text(row.getCell(each.column("activity_id"))));
				assertThat(effect).isNotNull();
				for (String figure : List.of("window_days", "before", "after", "rate_ratio", "p_value")) {
					assertSame(effect.get("activity_id") + " " + figure,
							WorkbookCells.number(row.getCell(each.column(figure))), Csv.number(effect.get(figure)));
				}
				rows++;
			}
			assertThat(rows).as("the last 12 months' activities").isPositive();
		}
	}

	@Test
	void herhaalmeldingenListsTheHotspotsOfIndicatorsCsv() throws Exception {
		Set<String> expected = new HashSet<>();
		for (Map<String, String> row : exact.values()) {
			if (row.get("level").equals("complex") && row.get("indicator").equals("hotspots")
					&& Csv.number(row.get("value")) != null && Csv.number(row.get("value")) > 0) {
				expected.add(row.get("unit_id") + "|" + row.get("category"));
			}
		}
		Map<String, String> categoryByLabel = new HashMap<>();
		Contract.CATEGORIES.forEach(c -> categoryByLabel.put(nl.getProperty("category." + c), c));
		try (XSSFWorkbook workbook = workbook(folder, "team")) {
			Sheet sheet = workbook.getSheet(nl.getProperty("sheet.repeats"));
			WorkbookCells.Table table = WorkbookCells.tableWithAll(sheet, nl, "", List.of("column.complex_id",
					"column.category", "repeats.hotspot_reports", "repeats.hotspot_before"));
			Set<String> shown = new HashSet<>();
			for (Row row : table.rows()) {
				shown.add(text(row.getCell(table.column("column.complex_id"))) + "|"
						+ categoryByLabel.get(text(row.getCell(table.column("column.category")))));
				assertThat(WorkbookCells.number(row.getCell(table.column("repeats.hotspot_reports"))))
					.isGreaterThanOrEqualTo(3);
			}
			assertThat(shown).isEqualTo(expected);
			WorkbookCells.Table dwellingsTable = WorkbookCells.tableWithAll(sheet, nl, "",
					List.of("column.complex_id", "repeats.dwelling_ref", "repeats.repeats"));
			assertThat(dwellingsTable.rows()).isNotEmpty()
				.allSatisfy(row -> assertThat(text(row.getCell(dwellingsTable.column("repeats.dwelling_ref"))))
					.matches("W-[0-9a-f]{6}"));
		}
	}

	@Test
	void noCellOfAnyDashboardIsAFormula() throws Exception {
		List<String> slugsAndTeam = new ArrayList<>(slugs.values());
		slugsAndTeam.add("team");
		for (String slug : slugsAndTeam) {
			try (XSSFWorkbook workbook = workbook(folder, slug)) {
				for (Sheet sheet : workbook) {
					for (Row row : sheet) {
						for (Cell cell : row) {
							assertThat(cell.getCellType())
								.as(slug + " " + sheet.getSheetName() + "!" + cell.getAddress())
								.isNotEqualTo(CellType.FORMULA);
						}
					}
				}
			}
		}
	}

	@Test
	void anOwnersWorkbookHoldsNoOtherOwnersComplexNameOrDwellingAnywhereInItsPackage() throws Exception {
		for (Map.Entry<String, String> owner : slugs.entrySet()) {
			Set<String> forbidden = new HashSet<>();
			Set<String> own = new HashSet<>();
			for (Map.Entry<String, String> complex : ownerOf.entrySet()) {
				boolean theirs = !owner.getKey().equals(complex.getValue());
				Set<String> texts = theirs ? forbidden : own;
				texts.add(complex.getKey());
				texts.add(complexNames.get(complex.getKey()));
				texts.addAll(dwellingRefs.getOrDefault(complex.getKey(), Set.of()));
			}
			WorkbookPackage.assertHoldsNone(folder.resolve("dashboard-" + owner.getValue() + "-" + MONTH + ".xlsx"),
					forbidden);
			WorkbookPackage.assertHoldsNone(
					english.resolve(MONTH + "/dashboard-" + owner.getValue() + "-" + MONTH + ".xlsx"), forbidden);
			// the funnel image is the plot of the owner's complexes alone
			List<String> ownIds = complexesOf(owner.getKey()).stream().sorted().toList();
			assertThat(WorkbookPackage.images(folder.resolve("dashboard-" + owner.getValue() + "-" + MONTH + ".xlsx")))
				.singleElement()
				.isEqualTo(charts.funnelPlotPngOf(MONTH, Locale.forLanguageTag("nl"), new ReportScope(null, ownIds),
						1200, 800));
			assertThat(chartFigures.funnel(MONTH, new ReportScope(null, ownIds)).scopeOnly().points())
				.extracting(p -> p.complexId())
				.isNotEmpty()
				.allMatch(ownIds::contains);
			// and the checks can fail: the team's workbook holds every owner's
			assertThat(WorkbookPackage.texts(folder.resolve("dashboard-team-" + MONTH + ".xlsx")))
				.anyMatch(text -> forbidden.stream().anyMatch(text::contains));
			assertThat(own).isNotEmpty();
		}
	}

	@Test
	void inEnglishTheSheetsAndLabelsAreEnglishAndTheFiguresTheSame() throws Exception {
		try (XSSFWorkbook workbook = workbook(english.resolve(MONTH.toString()), "team")) {
			assertThat(sheetNames(workbook)).containsExactly("Overview", "Complexes", "Repeat reports", "Activities",
					"Trends", "Notes");
			WorkbookCells.Table table = complexTable(workbook, en, true);
			for (Row row : table.rows()) {
				checkComplexRow(table, row, text(row.getCell(table.column("complex_id"))), en, exact);
			}
		}
	}

	private WorkbookCells.Table complexTable(XSSFWorkbook workbook, Properties labels, boolean team) {
		List<String> keys = new ArrayList<>(List.of("complex_id", "complex", "neighbourhood", "attention", "dwellings",
				"funnel_flag", "expected_low", "expected_high", "dwelling_repeat_flag", "band"));
		keys.addAll(FIGURES);
		if (team) {
			keys.add("owner");
		}
		return WorkbookCells.table(workbook.getSheet(labels.getProperty("sheet.complexes")), labels,
				"complexes.column.", keys);
	}

	private void checkComplexRow(WorkbookCells.Table table, Row row, String id, Properties labels,
			Map<String, Map<String, String>> csv) {
		String what = "complex " + id;
		assertThat(text(row.getCell(table.column("complex")))).as(what).isEqualTo(complexNames.get(id));
		assertSame(what + " dwellings", WorkbookCells.number(row.getCell(table.column("dwellings"))),
				(double) dwellings.get(id));
		for (String indicator : FIGURES) {
			assertSame(what + " " + indicator, figure(row.getCell(table.column(indicator))),
					Csv.number(csv.get(String.join("|", "complex", id, indicator, "all")).get("value")));
		}
		String flag = csv.get(String.join("|", "complex", id, "report_rate_12m", "all")).get("flag");
		assertThat(text(row.getCell(table.column("funnel_flag")))).as(what).isEqualTo(flag(labels, flag));
		Double low = WorkbookCells.number(row.getCell(table.column("expected_low")));
		Double high = WorkbookCells.number(row.getCell(table.column("expected_high")));
		Double rate = figure(row.getCell(table.column("report_rate_12m")));
		if (rate != null && low != null) {
			// the expected range beside the flag agrees with it
			boolean inside = rate >= low - 1e-9 && rate <= high + 1e-9;
			assertThat(inside).as(what + " rate " + rate + " in " + low + ".." + high + ", flag " + flag)
				.isEqualTo(flag.equals("in range"));
		}
	}

	/** A figure, or null for an empty cell or an explained blank ("– reason"). */
	static Double figure(Cell cell) {
		if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().startsWith("– ")) {
			return null;
		}
		return WorkbookCells.number(cell);
	}

	private List<String> attentionIds(Sheet overview) {
		int header = rowWithText(overview, nl.getProperty("column.complex")).getRowNum();
		List<String> ids = new ArrayList<>();
		for (int r = header + 1; r <= overview.getLastRowNum(); r++) {
			Row row = overview.getRow(r);
			String id = row == null ? null : text(row.getCell(1));
			if (id == null || !ownerOf.containsKey(id)) {
				break;
			}
			ids.add(id);
		}
		return ids;
	}

	private Set<String> complexesOf(String owner) {
		Set<String> ids = new HashSet<>();
		ownerOf.forEach((id, o) -> {
			if (owner.equals(o)) {
				ids.add(id);
			}
		});
		return ids;
	}

	private static Row rowWithText(Sheet sheet, String label) {
		for (Row row : sheet) {
			if (label.equals(text(row.getCell(0)))) {
				return row;
			}
		}
		throw new AssertionError("no row '" + label + "' on " + sheet.getSheetName());
	}

	private static String flag(Properties labels, String code) {
		if (code == null || code.isEmpty()) {
			return null;
		}
		return labels.getProperty("flag." + code.replace(' ', '_'), code);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

	private static String key(Map<String, String> row) {
		return String.join("|", row.get("level"), row.get("unit_id"), row.get("indicator"), row.get("category"));
	}

	private static List<String> sheetNames(XSSFWorkbook workbook) {
		List<String> names = new ArrayList<>();
		workbook.forEach(sheet -> names.add(sheet.getSheetName()));
		return names;
	}

	private static Double nullable(ResultSet rs, int column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

}
