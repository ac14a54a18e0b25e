package nl.leefbaar.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import nl.leefbaar.schedule.JobDefinitions;
import nl.leefbaar.system.JobRuns;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs commands in this JVM against the probe steps, as the launcher would after start.
 */
final class CliHarness {

	private static final AtomicInteger NAMES = new AtomicInteger();

	record Result(int code, String out, String err) {
		String lastLine() {
			String[] lines = out.strip().split("\n");
			return lines[lines.length - 1];
		}
	}

	private final CommandRunner runner;

	final Path jobs;

	final Path output;

	CliHarness(CommandRunner runner, Path folder) throws IOException {
		this.runner = runner;
		this.jobs = Files.createDirectories(folder.resolve("jobs"));
		this.output = Files.createDirectories(folder.resolve("out"));
		Files.createDirectories(folder.resolve("inbox"));
	}

	/** A job name no other test used against the shared job repository. */
	static String uniqueName(String stem) {
		return "t-" + stem + "-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();
	}

	String define(String stem, String yaml) throws IOException {
		String name = uniqueName(stem);
		Files.writeString(jobs.resolve(name + ".yml"),
				yaml.replace("INBOX", jobs.resolveSibling("inbox").toString()).replace("OUT", output.toString()));
		return name;
	}

	String defineMonthly(String stem) throws IOException {
		return define(stem, """
				steps: [import, compute, report]
				cron: "0 0 6 2 * *"
				input: INBOX
				output: OUT
				""");
	}

	String defineMonthlyUnchecked(String stem) {
		try {
			return defineMonthly(stem);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	Result run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		ParsedCommand command = new CommandLineParser().parse(args);
		var definitions = JobDefinitions.load(jobs, ProbeSteps.CATALOG);
		int code = runner.execute(new Invocation(command, definitions, ProbeSteps.CATALOG),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	/**
	 * Leaves the shared job repository as the other tests expect it: without our runs
	 * (the jobs named t-..., and the stage commands' runs for the months 1999-xx that
	 * only these tests use).
	 */
	static void forgetTestRuns(JdbcTemplate jdbc, JobRepository jobRepository) {
		String instances = "select job_instance_id from batch_job_instance where job_name like 't-%' "
				+ "or job_instance_id in (select e.job_instance_id from batch_job_execution e "
				+ "join batch_job_execution_params p on p.job_execution_id = e.job_execution_id "
				+ "where p.parameter_name = 'month' and p.parameter_value like '1999-%')";
		List<Long> ids = jdbc.queryForList(instances, Long.class);
		JobRuns.forget(jobRepository, ids);
	}

}
