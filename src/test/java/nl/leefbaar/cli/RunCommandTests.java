package nl.leefbaar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import nl.leefbaar.schedule.RunLock;
import nl.leefbaar.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
class RunCommandTests {

	@Autowired
	CommandRunner runner;

	@Autowired
	ProbeSteps.Probe probe;

	@Autowired
	RunLock runLock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JobRepository jobRepository;

	@TempDir
	Path folder;

	CliHarness cli;

	@BeforeEach
	void setUp() throws Exception {
		TestDatabase.clearDomainTables(jdbc);
		probe.reset();
		cli = new CliHarness(runner, folder);
	}

	@AfterEach
	void forgetRuns() {
		CliHarness.forgetTestRuns(jdbc, jobRepository);
	}

	@Test
	void runsEveryStepOfTheDefinitionForTheMonth() {
		String job = cli.defineMonthlyUnchecked("steps");

		CliHarness.Result result = cli.run("run", job, "--month", "2025-06");

		assertThat(result.code()).as(result.err()).isZero();
		assertThat(probe.calls).containsExactly("import", "compute 2025-06", "report 2025-06");
		assertThat(cli.output.resolve("2025-06/probe-2025-06.txt")).exists();
	}

	@Test
	void doesNotRunACompletedMonthTwice() {
		String job = cli.defineMonthlyUnchecked("twice");
		assertThat(cli.run("run", job, "--month", "2025-06").code()).isZero();
		probe.reset();

		CliHarness.Result second = cli.run("run", job, "--month", "2025-06");

		assertThat(second.code()).isZero();
		assertThat(second.out()).contains("already completed").contains("--force");
		assertThat(probe.calls).isEmpty();
	}

	@Test
	void forceRunsACompletedMonthAgain() {
		String job = cli.defineMonthlyUnchecked("force");
		assertThat(cli.run("run", job, "--month", "2025-06").code()).isZero();
		probe.reset();

		CliHarness.Result forced = cli.run("run", job, "--month", "2025-06", "--force");

		assertThat(forced.code()).as(forced.err()).isZero();
		assertThat(probe.calls).containsExactly("import", "compute 2025-06", "report 2025-06");
	}

	@Test
	void refusesToRunWhileAnotherProcessHoldsTheLockAndNamesIt() {
		String job = cli.defineMonthlyUnchecked("lock");
		try (RunLock.Held held = runLock.acquire(job, "2025-06")) {

			CliHarness.Result result = cli.run("run", job, "--month", "2025-06");

			assertThat(result.code()).isEqualTo(ExitCodes.LOCKED);
			assertThat(result.err().strip()).doesNotContain("\n")
				.contains(runLock.self())
				.contains("since")
				.contains(job)
				.contains("2025-06");
			assertThat(probe.calls).isEmpty();
		}
		assertThat(cli.run("run", job, "--month", "2025-06").code()).as("free again after release").isZero();
	}

	@Test
	void anotherMonthOfTheSameJobIsNotLocked() {
		String job = cli.defineMonthlyUnchecked("othermonth");
		try (RunLock.Held held = runLock.acquire(job, "2025-05")) {
			assertThat(cli.run("run", job, "--month", "2025-06").code()).isZero();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "import", "compute", "report" })
	void restartAfterAFailureContinuesWhereItStopped(String failingStep) {
		String job = cli.defineMonthlyUnchecked("restart-" + failingStep);
		probe.failOnce(failingStep, "disk full while writing");

		CliHarness.Result failed = cli.run("run", job, "--month", "2025-06");

		assertThat(failed.code()).isEqualTo(ExitCodes.FAILED);
		assertThat(failed.err().strip()).doesNotContain("\n")
			.contains("disk full while writing")
			.doesNotContain("Exception");
		long executionId = executionId(failed);
		List<String> steps = List.of("import", "compute 2025-06", "report 2025-06");
		int failedAt = List.of("import", "compute", "report").indexOf(failingStep);
		assertThat(probe.calls).containsExactlyElementsOf(steps.subList(0, failedAt + 1));
		probe.reset();

		CliHarness.Result restarted = cli.run("restart", String.valueOf(executionId));

		assertThat(restarted.code()).as(restarted.err()).isZero();
		assertThat(probe.calls).as("completed steps are not run again")
			.containsExactlyElementsOf(steps.subList(failedAt, 3));
		assertThat(restarted.out()).contains("COMPLETED");
		assertThat(cli.output.resolve("2025-06/probe-2025-06.txt")).exists();
	}

