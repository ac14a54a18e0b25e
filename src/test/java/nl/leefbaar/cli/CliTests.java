package nl.leefbaar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import nl.leefbaar.schedule.StepCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the command line decides before anything starts. */
class CliTests {

	@TempDir
	Path folder;

	final ByteArrayOutputStream out = new ByteArrayOutputStream();

	final ByteArrayOutputStream err = new ByteArrayOutputStream();

	Cli.Prepared prepare(String... args) {
		Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), folder.resolve("jobs"));
		return cli.prepare(args, StepCatalog.STANDARD);
	}

	String err() {
		return err.toString(StandardCharsets.UTF_8);
	}

	@Test
	void aDatabaseOfAnUnreleasedEarlierSchemaSaysWhatToDoInOneLine() {
		Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), folder.resolve("jobs"));
		RuntimeException flyway = new IllegalStateException("Validate failed: Migrations have failed validation\n"
				+ "Detected applied migration not resolved locally: 150.");

		assertThat(cli.startFailed(new IllegalStateException("context", flyway), false)).isEqualTo(ExitCodes.FAILED);
		assertThat(err()).isEqualTo("leefbaar: cannot start: Validate failed: Migrations have failed validation"
				+ " (the database was made by an earlier, unreleased version of Leefbaar: start from a new"
				+ " LEEFBAAR_HOME or an empty database)\n");
	}

	@Test
	void anUnknownCommandIsAUsageErrorWithAHint() {
		Cli.Prepared prepared = prepare("no-such-command");

		assertThat(prepared.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(err()).isEqualTo("leefbaar: unknown command 'no-such-command'\nTry 'leefbaar --help'.\n");
	}

	@Test
	void aMonthThatDoesNotExistIsAUsageError() {
		Cli.Prepared prepared = prepare("compute", "--month", "2025-13");

		assertThat(prepared.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(err()).startsWith("leefbaar: bad --month '2025-13'").contains("leefbaar compute --help");
	}

	@Test
	void anUnknownOptionIsAUsageError() {
		assertThat(prepare("report", "--colour", "red").exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(err()).contains("unknown option '--colour'");
	}

	@Test
	void anUnknownJobIsAUsageError() throws Exception {
		Files.createDirectories(folder.resolve("jobs"));
		Files.writeString(folder.resolve("jobs/monthly.yml"), "steps: [compute]\n");

		assertThat(prepare("run", "yearly").exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(err()).contains("no job 'yearly'").contains("monthly");
	}

	@Test
	void aMissingInboxIsRefusedBeforeAnythingStarts() throws Exception {
		Files.createDirectories(folder.resolve("jobs"));
		Files.writeString(folder.resolve("jobs/monthly.yml"),
				"steps: [import, compute]\ninput: " + folder.resolve("inbox") + "\n");

		assertThat(prepare("run", "monthly").exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(prepare("import", "--input", folder.resolve("elsewhere").toString()).exitCode())
			.isEqualTo(ExitCodes.USAGE);
		assertThat(err()).contains("the input folder " + folder.resolve("inbox") + " does not exist")
			.contains("the input folder " + folder.resolve("elsewhere") + " does not exist");
	}

	@Test
	void anInvalidJobDefinitionIsRefusedNamingFileAndLine() throws Exception {
		Files.createDirectories(folder.resolve("jobs"));
		Files.writeString(folder.resolve("jobs/monthly.yml"), """
				steps: [import, compute]
				input: inbox
				cron: "0 0 6 32 * *"
				""");

		Cli.Prepared prepared = prepare("run", "monthly");

		assertThat(prepared.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(err())
			.startsWith("leefbaar: invalid job definition: " + folder.resolve("jobs/monthly.yml") + ":3: bad cron");
	}

	@Test
	void helpIsThereForEveryCommand() {
		for (String command : CommandLineParser.commands()) {
			out.reset();
			assertThat(prepare(command, "--help").exitCode()).isZero();
			assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: leefbaar " + command);
		}
		out.reset();
		assertThat(prepare("--help").exitCode()).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("Exit status");
		out.reset();
		assertThat(prepare("help", "run").exitCode()).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("latest month that has reports");
	}

	@Test
	void listShowsTheDefinitionsWithTheirNextRunWithoutADatabase() throws Exception {
		Files.createDirectories(folder.resolve("jobs"));
		Files.writeString(folder.resolve("jobs/monthly.yml"), """
				steps: [import, compute, report]
				cron: "0 0 6 2 * *"
				input: sample-data
				""");

		Cli.Prepared prepared = prepare("list");

		assertThat(prepared.exitCode()).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern(
				"monthly\\s+import, compute, report\\s+0 0 6 2 \\* \\*\\s+\\d{4}-\\d\\d-02 06:00\\s+sample-data -> out");
	}

	@Test
	void aRunOfAJobCarriesItsParametersAsSettingsNotAsApplicationArguments() throws Exception {
		Files.createDirectories(folder.resolve("jobs"));
		Files.writeString(folder.resolve("jobs/monthly.yml"), """
				steps: [compute]
				parameters: {W: 60, targets: {safety: 2}}
				""");

		Cli.Prepared prepared = prepare("run", "monthly", "--month", "2025-06");

		assertThat(prepared.exitCode()).isNull();
		assertThat(prepared.invocation().definitions().get("monthly").properties()).containsExactlyInAnyOrderEntriesOf(
				Map.of("leefbaar.indicators.repeat-window-days", "60", "leefbaar.indicators.target-days.safety", "2"));
		assertThat(prepared.applicationArguments()).contains("--logging.level.org.springframework.batch=OFF")
			.noneMatch(argument -> argument.startsWith("--leefbaar."));
	}

	@Test
	void theLauncherExitsWithUsageStatusWithoutStartingADatabase() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				"nl.leefbaar.LeefbaarApplication", "no-such-command")
			.directory(folder.toFile())
			.redirectErrorStream(false)
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

		assertThat(process.exitValue()).isEqualTo(ExitCodes.USAGE);
		String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(stderr.lines().toList())
			.isEqualTo(List.of("leefbaar: unknown command 'no-such-command'", "Try 'leefbaar --help'."));
		assertThat(folder.resolve(".leefbaar")).doesNotExist();
	}

}
