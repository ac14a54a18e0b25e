package nl.leefbaar.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import nl.leefbaar.cli.Cli;
import nl.leefbaar.cli.CommandRunner;
import nl.leefbaar.schedule.StepCatalog;
import nl.leefbaar.support.TestDatabase;
import nl.leefbaar.system.JobRuns;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs a command the way the launcher does after the application started: the command
 * line's own parsing and job definitions ({@link Cli#prepare}, the real jobs/ folder and
 * the real steps), then {@link CommandRunner#execute}.
 */
final class CommandLine {

	/**
	 * The committed sample data, relative to the project root (the tests' working
	 * directory).
	 */
	static final Path SAMPLE_DATA = Path.of("sample-data");
	static final Path JOBS = Path.of("jobs");

	record Result(int code, String out, String err) {
		String lastLine() {
			List<String> lines = out.strip().lines().toList();
			return lines.get(lines.size() - 1);
		}
	}

	private final CommandRunner runner;

	CommandLine(CommandRunner runner) {
		this.runner = runner;
	}

	Result run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
		PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
		Cli.Prepared prepared = new Cli(outStream, errStream, JOBS).prepare(args, StepCatalog.STANDARD);
		int code = prepared.exitCode() != null ? prepared.exitCode()
				: runner.execute(prepared.invocation(), outStream, errStream);
		return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	/**
	 * The sample month on a clean database, as the end-to-end tests read it: the monthly
	 * job into {@code output}, then the month's report in English into {@code english}.
	 */
	void runSampleMonth(JdbcTemplate jdbc, JobRepository jobRepository, YearMonth month, Path output, Path english) {
		TestDatabase.clearDomainTables(jdbc);
		forgetRuns(jdbc, jobRepository, month.toString(), "monthly");
		Result monthly = run("run", "monthly", "--month", month.toString(), "--input", SAMPLE_DATA.toString(),
				"--output", output.toString());
		assertThat(monthly.code()).as(monthly.err()).isZero();
		Result report = run("report", "--month", month.toString(), "--output", english.toString(), "--lang", "en");
		assertThat(report.code()).as(report.err()).isZero();
	}

	/**
	 * Removes the job repository's record of the runs of these jobs for this month, so
	 * that a test class runs the month afresh and leaves the shared repository as it
	 * found it.
	 */
	static void forgetRuns(JdbcTemplate jdbc, JobRepository jobRepository, String month, String... jobs) {
		for (String job : jobs) {
			List<Long> instances = jdbc.queryForList("""
					select distinct i.job_instance_id from batch_job_instance i
					join batch_job_execution e on e.job_instance_id = i.job_instance_id
					join batch_job_execution_params p on p.job_execution_id = e.job_execution_id
					where i.job_name = ? and p.parameter_name = 'month' and p.parameter_value = ?
					""", Long.class, job, month);
			JobRuns.forget(jobRepository, instances);
		}
	}

}