	@Test
	void aRestartTakesTheSettingsTheRunStartedWithNotTheEditedDefinitions() throws Exception {
		String job = cli.define("settings", """
				steps: [import, compute, report]
				input: INBOX
				output: OUT
				parameters: {W: 60}
				""");
		probe.failOnce("report", "disk full");
		long executionId = executionId(cli.run("run", job, "--month", "2025-06"));
		Files.writeString(cli.jobs.resolve(job + ".yml"),
				Files.readString(cli.jobs.resolve(job + ".yml")).replace("W: 60", "W: 30"));

		CliHarness.Result restarted = cli.run("restart", String.valueOf(executionId));

		assertThat(restarted.code()).as(restarted.err()).isZero();
		assertThat(probe.repeatWindows).as("the failed report step, then its restart").containsExactly(60, 60);
		var parameters = jobRepository.getJobExecution(executionId(restarted)).getJobParameters();
		assertThat(parameters.getParameter("setting.leefbaar.indicators.repeat-window-days"))
			.satisfies(setting -> assertThat(setting.value()).isEqualTo("60"))
			.satisfies(setting -> assertThat(setting.identifying()).isFalse());
	}

	@Test
	void aRestartOfARunThatRecordedNoSettingsTakesTheDefinitions() throws Exception {
		String job = cli.defineMonthlyUnchecked("unrecorded");
		probe.failOnce("report", "disk full");
		long executionId = executionId(cli.run("run", job, "--month", "2025-06"));
		Files.writeString(cli.jobs.resolve(job + ".yml"), "parameters: {W: 60}\n", StandardOpenOption.APPEND);

		CliHarness.Result restarted = cli.run("restart", String.valueOf(executionId));

		assertThat(restarted.code()).as(restarted.err()).isZero();
		assertThat(probe.calls).containsExactly("import", "compute 2025-06", "report 2025-06", "report 2025-06");
		assertThat(probe.repeatWindows).containsExactly(90, 60);
	}

	@Test
	void runningAFailedMonthAgainContinuesIt() {
		String job = cli.defineMonthlyUnchecked("again");
		probe.failOnce("report", "no space left");
		assertThat(cli.run("run", job, "--month", "2025-06").code()).isEqualTo(ExitCodes.FAILED);
		probe.reset();

		assertThat(cli.run("run", job, "--month", "2025-06").code()).isZero();

		assertThat(probe.calls).containsExactly("report 2025-06");
	}

	@Test
	void restartRecoversAnExecutionThatAKilledProcessLeftRunning() {
		String job = cli.defineMonthlyUnchecked("killed");
		probe.failOnce("compute", "killed");
		long executionId = executionId(cli.run("run", job, "--month", "2025-06"));
		// what a killed process leaves behind: the execution and its step still STARTED
		jdbc.update(
				"update batch_job_execution set status = 'STARTED', exit_code = 'UNKNOWN', end_time = null where job_execution_id = ?",
				executionId);
		jdbc.update("update batch_step_execution set status = 'STARTED', exit_code = 'EXECUTING', end_time = null "
				+ "where job_execution_id = ? and step_name = 'compute'", executionId);
		probe.reset();

		CliHarness.Result restarted = cli.run("restart", String.valueOf(executionId));

		assertThat(restarted.code()).as(restarted.err()).isZero();
		assertThat(probe.calls).containsExactly("compute 2025-06", "report 2025-06");
	}

