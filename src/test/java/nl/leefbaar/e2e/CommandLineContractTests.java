package nl.leefbaar.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
 * cli.md beyond what nl.leefbaar.cli's tests show with stand-in steps: the real launcher
 * script, --help in a process of its own, and the real monthly job not run twice unless
 * forced.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandLineContractTests {

	static final String MONTH = "2026-10";

	/** cli.md: every command has --help. */
	static final List<String> COMMANDS = List.of("run", "import", "compute", "report", "list", "schedule", "status",
			"restart");
	static final Path ROOT = Path.of("").toAbsolutePath();
	static final Path JAR = ROOT.resolve("target/leefbaar.jar");

	record Exit(int code, String out, String err) {
	}

	@TempDir
	static Path output;

	@Autowired
	CommandRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JobRepository jobRepository;

	CommandLine commandLine;

	CommandLine.Result first;

	@BeforeAll
	void givenTheMonthlyJobRanOnce() {
		TestDatabase.clearDomainTables(jdbc);
		CommandLine.forgetRuns(jdbc, jobRepository, MONTH, "monthly");
		commandLine = new CommandLine(runner);
		first = commandLine.run("run", "monthly", "--month", MONTH, "--input", CommandLine.SAMPLE_DATA.toString(),
				"--output", output.resolve("first").toString());
		assertThat(first.code()).as(first.err()).isZero();
	}

	@AfterAll
	void forgetTheRuns() {
		CommandLine.forgetRuns(jdbc, jobRepository, MONTH, "monthly");
	}

	@Test
	void theLauncherScriptExitsWithUsageStatusForAnUnknownCommandOrJob() throws Exception {
		assumeTrue(launcherIsBuilt(),
				"target/leefbaar.jar is missing or older than the sources (./mvnw verify tests before it packages)");

		Exit unknown = launcher("no-such-command");
		assertThat(unknown.code()).isEqualTo(2);
		assertThat(unknown.err().lines().toList()).containsExactly("leefbaar: unknown command 'no-such-command'",
				"Try 'leefbaar --help'.");
		Exit noJob = launcher("run", "no-such-job");
		assertThat(noJob.code()).isEqualTo(2);
		assertThat(noJob.err()).contains("no job 'no-such-job'").contains("monthly");
		Exit badMonth = launcher("compute", "--month", "2025-13");
		assertThat(badMonth.code()).isEqualTo(2);
		assertThat(badMonth.err().strip().lines()).first().asString().startsWith("leefbaar: bad --month '2025-13'");
	}

	@Test
	void everyCommandHasHelpThatPrintsItsUsageAndExitsZero() throws Exception {
		Map<String, Process> processes = new LinkedHashMap<>();
		for (String command : COMMANDS) {
			processes.put(command, start(command, "--help"));
		}
		processes.put("", start("--help"));
		Map<String, Exit> exits = new LinkedHashMap<>();
		for (Map.Entry<String, Process> entry : processes.entrySet()) {
			exits.put(entry.getKey(), finish(entry.getValue()));
		}
		for (Map.Entry<String, Exit> entry : exits.entrySet()) {
			Exit help = entry.getValue();
			String command = entry.getKey();
			assertThat(help.code()).as(command + " --help: " + help.err()).isZero();
			assertThat(help.out()).as(command + " --help")
				.startsWith(command.isEmpty() ? "Usage: leefbaar <command>" : "Usage: leefbaar " + command);
			assertThat(help.err()).as(command + " --help").doesNotContain("Exception");
		}
		assertThat(exits.get("").out()).contains(COMMANDS.toArray(String[]::new)).contains("Exit status");
	}

	@Test
	void runningACompletedMonthAgainSaysSoAndLeavesItsFilesAlone() throws Exception {
		Path month = output.resolve("first").resolve(MONTH);
		FileTime written = Files.getLastModifiedTime(month.resolve("indicators.csv"));

		CommandLine.Result again = commandLine.run("run", "monthly", "--month", MONTH, "--input",
				CommandLine.SAMPLE_DATA.toString(), "--output", output.resolve("again").toString());

		assertThat(again.code()).as(again.err()).isZero();
		assertThat(again.out()).contains("monthly for " + MONTH + " was already completed").contains("--force");
		assertThat(output.resolve("again").resolve(MONTH)).doesNotExist();
		assertThat(Files.getLastModifiedTime(month.resolve("indicators.csv"))).isEqualTo(written);
	}

	@Test
	void forceRunsACompletedMonthAgainAndAnUnchangedInboxChangesNothing() throws Exception {
		Path forcedFolder = output.resolve("forced");

		CommandLine.Result forced = commandLine.run("run", "monthly", "--month", MONTH, "--force", "--input",
				CommandLine.SAMPLE_DATA.toString(), "--output", forcedFolder.toString());

		assertThat(forced.code()).as(forced.err()).isZero();
		Map<?, ?> before = summary(output.resolve("first").resolve(MONTH));
		Map<?, ?> after = summary(forcedFolder.resolve(MONTH));
		assertThat(Path.of(forced.lastLine())).isEqualTo(forcedFolder.resolve(MONTH).resolve("run-summary.json"));
		assertThat(after.get("status")).isEqualTo("COMPLETED");
		assertThat(((Number) after.get("execution_id")).longValue())
			.isNotEqualTo(((Number) before.get("execution_id")).longValue());
		Map<?, ?> input = (Map<?, ?>) after.get("input");
		long rowsRead = ((Number) input.get("rows_read")).longValue();
		assertThat(rowsRead).isEqualTo(12 + 80 + 39_954 + 231);
		assertThat(((Number) input.get("unchanged")).longValue()).as("re-importing the same files").isEqualTo(rowsRead);
		assertThat(((Number) input.get("new")).longValue()).isZero();
		assertThat(((Number) input.get("changed")).longValue()).isZero();
		@SuppressWarnings("unchecked")
		List<String> files = (List<String>) after.get("files");
		assertThat(files).contains(forcedFolder.resolve(MONTH).resolve("dashboard-team-2026-10.xlsx").toString())
			.allSatisfy(file -> assertThat(Path.of(file)).isRegularFile());
		for (String export : List.of("indicators.csv", "indicators-public.csv", "activity-effects.csv")) {
			assertThat(forcedFolder.resolve(MONTH).resolve(export)).as("the same data give the same " + export)
				.hasSameBinaryContentAs(output.resolve("first").resolve(MONTH).resolve(export));
		}
	}

	private static Map<?, ?> summary(Path folder) throws IOException {
		return JsonMapper.builder().build().readValue(folder.resolve("run-summary.json").toFile(), Map.class);
	}

	/**
	 * The jar that ./leefbaar would run without building it first (the script's own
	 * rule).
	 */
	private static boolean launcherIsBuilt() throws IOException {
		if (!Files.isRegularFile(JAR) || !Files.isExecutable(ROOT.resolve("leefbaar"))) {
			return false;
		}
		FileTime built = Files.getLastModifiedTime(JAR);
		if (Files.getLastModifiedTime(ROOT.resolve("pom.xml")).compareTo(built) > 0) {
			return false;
		}
		try (var sources = Files.walk(ROOT.resolve("src"))) {
			return sources.noneMatch(file -> {
				try {
					return Files.getLastModifiedTime(file).compareTo(built) > 0;
				}
				catch (IOException e) {
					return true;
				}
			});
		}
	}

	private static Exit launcher(String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of(ROOT.resolve("leefbaar").toString()));
		command.addAll(List.of(args));
		return finish(new ProcessBuilder(command).directory(ROOT.toFile()).start());
	}

	/**
	 * The real launcher when its jar is built, else the main class in a JVM of its own on
	 * the test classpath.
	 */
	private static Process start(String... args) throws IOException {
		List<String> command = new ArrayList<>();
		if (launcherIsBuilt()) {
			command.add(ROOT.resolve("leefbaar").toString());
		}
		else {
			command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
					System.getProperty("java.class.path"), "nl.leefbaar.LeefbaarApplication"));
		}
		command.addAll(List.of(args));
		return new ProcessBuilder(command).directory(ROOT.toFile()).start();
	}

	private static Exit finish(Process process) throws Exception {
		// --help and usage errors exit before Spring starts: small outputs, read after
		// the exit
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("exits").isTrue();
		return new Exit(process.exitValue(),
				new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
				new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
	}

}
