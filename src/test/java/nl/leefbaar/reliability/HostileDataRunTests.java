package nl.leefbaar.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import nl.leefbaar.cli.CommandLineParser;
import nl.leefbaar.cli.CommandRunner;
import nl.leefbaar.cli.Invocation;
import nl.leefbaar.schedule.JobDefinitions;
import nl.leefbaar.schedule.StepCatalog;
import nl.leefbaar.support.TestDatabase;
import nl.leefbaar.support.WorkbookPackage;
import nl.leefbaar.system.LeefbaarProperties;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One full monthly run (import, compute, report: the real stages) on an inbox whose every
 * text field is hostile, then: nothing became a formula, a path or SQL; the
 * municipality's outputs hold no dwelling reference and no count under five; every file
 * is the owner's only.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileDataRunTests {

	@Autowired
	CommandRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	LeefbaarProperties properties;

	Path folder;

	Path out;

	Path monthFolder;

	HostileData data = new HostileData();

	String job;

	Result run;

	record Result(int code, String out, String err) {
	}

	@BeforeAll
	void givenAFullRunOnHostileData() throws Exception {
		TestDatabase.clearDomainTables(jdbc);
		folder = Files.createTempDirectory("leefbaar-hostile");
		Path inbox = Files.createDirectories(folder.resolve("inbox"));
		Path jobs = Files.createDirectories(folder.resolve("jobs"));
		out = folder.resolve("out"); // created by the run itself
		monthFolder = out.resolve(HostileData.MONTH);
		data.writeInto(inbox);
		job = "t-hostile-" + ProcessHandle.current().pid();
		Files.writeString(jobs.resolve(job + ".yml"), """
				steps: [import, compute, report]
				input: %s
				output: %s
				""".formatted(inbox, out));

		run = command(jobs, "run", job, "--month", HostileData.MONTH, "--lang", "en");

		assertThat(run.code()).as(run.err()).isZero();
	}

	@AfterAll
	void forgetTheRuns() {
		JobHistory.forget(jdbc, jobRepository, "t-hostile-%", out.toString());
	}

	private Result command(Path jobs, String... args) {
		ByteArrayOutputStream stdout = new ByteArrayOutputStream();
		ByteArrayOutputStream stderr = new ByteArrayOutputStream();
		var command = new CommandLineParser().parse(args);
		var definitions = JobDefinitions.load(jobs, StepCatalog.STANDARD);
		int code = runner.execute(new Invocation(command, definitions, StepCatalog.STANDARD),
				new PrintStream(stdout, true, StandardCharsets.UTF_8),
				new PrintStream(stderr, true, StandardCharsets.UTF_8));
		return new Result(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
	}

	// --- SQL ---

	@Test
	void sqlInEveryTextFieldIsStoredAsTextAndEveryTableIsStillThere() {
		for (String table : List.of("report", "activity", "complex", "neighbourhood", "import_run", "indicator_value",
				"unit_figure", "hotspot", "activity_effect", "funnel_stat", "computed_month", "batch_job_execution")) {
			assertThat(jdbc.queryForObject("select to_regclass(?)::text", String.class, table)).as(table)
				.isEqualTo(table);
		}
		assertThat(jdbc.queryForList("select neighbourhood_code || '|' || name || '|' || district from neighbourhood",
				String.class))
			.containsExactlyInAnyOrder(HostileData.NA + "|" + HostileData.NA_NAME + "|+SUM(1,2)",
					HostileData.NB + "|" + HostileData.NB_NAME + "|-2+3",
					HostileData.NC + "|" + HostileData.NC_NAME + "|../etc/passwd");
		assertThat(jdbc.queryForList("select complex_id || '|' || name || '|' || coalesce(owner, '') from complex",
				String.class))
			.contains(HostileData.CA + "|" + HostileData.CA_NAME + "|'; drop table complex; --",
					HostileData.CC + "|" + HostileData.CC_NAME + "|/etc/passwd",
					HostileData.CD + "|" + HostileData.CD_NAME + "|");
		assertThat(jdbc.queryForMap(
				"select complex_id, dwelling_ref, source_category, category, channel from report where report_id = ?",
				HostileData.HOSTILE_REPORT_ID))
			.containsExactlyInAnyOrderEntriesOf(Map.of("complex_id", HostileData.CA, "dwelling_ref",
					HostileData.HOSTILE_DWELLING, "source_category", HostileData.HOSTILE_CATEGORY, "category", "other",
					"channel", HostileData.HOSTILE_CHANNEL));
		assertThat(jdbc.queryForList("select report_id from report where report_id in ('=R2', '../R3', 'R-rejected')",
				String.class))
			.containsExactlyInAnyOrder("=R2", "../R3");
		assertThat(jdbc.queryForList("select activity_id from activity", String.class))
			.containsExactlyInAnyOrder("=A1'; drop table activity; --", "@A2", "A3/../x");
		assertThat(jdbc.queryForObject("select count(*) from report", Integer.class)).isEqualTo(58);
		assertThat(jdbc.queryForObject("select count(distinct unit_id) from indicator_value where level = 'complex'",
				Integer.class))
			.isEqualTo(5);
	}

	@Test
	void theRowRefusedForItsHostileFollowUpIsInTheRejectFileQuotedAgainstFormulas() throws Exception {
		List<Path> rejects;
		try (Stream<Path> files = Files.list(out.resolve("import"))) {
			rejects = files.filter(f -> f.getFileName().toString().startsWith("rejects-")).toList();
		}
		assertThat(rejects).hasSize(1);
		String text = Files.readString(rejects.get(0));
		assertThat(text).contains("R-rejected").contains("follow_up");
		assertNoFieldStartsAFormula(rejects.get(0));
	}

	// --- formulas ---

	@Test
	void noTextFieldOfAnyCsvExportCanStartAFormula() throws Exception {
		List<Path> csvs = HostileData.filesUnder(out).stream().filter(f -> f.toString().endsWith(".csv")).toList();
		assertThat(csvs).extracting(f -> f.getFileName().toString())
			.contains("indicators.csv", "indicators-public.csv", "activity-effects.csv");
		for (Path csv : csvs) {
			assertNoFieldStartsAFormula(csv);
		}
		List<String> fields = Csv.read(monthFolder.resolve("indicators.csv")).stream().flatMap(List::stream).toList();
		assertThat(fields).contains("'" + HostileData.CA_NAME, "'" + HostileData.NA_NAME, "'" + HostileData.NB_NAME,
				"'" + HostileData.CE, HostileData.CB, HostileData.CD_NAME);
	}

	private static void assertNoFieldStartsAFormula(Path csv) throws Exception {
		List<List<String>> rows = Csv.read(csv);
		for (List<String> row : rows) {
			for (String field : row) {
				if (!field.isEmpty() && !Csv.isNumber(field)) {
					assertThat("=+-@\t\r".indexOf(field.charAt(0)))
						.as("%s: field '%s' starts a formula", csv.getFileName(), field)
						.isNegative();
				}
			}
		}
	}

	@Test
	void everyWorkbookHoldsTheHostileNamesAsTextNeverAsAFormula() throws Exception {
		List<Path> workbooks = HostileData.filesUnder(out)
			.stream()
			.filter(f -> f.toString().endsWith(".xlsx"))
			.toList();
		// the team's, one per owner (four: the fifth complex has none), the
		// neighbourhoods'
		assertThat(workbooks).hasSize(6);
		Set<String> texts = new HashSet<>();
		for (Path file : workbooks) {
			try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
				for (Sheet sheet : workbook) {
					for (Row row : sheet) {
						for (Cell cell : row) {
							if (cell.getCellType() == CellType.FORMULA) {
								String formula = cell.getCellFormula();
								assertThat(HostileData.FORMULA_MARKERS)
									.as("%s %s!%s: %s", file.getFileName(), sheet.getSheetName(), cell.getAddress(),
											formula)
									.noneMatch(formula::contains);
							}
							else if (cell.getCellType() == CellType.STRING) {
								texts.add(cell.getStringCellValue());
							}
						}
					}
				}
			}
		}
		assertThat(texts).contains(HostileData.CA_NAME, HostileData.NA_NAME, HostileData.NB_NAME, HostileData.NC_NAME);
	}

	// --- paths ---

	@Test
	void noFileNameComesFromDataAndNothingIsWrittenOutsideTheOutputFolder() throws Exception {
		for (Path file : HostileData.filesUnder(folder)) {
			Path relative = folder.relativize(file);
			assertThat(relative.getName(0).toString()).as(relative.toString()).isIn("inbox", "jobs", "out");
		}
		for (Path file : HostileData.filesUnder(monthFolder)) {
			assertThat(monthFolder.relativize(file).toString())
				.matches("(neighbourhood-[A-Za-z0-9_-]+/)?(charts/)?[a-z0-9-]+(-2025-06)?\\.[a-z]+");
		}
		for (String id : List.of(HostileData.CB, HostileData.NB, HostileData.CD)) {
			for (Path base : List.of(monthFolder, monthFolder.resolve("charts"), out)) {
				assertThat(base.resolve(id).normalize()).as(id).doesNotExist();
			}
		}
	}

	@Test
	void ownersNamedAsPathsFormulasOrNothingGetOneDashboardEachAndSeeNoOtherOwnersComplex() throws Exception {
		// in code-point order: "'; drop ...", "/etc/passwd", "=owner", "@owner"; CD has
		// no owner
		Map<String, String> slugs = Map.of(HostileData.CA, "drop-table-complex", HostileData.CC, "etc-passwd",
				HostileData.CE, "owner", HostileData.CB, "owner-2");
		for (String slug : slugs.values()) {
			for (String file : List.of("dashboard-" + slug + "-2025-06.xlsx", "indicators-" + slug + ".csv",
					"activity-effects-" + slug + ".csv")) {
				assertThat(monthFolder.resolve(file)).as(file).isRegularFile();
			}
		}
		assertThat(HostileData.filesUnder(monthFolder)
			.stream()
			.filter(f -> f.getFileName().toString().startsWith("dashboard-"))).hasSize(slugs.size() + 1);
		Map<String, String> names = Map.of(HostileData.CA, HostileData.CA_NAME, HostileData.CB, HostileData.CB_NAME,
				HostileData.CC, HostileData.CC_NAME, HostileData.CD, HostileData.CD_NAME, HostileData.CE,
				HostileData.CE_NAME);
		Map<String, List<String>> dwellings = new HashMap<>();
		jdbc.query("select complex_id, dwelling_ref from report where dwelling_ref is not null", rs -> {
			dwellings.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
		});
		for (Map.Entry<String, String> owner : slugs.entrySet()) {
			List<String> forbidden = new ArrayList<>();
			for (String complex : names.keySet()) {
				if (!complex.equals(owner.getKey())) {
					forbidden.add(complex);
					forbidden.add(names.get(complex));
					forbidden.addAll(dwellings.getOrDefault(complex, List.of()));
				}
			}
			WorkbookPackage.assertHoldsNone(monthFolder.resolve("dashboard-" + owner.getValue() + "-2025-06.xlsx"),
					forbidden);
		}
	}

	@Test
	void aScopeNamingAPathIsKeptInsideTheMonthFolder() throws Exception {
		Set<Path> before = new HashSet<>(HostileData.filesUnder(folder));
		Path jobs = folder.resolve("jobs");

		Result dotted = command(jobs, "report", "--month", HostileData.MONTH, "--output", out.toString(), "--scope",
				"neighbourhood:../../etc", "--lang", "en");
		Result realCode = command(jobs, "report", "--month", HostileData.MONTH, "--output", out.toString(), "--scope",
				"neighbourhood:" + HostileData.NB, "--lang", "en");

		assertThat(dotted.code()).as(dotted.err()).isIn(0, 1, 2);
		assertThat(realCode.code()).as(realCode.err()).isZero();
		List<Path> added = new ArrayList<>(HostileData.filesUnder(folder));
		added.removeAll(before);
		assertThat(added).isNotEmpty();
		for (Path file : added) {
			if (file.startsWith(out.resolve("runs"))) {
				// the command's own run summary (cli.md), named by its time, not by data
				assertThat(file.getFileName().toString()).matches("report-[0-9T-]+\\.(json|txt)");
				continue;
			}
			Path inMonth = monthFolder.relativize(file);
			assertThat(file.normalize().startsWith(monthFolder)).as(file.toString()).isTrue();
			assertThat(inMonth.toString()).as(file.toString()).doesNotContain("..").matches("[A-Za-z0-9_./-]+");
		}
	}

	// --- personal data and small numbers ---

	@Test
	void theMunicipalitysOutputsHoldNoDwellingReferenceNoSmallCountAndNoSmallComplex() throws Exception {
		Path workbook = monthFolder.resolve("neighbourhoods-" + HostileData.MONTH + ".xlsx");
		Path publicCsv = monthFolder.resolve("indicators-public.csv");
		List<String> texts = new ArrayList<>();
		boolean suppressedShown = false;
		try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook book = new XSSFWorkbook(in)) {
			for (Sheet sheet : book) {
				Map<Integer, String> countColumns = new HashMap<>();
				for (Row row : sheet) {
					for (Cell cell : row) {
						if (cell.getCellType() == CellType.STRING) {
							String text = cell.getStringCellValue();
							texts.add(text);
							suppressedShown |= text.equals("<5");
							if (isCountHeader(text)) {
								countColumns.put(cell.getColumnIndex(), text);
							}
						}
						else if (cell.getCellType() == CellType.NUMERIC
								&& countColumns.containsKey(cell.getColumnIndex())) {
							double value = cell.getNumericCellValue();
							assertThat(value >= 1 && value < 5)
								.as("%s!%s (%s) shows the count %s", sheet.getSheetName(), cell.getAddress(),
										countColumns.get(cell.getColumnIndex()), value)
								.isFalse();
						}
					}
				}
			}
		}
		assertThat(suppressedShown).as("the fixture's small counts show as <5").isTrue();
		String publicText = Files.readString(publicCsv);
		for (String dwelling : data.dwellingRefs) {
			assertThat(texts).as(dwelling).noneMatch(t -> t.contains(dwelling));
			assertThat(publicText).as(dwelling).doesNotContain(dwelling);
		}
		assertThat(texts).noneMatch(t -> t.contains("W-PRIV"));
		assertThat(publicText).doesNotContain("W-PRIV");

		List<List<String>> rows = Csv.read(publicCsv);
		List<String> header = rows.get(0);
		int level = header.indexOf("level");
		int unit = header.indexOf("unit_id");
		int indicator = header.indexOf("indicator");
		int value = header.indexOf("value");
		int numerator = header.indexOf("numerator");
		int denominator = header.indexOf("denominator");
		int flag = header.indexOf("flag");
		boolean suppressedRow = false;
		for (List<String> row : rows.subList(1, rows.size())) {
			assertThat(row.get(level).equals("complex") && row.get(unit).equals(HostileData.CC))
				.as("complex under 10 dwellings in the public export: %s", row)
				.isFalse();
			assertThat(isSmall(row.get(numerator))).as("numerator under 5: %s", row).isFalse();
			assertThat(isSmall(row.get(denominator)) && !row.get(indicator).contains("rate")
					&& !row.get(indicator).contains("share"))
				.as("denominator count under 5: %s", row)
				.isFalse();
			if (Set.of("reports", "reports_12m", "open_overdue").contains(row.get(indicator))) {
				assertThat(isSmall(row.get(value))).as("count under 5: %s", row).isFalse();
			}
			suppressedRow |= row.get(flag).equals("suppressed");
		}
		assertThat(suppressedRow).isTrue();
		// the corporation's own export still has them, exactly
		assertThat(Files.readString(monthFolder.resolve("indicators.csv"))).contains(HostileData.CC);
	}

	private static boolean isCountHeader(String text) {
		String t = text.toLowerCase();
		return (t.startsWith("reports") && !t.contains("rate") && !t.contains("per ")) || t.startsWith("open overdue");
	}

	private static boolean isSmall(String field) {
		if (!Csv.isNumber(field)) {
			return false;
		}
		double v = Double.parseDouble(field);
		return v >= 1 && v < 5;
	}

	// --- file permissions ---

	@Test
	void everyOutputFileIsTheOwnersOnlyAndSoIsTheDatabaseFolder() throws Exception {
		try (Stream<Path> all = Files.walk(out)) {
			for (Path path : all.toList()) {
				String permissions = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
				assertThat(permissions).as(path.toString())
					.isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------");
			}
		}
		Path db = properties.home().resolve("db");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db))).isEqualTo("rwx------");
	}

}
