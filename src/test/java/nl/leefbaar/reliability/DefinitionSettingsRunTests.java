package nl.leefbaar.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.leefbaar.cli.CommandLineParser;
import nl.leefbaar.cli.CommandRunner;
import nl.leefbaar.cli.Invocation;
import nl.leefbaar.schedule.JobDefinitions;
import nl.leefbaar.schedule.StepCatalog;
import nl.leefbaar.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A job definition's settings reach the real stages through the run's job parameters: the
 * figures follow the definition's W, and a restart of a failed run finishes with the W
 * the run started with, in the application as started once.
 */
@SpringBootTest
class DefinitionSettingsRunTests {

	private static final String MONTH = "2024-12";

	@Autowired
	CommandRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JobRepository jobRepository;

	Path folder;

	Path jobs;

	Path inbox;

	@BeforeEach
	void givenTheSampleInbox() throws IOException {
		TestDatabase.clearDomainTables(jdbc);
		folder = Files.createTempDirectory("leefbaar-settings");
		jobs = Files.createDirectories(folder.resolve("jobs"));
		inbox = Files.createDirectories(folder.resolve("inbox"));
		for (String file : List.of("neighbourhoods.csv", "complexes.csv", "reports.csv", "activities.csv")) {
			Files.copy(Path.of("sample-data", file), inbox.resolve(file));
		}
	}

	@AfterEach
	void forgetTheRuns() {
		JobHistory.forget(jdbc, jobRepository, "t-settings-%", folder.resolve("out-plain").toString());
	}

	@Test
	void aRunComputesWithItsDefinitionsWAndItsRestartFinishesWithTheSame() throws Exception {
		Result plain = command("run", define("plain", ""), "--month", MONTH);
		assertThat(plain.code()).as(plain.err()).isZero();
		Path out = folder.resolve("out-w30");
		// the month's folder is a file: the exports cannot be written, the run fails
		Files.createDirectories(out);
		Files.writeString(out.resolve(MONTH), "in the way");
		Result failed = command("run", define("w30", "parameters: {W: 30}"), "--month", MONTH);
		assertThat(failed.code()).as(failed.out()).isEqualTo(1);
		Files.delete(out.resolve(MONTH));

		Result restarted = command("restart", executionId(failed));

		assertThat(restarted.code()).as(restarted.err()).isZero();
		Path plainFigures = folder.resolve("out-plain").resolve(MONTH).resolve("indicators.csv");
		Path w30Figures = out.resolve(MONTH).resolve("indicators.csv");
		assertThat(cityFigure(w30Figures, "reports_12m")).isEqualTo(cityFigure(plainFigures, "reports_12m"));
		assertThat(Double.parseDouble(cityFigure(w30Figures, "repeat_rate")))
			.as("a repeat within 30 days rather than 90")
			.isLessThan(Double.parseDouble(cityFigure(plainFigures, "repeat_rate")));
	}

	private String define(String stem, String parameters) throws IOException {
		String name = "t-settings-" + stem + "-" + ProcessHandle.current().pid();
		Files.writeString(jobs.resolve(name + ".yml"), """
				steps: [import, compute]
				input: %s
				output: %s
				%s
				""".formatted(inbox, folder.resolve("out-" + stem), parameters));
		return name;
	}

	/** The city's value of an indicator over all categories in the month's export. */
	private static String cityFigure(Path indicators, String indicator) throws IOException {
		return Csv.read(indicators)
			.stream()
			.filter(row -> row.get(0).equals(MONTH) && row.get(1).equals("city") && row.get(4).equals("all")
					&& row.get(5).equals(indicator))
			.findFirst()
			.orElseThrow()
			.get(6);
	}

	private static String executionId(Result result) {
		Matcher matcher = Pattern.compile("execution (\\d+)").matcher(result.out() + result.err());
		assertThat(matcher.find()).as(result.out() + result.err()).isTrue();
		return matcher.group(1);
	}

	private Result command(String... args) {
		ByteArrayOutputStream stdout = new ByteArrayOutputStream();
		ByteArrayOutputStream stderr = new ByteArrayOutputStream();
		var definitions = JobDefinitions.load(jobs, StepCatalog.STANDARD);
		int code = runner.execute(
				new Invocation(new CommandLineParser().parse(args), definitions, StepCatalog.STANDARD),
				new PrintStream(stdout, true, StandardCharsets.UTF_8),
				new PrintStream(stderr, true, StandardCharsets.UTF_8));
		return new Result(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
	}

	private record Result(int code, String out, String err) {
	}

}
