package nl.leefbaar.deliver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.leefbaar.cli.CommandLineParser;
import nl.leefbaar.cli.CommandRunner;
import nl.leefbaar.cli.Invocation;
import nl.leefbaar.cli.ProbeSteps;
import nl.leefbaar.schedule.JobDefinitions;
import nl.leefbaar.schedule.StepCatalog;
import nl.leefbaar.system.JobRuns;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs commands in this JVM as the launcher would after start, against job definitions of
 * a test folder (the probes for import, compute and report, the real deliver step), and
 * leaves the shared job repository and delivery log as it found them.
 */
final class DeliveryCli {

	record Result(int code, String out, String err) {
		String lastLine() {
			List<String> lines = out.strip().lines().toList();
			return lines.get(lines.size() - 1);
		}

		@SuppressWarnings("unchecked")
		List<Map<String, Object>> deliveries() {
			Map<?, ?> summary = JsonMapper.builder().build().readValue(Path.of(lastLine()).toFile(), Map.class);
			return (List<Map<String, Object>>) summary.get("deliveries");
		}

		String executionId() {
			Matcher matcher = Pattern.compile("execution (\\d+)").matcher(out + err);
			if (!matcher.find()) {
				throw new AssertionError("no execution id in: " + out + err);
			}
			return matcher.group(1);
		}
	}

	private final CommandRunner runner;

	private final StepCatalog catalog;

	final Path jobs;

	final Path output;

	DeliveryCli(CommandRunner runner, Path folder) throws IOException {
		this(runner, folder, ProbeSteps.CATALOG);
	}

	/** With the real steps ({@link StepCatalog#STANDARD}) or the probes. */
	DeliveryCli(CommandRunner runner, Path folder, StepCatalog catalog) throws IOException {
		this.runner = runner;
		this.catalog = catalog;
		this.jobs = Files.createDirectories(folder.resolve("jobs"));
		this.output = folder.resolve("out");
	}

	/** A job of the report probe and the deliver step, with this deliver: block. */
	String define(String deliverBlock) throws IOException {
		String name = "d-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
		Files.writeString(jobs.resolve(name + ".yml"),
				"steps: [report, deliver]\noutput: " + output + "\n" + deliverBlock);
		return name;
	}

	Result run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		var command = new CommandLineParser().parse(args);
		var definitions = JobDefinitions.load(jobs, catalog);
		int code = runner.execute(new Invocation(command, definitions, catalog),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	/**
	 * Forgets the runs of the jobs d-... and the deliver command's runs of the months
	 * 1998-xx and 2026-10 (the sample data's), and the deliveries of those months.
	 */
	static void forget(JdbcTemplate jdbc, JobRepository jobRepository) {
		jdbc.update("delete from delivery_log where month like '1998-%' or month = '2026-10'");
		List<Long> instances = jdbc.queryForList(
				"""
						select job_instance_id from batch_job_instance where job_name like 'd-%'
						or job_instance_id in (select e.job_instance_id from batch_job_execution e
						    join batch_job_instance i on i.job_instance_id = e.job_instance_id and i.job_name = 'deliver'
						    join batch_job_execution_params p on p.job_execution_id = e.job_execution_id
						    where p.parameter_name = 'month' and (p.parameter_value like '1998-%' or p.parameter_value = '2026-10'))
						""",
				Long.class);
		JobRuns.forget(jobRepository, instances);
	}

}
