package nl.leefbaar.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import nl.leefbaar.cli.CommandRunner;
import nl.leefbaar.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The product as a whole on the committed sample data:
 * {@code leefbaar run monthly --month 2026-10} through the command line's own entry, once
 * for the class, then what every reader of its output folder relies on (outputs.md,
 * indicators.md, cli.md).
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthlyRunEndToEndTests {

	static final String MONTH = "2026-10";
	static final Pattern DWELLING_REF = Pattern.compile("W-[0-9a-f]{6}");

	@TempDir
	static Path temporary;

	/** Not there before the run: the run creates it. */
	Path output;

	@Autowired
	CommandRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JobRepository jobRepository;

	CommandLine.Result run;

	Path folder;

	Csv indicators;

	Csv publicIndicators;

	@BeforeAll
	void givenTheMonthlyJobRanOnTheSampleData() throws Exception {
		TestDatabase.clearDomainTables(jdbc);
		CommandLine.forgetRuns(jdbc, jobRepository, MONTH, "monthly");
		output = temporary.resolve("out");
		run = new CommandLine(runner).run("run", "monthly", "--month", MONTH, "--input",
				CommandLine.SAMPLE_DATA.toString(), "--output", output.toString());
		folder = output.resolve(MONTH);
		indicators = Csv.read(folder.resolve("indicators.csv"));
		publicIndicators = Csv.read(folder.resolve("indicators-public.csv"));
	}

	@AfterAll
	void forgetTheRun() {
		CommandLine.forgetRuns(jdbc, jobRepository, MONTH, "monthly");
		CommandLine.forgetRuns(jdbc, jobRepository, "2023-12", "compute");
	}

	@Test
	void exitsWithZeroAndPrintsThePathOfTheJsonSummaryLast() {
		assertThat(run.code()).as(run.err()).isZero();
		assertThat(run.err()).isEmpty();
		assertThat(Path.of(run.lastLine())).isEqualTo(folder.resolve("run-summary.json"));
	}

	@Test
	void writesEveryFileOfTheContractIntoTheMonthFolder() {
		for (String file : List.of("indicators.csv", "indicators-public.csv", "activity-effects.csv",
				"dashboard-team-2026-10.xlsx", "dashboard-havensteder-2026-10.xlsx", "dashboard-vestia-2026-10.xlsx",
				"dashboard-woonstad-rotterdam-2026-10.xlsx", "indicators-havensteder.csv", "indicators-vestia.csv",
				"indicators-woonstad-rotterdam.csv", "activity-effects-havensteder.csv", "activity-effects-vestia.csv",
				"activity-effects-woonstad-rotterdam.csv", "neighbourhoods-2026-10.xlsx", "seminar-2026-10.pptx",
				"run-summary.txt", "run-summary.json")) {
			assertThat(folder.resolve(file)).as(file).isRegularFile().isNotEmptyFile();
		}
		for (String chart : Contract.CHARTS) {
			assertThat(folder.resolve("charts/" + chart + ".png")).isNotEmptyFile();
			assertThat(folder.resolve("charts/" + chart + ".svg")).isNotEmptyFile();
		}
	}

	@Test
	void leavesNoTemporaryFileBehind() throws Exception {
		try (var files = Files.walk(output)) {
			assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
				.noneMatch(name -> name.startsWith(".") || name.endsWith(".tmp") || name.endsWith(".part"));
		}
	}

	@Test
	void everyFolderAndFileTheRunCreatesIsTheOwnersOnly() throws Exception {
		try (var created = Files.walk(output)) {
			for (Path path : created.toList()) {
				String permissions = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
				assertThat(permissions).as(path.toString())
					.isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------");
			}
		}
	}

	@Test
	void chartsArePngsAtLeast1920PixelsWideBesideTheirSvgs() throws Exception {
		for (String chart : Contract.CHARTS) {
			try (ImageInputStream in = ImageIO
				.createImageInputStream(folder.resolve("charts/" + chart + ".png").toFile())) {
				ImageReader reader = ImageIO.getImageReaders(in).next();
				reader.setInput(in);
				assertThat(reader.getFormatName()).isEqualToIgnoringCase("png");
				assertThat(reader.getWidth(0)).as(chart).isGreaterThanOrEqualTo(1920);
				reader.dispose();
			}
			assertThat(Files.readString(folder.resolve("charts/" + chart + ".svg"))).as(chart)
				.contains("<svg")
				.contains("</svg>");
		}
	}

	@Test
	void runSummaryJsonHasEveryFieldOfTheContractWithConsistentCounts() throws Exception {
		Map<?, ?> summary = JsonMapper.builder()
			.build()
			.readValue(folder.resolve("run-summary.json").toFile(), Map.class);

		assertThat(new ArrayList<Object>(summary.keySet())).containsExactly("job", "month", "status", "execution_id",
				"started", "seconds", "input", "months_computed", "files", "deliveries");
		assertThat(summary.get("deliveries")).as("no mail server in the tests: nothing delivered").isEqualTo(List.of());
		assertThat(summary.get("job")).isEqualTo("monthly");
		assertThat(summary.get("month")).isEqualTo(MONTH);
		assertThat(summary.get("status")).isEqualTo("COMPLETED");
		assertThat(((Number) summary.get("execution_id")).longValue()).isPositive();
		assertThat((String) summary.get("started")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0[12]:00");
		assertThat(((Number) summary.get("seconds")).doubleValue()).isPositive();

		Map<?, ?> input = (Map<?, ?>) summary.get("input");
		assertThat(new ArrayList<Object>(input.keySet())).containsExactly("files", "rows_read", "loaded", "rejected",
				"new", "changed", "unchanged", "unmapped_categories", "rejects_file");
		long rowsRead = count(input, "rows_read");
		assertThat(count(input, "files")).isEqualTo(4);
		// 12 neighbourhoods, 80 complexes, 39,954 reports, 231 activities
		// (sample-data/README.md)
		assertThat(rowsRead).isEqualTo(12 + 80 + 39_954 + 231);
		assertThat(count(input, "loaded") + count(input, "rejected")).isEqualTo(rowsRead);
		assertThat(count(input, "new") + count(input, "changed") + count(input, "unchanged") + count(input, "rejected"))
			.isEqualTo(rowsRead);
		assertThat(count(input, "new")).as("a fresh database").isEqualTo(count(input, "loaded"));
		assertThat(count(input, "unmapped_categories")).as("the 4 'Klacht algemeen' reports").isEqualTo(4);

		Path rejects = Path.of((String) input.get("rejects_file"));
		assertThat(rejects).isRegularFile().hasParent(output.resolve("import"));
		assertThat(Files.readAllLines(rejects).get(0)).isEqualTo("file,line,column,reason,raw");
		assertThat(Files.readAllLines(rejects)).hasSize(1 + (int) count(input, "rejected"));

		@SuppressWarnings("unchecked")
		List<String> months = (List<String>) summary.get("months_computed");
		assertThat(months).contains(MONTH).doesNotHaveDuplicates().isSorted();
		@SuppressWarnings("unchecked")
		List<String> files = (List<String>) summary.get("files");
		assertThat(files).doesNotHaveDuplicates()
			.contains(rejects.toString(), folder.resolve("indicators.csv").toString(),
					folder.resolve("dashboard-team-2026-10.xlsx").toString(),
					folder.resolve("dashboard-havensteder-2026-10.xlsx").toString(),
					folder.resolve("seminar-2026-10.pptx").toString());
		assertThat(files).allSatisfy(file -> assertThat(Path.of(file)).isRegularFile());
		try (var written = Files.walk(folder)) {
			Set<String> onDisk = written.filter(Files::isRegularFile)
				.map(Path::toString)
				.filter(p -> !p.endsWith("run-summary.txt") && !p.endsWith("run-summary.json"))
				.collect(Collectors.toSet());
			assertThat(files).as("every file of the month folder is listed").containsAll(onDisk);
		}
	}

	@Test
	void runSummaryTextTellsRowsRejectsMonthsAndFiles() throws Exception {
		String text = Files.readString(folder.resolve("run-summary.txt"));

		assertThat(text).contains("rows read        40277")
			.contains("rejected         0, see " + output.resolve("import"))
			.contains("months computed")
			.contains(MONTH)
			.contains("files written")
			.contains("time taken")
			.contains(folder.resolve("indicators.csv").toString());
		assertThat(run.out()).contains(text.substring(text.indexOf("  job")));
	}

	@Test
	void indicatorsCsvHasExactlyOneRowForEveryUnitIndicatorAndCategoryOfTheTable() throws Exception {
		assertThat(indicators.header()).isEqualTo(Contract.INDICATORS_HEADER);
		assertThat(indicators.records())
			.allSatisfy(record -> assertThat(record).hasSize(Contract.INDICATORS_HEADER.size()));

		Map<String, Integer> seen = new HashMap<>();
		for (Map<String, String> row : indicators.rows()) {
			seen.merge(
					String.join("|", row.get("level"), row.get("unit_id"), row.get("indicator"), row.get("category")),
					1, Integer::sum);
		}
		Set<String> expected = expectedKeys();

		assertThat(expected).hasSize(80 * 108 + 12 * 109 + 109);
		assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(seen.values()).containsOnly(1);
		assertThat(indicators.rows()).allSatisfy(row -> assertThat(row.get("period")).isEqualTo(MONTH));
	}

	@Test
	void indicatorsCsvNamesEveryUnitAsTheInputDoes() throws Exception {
		Map<String, String> names = new HashMap<>();
		Csv.read(CommandLine.SAMPLE_DATA.resolve("complexes.csv"))
			.rows()
			.forEach(r -> names.put("complex|" + r.get("complex_id"), r.get("name")));
		Csv.read(CommandLine.SAMPLE_DATA.resolve("neighbourhoods.csv"))
			.rows()
			.forEach(r -> names.put("neighbourhood|" + r.get("neighbourhood_code"), r.get("name")));
		names.put("city|city", "city");

		for (Map<String, String> row : indicators.rows()) {
			assertThat(row.get("unit_name")).as(row.toString())
				.isEqualTo(names.get(row.get("level") + "|" + row.get("unit_id")));
		}
	}

	@Test
	void everyFigureIsANumberOrEmptyAndEveryFlagIsOneOfTheContract() {
		for (Csv csv : List.of(indicators, publicIndicators)) {
			for (Map<String, String> row : csv.rows()) {
				for (String column : List.of("value", "numerator", "denominator", "ci_low", "ci_high")) {
					String field = row.get(column);
					if (!field.isEmpty()) {
						assertThat(Double.parseDouble(field)).as(column + " of " + row).isFinite();
						// full precision, as Double.toString writes it (no display
						// rounding, no comma)
						assertThat(field).as(row.toString()).doesNotContain(",").doesNotContain(" ");
					}
				}
				assertThat(Contract.FLAGS).as(row.toString()).contains(row.get("flag"));
			}
		}
		Set<String> funnelFlags = Set.of("high", "elevated", "in range", "reduced", "low");
		assertThat(indicators.rows()).as("funnel flags only where indicators.md puts them")
			.filteredOn(row -> funnelFlags.contains(row.get("flag")))
			.allSatisfy(row -> {
				assertThat(row.get("indicator")).isIn("report_rate_12m", "dwelling_repeat_rate_12m",
						"closed_within_target_share");
				assertThat(row.get("level")).isNotEqualTo("city");
			});
		assertThat(indicators.rows()).as("the exact export hides nothing")
			.noneMatch(row -> row.get("flag").equals("suppressed"));
	}

	@Test
	void repeatFiguresWithoutCompleteLookBackAreMissingNeverANumber() throws Exception {
		// the data start on 2023-11-01; W = 90: the 12 months to 2024-11 start 30 days
		// after that
		List<Map<String, Object>> early12m = jdbc.queryForList("""
				select value, flag from indicator_value
				where period = date '2024-11-01' and indicator in ('repeat_rate_12m', 'dwelling_repeat_rate_12m')
				""");
		assertThat(early12m).hasSize(2 * (80 + 12 + 1) * 8).allSatisfy(row -> {
			assertThat(row.get("value")).isNull();
			assertThat(row.get("flag")).isEqualTo("incomplete_lookback");
		});

		Path early = temporary.resolve("early");
		CommandLine.Result compute = new CommandLine(runner).run("compute", "--month", "2023-12", "--output",
				early.toString());
		assertThat(compute.code()).as(compute.err()).isZero();
		Csv december = Csv.read(early.resolve("2023-12/indicators.csv"));

		List<Map<String, String>> repeats = december.rows()
			.stream()
			.filter(row -> row.get("indicator").contains("repeat_rate"))
			.toList();
		assertThat(repeats).hasSize(4 * (80 + 12 + 1) * 8).allSatisfy(row -> {
			assertThat(row.get("value")).as(row.toString()).isEmpty();
			assertThat(row.get("flag")).isEqualTo("incomplete_lookback");
		});
		assertThat(december.rows()).as("the month's counts are there")
			.filteredOn(row -> row.get("indicator").equals("reports") && row.get("level").equals("city")
					&& row.get("category").equals("all"))
			.singleElement()
			.satisfies(row -> assertThat(Double.parseDouble(row.get("value"))).isPositive());
	}

	@Test
	void publicCsvIsTheExactExportWithTheSmallNumberRulesApplied() throws Exception {
		assertThat(publicIndicators.header()).isEqualTo(Contract.INDICATORS_HEADER);
		Map<String, Integer> dwellings = new HashMap<>();
		Csv.read(CommandLine.SAMPLE_DATA.resolve("complexes.csv"))
			.rows()
			.forEach(r -> dwellings.put(r.get("complex_id"), Integer.parseInt(r.get("dwellings"))));
		Map<String, Map<String, String>> exact = new HashMap<>();
		indicators.rows().forEach(row -> exact.put(key(row), row));

		int suppressed = 0;
		for (Map<String, String> row : publicIndicators.rows()) {
			if (row.get("level").equals("complex")) {
				assertThat(dwellings.get(row.get("unit_id"))).as("no complex under 10 dwellings")
					.isGreaterThanOrEqualTo(10);
			}
			Map<String, String> same = exact.get(key(row));
			assertThat(same).as(row.toString()).isNotNull();
			if (row.get("flag").equals("suppressed")) {
				suppressed++;
				for (String column : List.of("value", "numerator", "denominator", "ci_low", "ci_high")) {
					assertThat(row.get(column)).as(column + " of " + row).isEmpty();
				}
				continue;
			}
			assertThat(row).as("a figure shown is the exact one").isEqualTo(same);
			for (String column : List.of("numerator", "denominator")) {
				assertThat(smallCount(row.get(column))).as(column + " of " + row).isFalse();
			}
			if (Contract.PEOPLE_COUNTS.contains(row.get("indicator"))) {
				assertThat(smallCount(row.get("value"))).as(row.toString()).isFalse();
			}
		}
		long complexesShown = dwellings.values().stream().filter(d -> d >= 10).count();
		assertThat(publicIndicators.rows()).hasSize((int) (complexesShown * 108 + 12 * 109 + 109));
		assertThat(suppressed).as("the sample has small numbers to hide").isPositive();
		assertThat(publicIndicators.rows()).as("a count of 0 discloses no one and is shown")
			.anyMatch(row -> row.get("indicator").equals("reports") && row.get("value").equals("0"));
	}

	@Test
	void publicCsvHoldsNoDwellingReference() throws Exception {
		String text = Files.readString(folder.resolve("indicators-public.csv"), StandardCharsets.UTF_8);
		assertThat(DWELLING_REF.matcher(text).find()).isFalse();
		assertThat(text).doesNotContain("dwelling_ref");
	}

	@Test
	void activityEffectsHaveTheContractsColumnsAndARowPerActivityAndType() throws Exception {
		Csv effects = Csv.read(folder.resolve("activity-effects.csv"));
		assertThat(effects.header()).isEqualTo(Contract.EFFECTS_HEADER);
		assertThat(effects.records()).allSatisfy(record -> assertThat(record).hasSize(Contract.EFFECTS_HEADER.size()));

		Set<String> expected = new HashSet<>();
		Set<String> types = new HashSet<>();
		for (Map<String, String> activity : Csv.read(CommandLine.SAMPLE_DATA.resolve("activities.csv")).rows()) {
			if (!activity.get("complex_id").isEmpty() && !activity.get("addresses_category").isEmpty()
					&& activity.get("date").compareTo("2026-10-31") <= 0) {
				expected.add(activity.get("activity_id"));
				types.add(activity.get("type"));
			}
		}
		List<Map<String, String>> single = effects.rows()
			.stream()
			.filter(r -> !r.get("activity_id").isEmpty())
			.toList();
		List<Map<String, String>> pooled = effects.rows().stream().filter(r -> r.get("activity_id").isEmpty()).toList();
		assertThat(single).extracting(r -> r.get("activity_id")).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(pooled).extracting(r -> r.get("type")).containsExactlyInAnyOrderElementsOf(types);
		assertThat(effects.rows()).allSatisfy(row -> assertThat(row.get("flag")).isIn("", "too_recent", "too_early"));
		for (Map<String, String> type : pooled) {
			List<Map<String, String>> counted = single.stream()
				.filter(r -> r.get("type").equals(type.get("type")) && r.get("flag").isEmpty())
				.toList();
			assertThat(Double.parseDouble(type.get("before"))).as(type.get("type"))
				.isEqualTo(counted.stream().mapToDouble(r -> Double.parseDouble(r.get("before"))).sum());
			assertThat(Double.parseDouble(type.get("after"))).as(type.get("type"))
				.isEqualTo(counted.stream().mapToDouble(r -> Double.parseDouble(r.get("after"))).sum());
		}
	}

	@Test
	void theStairwellCleanUpShowsPollutionFallingMoreThanAtComparableComplexes() throws Exception {
		Csv effects = Csv.read(folder.resolve("activity-effects.csv"));

		Map<String, String> cleanUp = effects.rows()
			.stream()
			.filter(r -> r.get("activity_id").equals("A000001"))
			.findFirst()
			.orElseThrow();

		assertThat(cleanUp).containsEntry("type", "cleanup")
			.containsEntry("complex_id", "C00008")
			.containsEntry("neighbourhood_code", "BU05991571")
			.containsEntry("date", "2025-04-12")
			.containsEntry("category", "pollution")
			.containsEntry("window_days", "180")
			.containsEntry("flag", "");
		// sample-data/README.md, story 1: 68 before, 7 after; comparison group 63
		// before, 115 after
		assertThat(Double.parseDouble(cleanUp.get("before"))).isEqualTo(68);
		assertThat(Double.parseDouble(cleanUp.get("after"))).isEqualTo(7);
		assertThat(Double.parseDouble(cleanUp.get("comparison_before"))).isEqualTo(63);
		assertThat(Double.parseDouble(cleanUp.get("comparison_after"))).isEqualTo(115);
		double ratio = Double.parseDouble(cleanUp.get("rate_ratio"));
		assertThat(ratio).isCloseTo(7.0 / 68, within(1e-12)).isLessThan(1);
		assertThat(Double.parseDouble(cleanUp.get("ci_high"))).as("significantly lower").isLessThan(1);
		assertThat(Double.parseDouble(cleanUp.get("p_value"))).isLessThan(0.001);
		assertThat(Double.parseDouble(cleanUp.get("effect_vs_comparison")))
			.isCloseTo(ratio / (115.0 / 63), within(1e-12))
			.isLessThan(1);
		// exp(ln(effect) -/+ 1.959964 * sqrt(1/68 + 1/7 + 1/63 + 1/115)): 0.0564 from
		// 0.0244 to 0.1302, clearly below 1
		assertThat(Double.parseDouble(cleanUp.get("effect_ci_low"))).isCloseTo(0.0244323640, within(1e-9));
		assertThat(Double.parseDouble(cleanUp.get("effect_ci_high"))).isCloseTo(0.1301661866, within(1e-9));
	}

	@Test
	void neighbourhoodAndCityFiguresSumTheirComplexesNumeratorsAndDenominators() throws Exception {
		Map<String, String> neighbourhoodOf = new HashMap<>();
		Csv.read(CommandLine.SAMPLE_DATA.resolve("complexes.csv"))
			.rows()
			.forEach(r -> neighbourhoodOf.put(r.get("complex_id"), r.get("neighbourhood_code")));
		Map<String, Map<String, String>> rows = new HashMap<>();
		indicators.rows()
			.forEach(row -> rows.put(
					String.join("|", row.get("level"), row.get("unit_id"), row.get("indicator"), row.get("category")),
					row));
		List<String> categories = new ArrayList<>(Contract.CATEGORIES);
		categories.add("all");
		// counts add up; rates and shares add their numerators and denominators
		// (indicators.md: never averaged)
		Map<String, List<String>> summed = Map.of("reports", List.of("value"), "reports_12m", List.of("value"),
				"open_overdue", List.of("value"), "report_rate_12m", List.of("numerator", "denominator"), "report_rate",
				List.of("numerator", "denominator"), "dwelling_repeat_rate_12m", List.of("numerator", "denominator"),
				"repeat_rate_12m", List.of("numerator", "denominator"), "closed_within_target_share",
				List.of("numerator", "denominator"));
		Set<String> neighbourhoods = new HashSet<>(neighbourhoodOf.values());
		int checked = 0;
		for (var entry : summed.entrySet()) {
			for (String category : categories) {
				for (String column : entry.getValue()) {
					double city = 0;
					for (String code : neighbourhoods) {
						double sum = neighbourhoodOf.entrySet()
							.stream()
							.filter(e -> e.getValue().equals(code))
							.mapToDouble(e -> orZero(
									rows.get("complex|" + e.getKey() + "|" + entry.getKey() + "|" + category), column))
							.sum();
						assertThat(orZero(rows.get("neighbourhood|" + code + "|" + entry.getKey() + "|" + category),
								column))
							.as(code + " " + entry.getKey() + " " + category + " " + column)
							.isEqualTo(sum);
						city += sum;
						checked++;
					}
					assertThat(orZero(rows.get("city|city|" + entry.getKey() + "|" + category), column))
						.as("city " + entry.getKey() + " " + category + " " + column)
						.isEqualTo(city);
				}
			}
		}
		for (String unit : List.of("city|city", "neighbourhood|BU05991571")) {
			Map<String, String> rate = rows.get(unit + "|report_rate_12m|all");
			assertThat(Double.parseDouble(rate.get("value"))).isCloseTo(
					100 * Double.parseDouble(rate.get("numerator")) / Double.parseDouble(rate.get("denominator")),
					within(1e-9));
		}
		assertThat(checked).isPositive();
	}

	@Test
	void concentrationIsTheShareOfTheTopTenPercentOfComplexes() throws Exception {
		Map<String, String> neighbourhoodOf = new HashMap<>();
		Csv.read(CommandLine.SAMPLE_DATA.resolve("complexes.csv"))
			.rows()
			.forEach(r -> neighbourhoodOf.put(r.get("complex_id"), r.get("neighbourhood_code")));
		Map<String, Double> reports12m = new HashMap<>();
		indicators.rows()
			.stream()
			.filter(r -> r.get("level").equals("complex") && r.get("indicator").equals("reports_12m")
					&& r.get("category").equals("all"))
			.forEach(r -> reports12m.put(r.get("unit_id"), Double.parseDouble(r.get("value"))));
		Map<String, List<String>> members = new HashMap<>();
		neighbourhoodOf.forEach((complex, code) -> {
			members.computeIfAbsent("neighbourhood|" + code, k -> new ArrayList<>()).add(complex);
			members.computeIfAbsent("city|city", k -> new ArrayList<>()).add(complex);
		});
		for (Map<String, String> row : indicators.rows()) {
			if (!row.get("indicator").equals("concentration_top10_12m")) {
				continue;
			}
			List<String> complexes = members.get(row.get("level") + "|" + row.get("unit_id"));
			// the top ceil(0.10 n) by 12-month reports, ties broken by complex_id
			List<Double> top = complexes.stream()
				.sorted(Comparator.comparing((String c) -> -reports12m.get(c)).thenComparing(c -> c))
				.limit((long) Math.ceil(0.10 * complexes.size()))
				.map(reports12m::get)
				.toList();
			double total = complexes.stream().mapToDouble(reports12m::get).sum();
			double expected = top.stream().mapToDouble(Double::doubleValue).sum() / total;
			assertThat(Double.parseDouble(row.get("value"))).as(row.toString()).isCloseTo(expected, within(1e-12));
		}
	}

	@Test
	void neighbourhoodWideActivitiesCountForTheNeighbourhoodNotItsComplexes() throws Exception {
		Map<String, String> neighbourhoodOf = new HashMap<>();
		Csv.read(CommandLine.SAMPLE_DATA.resolve("complexes.csv"))
			.rows()
			.forEach(r -> neighbourhoodOf.put(r.get("complex_id"), r.get("neighbourhood_code")));
		Map<String, Double> activities = new HashMap<>();
		Map<String, Double> participants = new HashMap<>();
		int neighbourhoodWide = 0;
		for (Map<String, String> a : Csv.read(CommandLine.SAMPLE_DATA.resolve("activities.csv")).rows()) {
			if (!a.get("date").startsWith(MONTH)) {
				continue;
			}
			double people = a.get("participants").isEmpty() ? 0 : Double.parseDouble(a.get("participants"));
			List<String> units = new ArrayList<>(List.of("city|city"));
			if (a.get("complex_id").isEmpty()) {
				neighbourhoodWide++;
				units.add("neighbourhood|" + a.get("neighbourhood_code"));
			}
			else {
				units.add("complex|" + a.get("complex_id"));
				units.add("neighbourhood|" + neighbourhoodOf.get(a.get("complex_id")));
			}
			for (String unit : units) {
				activities.merge(unit, 1.0, Double::sum);
				participants.merge(unit, people, Double::sum);
			}
		}
		assertThat(neighbourhoodWide).as("the October residents' evenings (README story 4)").isEqualTo(12);

		for (Map<String, String> row : indicators.rows()) {
			String unit = row.get("level") + "|" + row.get("unit_id");
			if (row.get("indicator").equals("activities")) {
				assertThat(Double.parseDouble(row.get("value"))).as(unit).isEqualTo(activities.getOrDefault(unit, 0.0));
			}
			if (row.get("indicator").equals("participants")) {
				assertThat(Double.parseDouble(row.get("value"))).as(unit)
					.isEqualTo(participants.getOrDefault(unit, 0.0));
			}
		}
	}

	private static double orZero(Map<String, String> row, String column) {
		assertThat(row).isNotNull();
		String field = row.get(column);
		return field.isEmpty() ? 0 : Double.parseDouble(field);
	}

	private Set<String> expectedKeys() throws Exception {
		Map<String, List<String>> units = new HashMap<>();
		units.put("complex",
				Csv.read(CommandLine.SAMPLE_DATA.resolve("complexes.csv"))
					.rows()
					.stream()
					.map(r -> r.get("complex_id"))
					.toList());
		units.put("neighbourhood",
				Csv.read(CommandLine.SAMPLE_DATA.resolve("neighbourhoods.csv"))
					.rows()
					.stream()
					.map(r -> r.get("neighbourhood_code"))
					.toList());
		units.put("city", List.of("city"));
		assertThat(units.get("complex")).hasSize(80);
		assertThat(units.get("neighbourhood")).hasSize(12);
		Set<String> keys = new HashSet<>();
		Contract.TABLE.forEach((indicator, row) -> {
			for (String level : row.levels()) {
				for (String unit : units.get(level)) {
					for (String category : row.categories()) {
						keys.add(String.join("|", level, unit, indicator, category));
					}
				}
			}
		});
		return keys;
	}

	private static String key(Map<String, String> row) {
		return String.join("|", row.get("period"), row.get("level"), row.get("unit_id"), row.get("indicator"),
				row.get("category"));
	}

	private static boolean smallCount(String field) {
		Double value = Csv.number(field);
		return value != null && value >= 1 && value < 5;
	}

	private static long count(Map<?, ?> input, String key) {
		return ((Number) input.get(key)).longValue();
	}

}
