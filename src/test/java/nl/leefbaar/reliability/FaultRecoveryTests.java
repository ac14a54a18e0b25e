package nl.leefbaar.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.leefbaar.cli.CommandLineParser;
import nl.leefbaar.cli.CommandRunner;
import nl.leefbaar.cli.Invocation;
import nl.leefbaar.schedule.JobDefinitions;
import nl.leefbaar.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Faults under a running job, in the suite where they are quick: the database's sessions
 * terminated mid-job, an output folder that cannot be written. Each run fails with one
 * line naming the reason, leaves no partial file and no older file changed, and the same
 * command completes the run once the fault is gone. (SIGKILL and a full disk:
 * scripts/fault-drill.sh.)
 */
@SpringBootTest
class FaultRecoveryTests {

	@Autowired
	CommandRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	FaultSteps.Switch faults;

	@TempDir
	Path folder;

	Path jobs;

	Path out;

	String job;

	record Result(int code, String out, String err) {
		List<String> errLines() {
			return err.lines().filter(l -> !l.isBlank()).toList();
		}
	}

	@BeforeEach
	void givenASmallInbox() throws Exception {
		TestDatabase.clearDomainTables(jdbc);
		Path inbox = Files.createDirectories(folder.resolve("inbox"));
		jobs = Files.createDirectories(folder.resolve("jobs"));
		out = folder.resolve("out");
		new HostileData().writeInto(inbox);
		job = "t-fault-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
	}

	@AfterEach
	void forgetTheRuns() {
		faults.armed.set(false);
		JobHistory.forget(jdbc, jobRepository, "t-fault-%", out.toString());
	}

	private void define(String steps) throws Exception {
		Files.writeString(jobs.resolve(job + ".yml"), """
				steps: [%s]
				input: %s
				output: %s
				""".formatted(steps, folder.resolve("inbox"), out));
	}

	private Result run(String month) {
		ByteArrayOutputStream stdout = new ByteArrayOutputStream();
		ByteArrayOutputStream stderr = new ByteArrayOutputStream();
		var command = new CommandLineParser().parse("run", job, "--month", month, "--lang", "en");
		var definitions = JobDefinitions.load(jobs, FaultSteps.CATALOG);
		int code = runner.execute(new Invocation(command, definitions, FaultSteps.CATALOG),
				new PrintStream(stdout, true, StandardCharsets.UTF_8),
				new PrintStream(stderr, true, StandardCharsets.UTF_8));
		return new Result(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
	}

	@Test
	void theDatabaseGoingAwayMidJobFailsTheRunInOneLineAndTheSameCommandCompletesIt() throws Exception {
		define("import, dbfault, compute");
		faults.armed.set(true);

		Result failed = run(HostileData.MONTH);

		assertThat(faults.terminated).as("sessions terminated").isPositive();
		assertThat(failed.code()).as(failed.out() + failed.err()).isEqualTo(1);
		assertThat(failed.errLines()).as(failed.err()).hasSize(1);
		assertThat(failed.errLines().get(0)).startsWith("leefbaar: ").contains("failed").doesNotContain("Exception:");

		Result again = run(HostileData.MONTH);

		assertThat(again.code()).as(again.err()).isZero();
		assertThat(jdbc.queryForObject("select count(*) from report", Integer.class)).isEqualTo(58);
		assertThat(jdbc.queryForObject("select count(*) from indicator_value where period = date '2025-06-01'",
				Integer.class))
			.isPositive();
		assertThat(out.resolve(HostileData.MONTH + "/indicators.csv")).exists();
	}

	@Test
	void aMonthFolderThatCannotBeCreatedFailsInOneLineWithoutTouchingLastMonth() throws Exception {
		define("import, compute");
		assertThat(run("2025-05").code()).isZero();
		Map<String, String> lastMonth = checksums(out.resolve("2025-05"));
		Files.writeString(out.resolve(HostileData.MONTH), "a file where the month's folder belongs");

		Result failed = run(HostileData.MONTH);

		assertThat(failed.code()).as(failed.out() + failed.err()).isEqualTo(1);
		assertThat(failed.errLines()).as(failed.err()).hasSize(1).allMatch(l -> l.startsWith("leefbaar: "));
		assertThat(failed.errLines().get(failed.errLines().size() - 1)).contains(HostileData.MONTH)
			.contains("failed")
			.endsWith("cannot create the folder " + out.resolve(HostileData.MONTH)
					+ ": a file of that name is in the way");
		assertThat(checksums(out.resolve("2025-05"))).isEqualTo(lastMonth);
		assertThat(HostileData.filesUnder(out)).noneMatch(f -> f.getFileName().toString().endsWith(".tmp"));

		Files.delete(out.resolve(HostileData.MONTH));
		Result again = run(HostileData.MONTH);

		assertThat(again.code()).as(again.err()).isZero();
		assertThat(out.resolve(HostileData.MONTH + "/indicators-public.csv")).exists();
	}

	@Test
	void aChartsFolderThatCannotBeCreatedFailsTheReportInOneLineAndLeavesNoPartialFile() throws Exception {
		define("import, compute, report");
		Path month = Files.createDirectories(out.resolve(HostileData.MONTH));
		Files.writeString(month.resolve("charts"), "a file where the charts folder belongs");

		Result failed = run(HostileData.MONTH);

		assertThat(failed.code()).as(failed.out() + failed.err()).isEqualTo(1);
		String reason = failed.errLines().get(failed.errLines().size() - 1);
		assertThat(reason).contains("failed")
			.endsWith("cannot create the folder " + month.resolve("charts") + ": a file of that name is in the way");
		assertThat(failed.errLines()).hasSize(1);
		assertThat(reason.length()).isLessThan(400);
		assertThat(HostileData.filesUnder(out)).noneMatch(f -> f.getFileName().toString().endsWith(".tmp"));
		assertThat(month.resolve("charts")).isRegularFile();
	}

	private static Map<String, String> checksums(Path folder) throws Exception {
		Map<String, String> sums = new TreeMap<>();
		for (Path file : HostileData.filesUnder(folder)) {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
			sums.put(folder.relativize(file).toString(), HexFormat.of().formatHex(digest));
		}
		return sums;
	}

}