	@Test
	void runningAMonthThatAKilledProcessLeftRunningRecoversAndContinuesIt() {
		String job = cli.defineMonthlyUnchecked("killedrun");
		probe.failOnce("report", "killed");
		long executionId = executionId(cli.run("run", job, "--month", "2025-06"));
		jdbc.update(
				"update batch_job_execution set status = 'STARTED', exit_code = 'UNKNOWN', end_time = null where job_execution_id = ?",
				executionId);
		jdbc.update("update batch_step_execution set status = 'STARTED', exit_code = 'EXECUTING', end_time = null "
				+ "where job_execution_id = ? and step_name = 'report'", executionId);
		probe.reset();

		CliHarness.Result again = cli.run("run", job, "--month", "2025-06");

		assertThat(again.code()).as(again.err()).isZero();
		assertThat(probe.calls).containsExactly("report 2025-06");
	}

	@Test
	void writesTheRunSummaryWithTheFieldsOfTheContractAndPrintsItsPathLast() throws Exception {
		String job = cli.defineMonthlyUnchecked("summary");

		CliHarness.Result result = cli.run("run", job, "--month", "2025-06");

		Path json = Path.of(result.lastLine());
		assertThat(json).isEqualTo(cli.output.resolve("2025-06/run-summary.json"));
		assertThat(json.resolveSibling("run-summary.txt")).exists();
		Map<?, ?> summary = JsonMapper.builder().build().readValue(json.toFile(), Map.class);
		assertThat(new ArrayList<Object>(summary.keySet())).containsExactly("job", "month", "status", "execution_id",
				"started", "seconds", "input", "months_computed", "files", "deliveries");
		assertThat(summary.get("job")).isEqualTo(job);
		assertThat(summary.get("month")).isEqualTo("2025-06");
		assertThat(summary.get("status")).isEqualTo("COMPLETED");
		assertThat(((Number) summary.get("execution_id")).longValue()).isPositive();
		assertThat((String) summary.get("started")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0[12]:00");
		assertThat(summary.get("seconds")).isInstanceOf(Number.class);
		Map<?, ?> input = (Map<?, ?>) summary.get("input");
		assertThat(new ArrayList<Object>(input.keySet())).containsExactly("files", "rows_read", "loaded", "rejected",
				"new", "changed", "unchanged", "unmapped_categories", "rejects_file");
		assertThat(input.get("rows_read")).isEqualTo(10);
		assertThat(input.get("rejected")).isEqualTo(1);
		assertThat((String) input.get("rejects_file")).endsWith("rejects-probe.csv");
		assertThat(summary.get("months_computed")).isEqualTo(List.of("2025-06"));
		assertThat(summary.get("files")).isEqualTo(List.of(cli.output.resolve("2025-06/probe-2025-06.txt").toString()));
		assertThat(Files.getPosixFilePermissions(json)).hasSize(2);
	}

	@Test
	void writesTheSummaryOfAFailedRunToo() throws Exception {
		String job = cli.defineMonthlyUnchecked("failedsummary");
		probe.failOnce("report", "chart too large");

		CliHarness.Result result = cli.run("run", job, "--month", "2025-06");

		Map<?, ?> summary = JsonMapper.builder().build().readValue(Path.of(result.lastLine()).toFile(), Map.class);
		assertThat(summary.get("status")).isEqualTo("FAILED");
		assertThat(Files.readString(cli.output.resolve("2025-06/run-summary.txt"))).contains("chart too large");
	}

	@Test
	void neverShowsDatabaseCredentials() throws Exception {
		String job = cli.defineMonthlyUnchecked("secret");
		probe.failOnce("compute",
				"connection to jdbc:postgresql://db:5432/leefbaar?user=app&password=s3cr3t-Pw refused; "
						+ "also tried postgresql://app:s3cr3t-Pw@db/leefbaar");

		CliHarness.Result result = cli.run("run", job, "--month", "2025-06");

		assertThat(result.code()).isEqualTo(ExitCodes.FAILED);
		assertThat(result.err()).contains("password=***").doesNotContain("s3cr3t");
		assertThat(result.out()).doesNotContain("s3cr3t");
		assertThat(Files.readString(cli.output.resolve("2025-06/run-summary.txt"))).doesNotContain("s3cr3t");
		assertThat(Files.readString(cli.output.resolve("2025-06/run-summary.json"))).doesNotContain("s3cr3t");
	}

	@Test
	void decidesTheMonthAfterTheImportWhenTheDataEndBeforeTheLastCompleteMonth() throws Exception {
		String job = cli.defineMonthlyUnchecked("resolve");
		probe.importReportDay = "2024-03-15";

		CliHarness.Result result = cli.run("run", job);

		assertThat(result.code()).as(result.err()).isZero();
		assertThat(probe.calls).containsExactly("import", "compute 2024-03", "report 2024-03");
		assertThat(Path.of(result.lastLine())).isEqualTo(cli.output.resolve("2024-03/run-summary.json"));
	}

	@Test
	void importOnlyRunsWriteTheirSummaryIntoTheImportFolderAndRunEveryTime() throws Exception {
		String job = cli.define("imports", """
				steps: [import]
				input: INBOX
				output: OUT
				""");

		assertThat(cli.run("run", job).code()).isZero();
		CliHarness.Result second = cli.run("run", job);

		assertThat(second.code()).isZero();
		assertThat(probe.calls).containsExactly("import", "import");
		assertThat(Path.of(second.lastLine())).isEqualTo(cli.output.resolve("import/run-summary.json"));
	}

	@Test
	void theStageCommandsAreOneStepJobsThatRunWheneverAskedAndKeepTheirOwnSummaries() {
		CliHarness.Result compute = cli.run("compute", "--month", "1999-02", "--output", cli.output.toString());
		CliHarness.Result report = cli.run("report", "--month", "1999-02", "--output", cli.output.toString());
		CliHarness.Result english = cli.run("report", "--month", "1999-02", "--output", cli.output.toString(), "--lang",
				"en");

		assertThat(compute.code()).as(compute.err()).isZero();
		assertThat(report.code()).as(report.err()).isZero();
		assertThat(english.code()).as(english.err()).isZero();
		assertThat(probe.calls).containsExactly("compute 1999-02", "report 1999-02", "report 1999-02");
		Path summary = Path.of(english.lastLine());
		assertThat(summary).hasParent(cli.output.resolve("runs"));
		assertThat(summary.getFileName().toString()).matches("report-\\d{4}-\\d\\d-\\d\\dT\\d{6}(-\\d+)?\\.json");
		assertThat(summary.resolveSibling(summary.getFileName().toString().replace(".json", ".txt"))).exists();
		assertThat(Path.of(compute.lastLine()).getFileName().toString()).startsWith("compute-");
		assertThat(Path.of(report.lastLine())).exists().isNotEqualTo(summary);
		assertThat(cli.output.resolve("1999-02/run-summary.json")).doesNotExist();
	}

	@Test
	void statusListsRecentExecutions() {
		String job = cli.defineMonthlyUnchecked("status");
		long id = executionId(cli.run("run", job, "--month", "2025-06"));

		CliHarness.Result status = cli.run("status");

		assertThat(status.code()).isZero();
		assertThat(status.out()).containsPattern(id + "\\s+" + job
				+ "\\s+2025-06\\s+COMPLETED\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\s+\\d+\\.\\d s\\s+10\\s+1");
	}

	@Test
	void restartOfAnUnknownExecutionIsAUsageError() {
		CliHarness.Result result = cli.run("restart", "987654321");

		assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("no execution 987654321");
	}

	@Test
	void aMissingInputFolderIsRefused() {
		CliHarness.Result result = cli.run("import", "--input", folder.resolve("nowhere").toString());

		assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("nowhere").contains("does not exist");
	}

	private static long executionId(CliHarness.Result result) {
		var matcher = Pattern.compile("execution (\\d+)").matcher(result.out());
		assertThat(matcher.find()).as(result.out()).isTrue();
		return Long.parseLong(matcher.group(1));
	}

}
