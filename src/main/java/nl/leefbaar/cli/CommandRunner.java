package nl.leefbaar.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import nl.leefbaar.deliver.DeliverBlockReader;
import nl.leefbaar.deliver.DeliverKeys;
import nl.leefbaar.deliver.DeliveryLog;
import nl.leefbaar.deliver.DeliveryStatus;
import nl.leefbaar.domain.Months;
import nl.leefbaar.schedule.ChildProcessRunner;
import nl.leefbaar.schedule.JobDefinition;
import nl.leefbaar.schedule.JobDefinitions;
import nl.leefbaar.schedule.RunHistory;
import nl.leefbaar.schedule.Scheduler;
import nl.leefbaar.sources.Watermarks;
import nl.leefbaar.system.LeefbaarProperties;
import nl.leefbaar.system.RunKeys;
import nl.leefbaar.system.RunParameters;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Carries out the commands that need the database, once the application has started. */
@Component
public class CommandRunner {

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Runs runs;

	private final RunHistory history;

	private final JobRepository jobRepository;

	private final LeefbaarProperties properties;

	private final Failures failures;

	private final DeliveryLog deliveryLog;

	private final Watermarks watermarks;

	private final ObjectProvider<ChildProcessRunner> childProcesses;

	CommandRunner(Runs runs, RunHistory history, JobRepository jobRepository, LeefbaarProperties properties,
			Failures failures, DeliveryLog deliveryLog, Watermarks watermarks,
			ObjectProvider<ChildProcessRunner> childProcesses) {
		this.childProcesses = childProcesses;
		this.deliveryLog = deliveryLog;
		this.watermarks = watermarks;
		this.runs = runs;
		this.history = history;
		this.jobRepository = jobRepository;
		this.properties = properties;
		this.failures = failures;
	}

	public int execute(Invocation invocation, PrintStream out, PrintStream err) {
		ParsedCommand command = invocation.command();
		try {
			return switch (command.command()) {
				case "run" -> run(invocation, out, err);
				case "deliver" -> deliver(invocation, out, err);
				case "import", "compute", "report" ->
					runs.launch(stage(command), invocation.catalog(), command.debug(), out, err);
				case "restart" -> restart(invocation, out, err);
				case "status" -> status(Integer.parseInt(command.option("limit").orElse("20")), out,
						command.option("month").or(deliveryLog::latestMonth));
				case "schedule" -> schedule(invocation, out);
				default -> throw new UsageException(command.command(), "unknown command '" + command.command() + "'");
			};
		}
		catch (UsageException e) {
			err.println("leefbaar: " + e.getMessage());
			return ExitCodes.USAGE;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return ExitCodes.OK;
		}
		catch (Exception e) {
			return failures.report(e, command.debug(), err);
		}
	}

	private int run(Invocation invocation, PrintStream out, PrintStream err) {
		ParsedCommand command = invocation.command();
		JobDefinition definition = Cli.definition(invocation.definitions(), command.arguments().get(0));
		if (!definition.monthly() && command.flag("month")) {
			throw new UsageException("run", "job " + definition.name() + " only imports and has no month");
		}
		RunRequest request = new RunRequest(definition.name(), definition.steps(), command.month(), false,
				command.option("input").map(Path::of).orElse(definition.input()),
				command.option("output").map(Path::of).orElse(definition.output()),
				command.option("lang").orElse(definition.language()), command.flag("force"), null, false,
				stepParameters(definition, command), definition.pulledSources());
		return runs.launch(request, invocation.catalog(), command.debug(), out, err);
	}

	/**
	 * The deliver step's parameters and the definition's settings, which the job
	 * repository keeps with the run for a restart.
	 */
	private static Map<String, String> stepParameters(JobDefinition definition, ParsedCommand command) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put(DeliverKeys.DEFINITION, definition.file().toString());
		parameters.put(DeliverKeys.DELIVER, String.valueOf(!command.flag("no-deliver")));
		parameters.putAll(RunParameters.settingParameters(definition.properties()));
		return parameters;
	}

	/** The one-step jobs import, compute and report, named after their step. */
	private RunRequest stage(ParsedCommand command) {
		String name = command.command();
		String scope = command.option("scope")
			.or(() -> command.option("complexes").map(ids -> "complexes:" + ids))
			.orElse(null);
		return new RunRequest(name, List.of(name), command.month(), command.flag("all"),
				command.option("input").map(Path::of).orElse(null),
				command.option("output").map(Path::of).orElse(properties.output()),
				command.option("lang").orElse(properties.lang()), command.flag("force"), scope, true, Map.of());
	}

	/**
	 * {@code deliver}: the deliver step alone, for the month's files as they are, with
	 * the {@code deliver:} block, output folder and language of a job definition; --force
	 * sends every entry again.
	 */
	private int deliver(Invocation invocation, PrintStream out, PrintStream err) {
		ParsedCommand command = invocation.command();
		JobDefinition definition = deliveringDefinition(invocation.definitions(), command.option("job"));
		RunRequest request = new RunRequest("deliver", List.of("deliver"), command.month(), false, null,
				command.option("output").map(Path::of).orElse(definition.output()), definition.language(),
				command.flag("force"), null, true, Map.of(DeliverKeys.DEFINITION, definition.file().toString(),
						DeliverKeys.RESEND, String.valueOf(command.flag("force"))));
		return runs.launch(request, invocation.catalog(), command.debug(), out, err);
	}

	/**
	 * The definition named by --job, else the only one with a {@code deliver:} block (or
	 * {@code monthly} among several).
	 */
	static JobDefinition deliveringDefinition(Map<String, JobDefinition> definitions, Optional<String> job) {
		if (job.isPresent()) {
			JobDefinition definition = definitions.get(job.get());
			if (definition == null || DeliverBlockReader.of(definition.file()).isEmpty()) {
				throw new UsageException("deliver", "job '" + job.get() + "' "
						+ (definition == null ? "is not in " + Cli.jobsFolder() + "/" : "has no deliver: block"));
			}
			return definition;
		}
		List<JobDefinition> delivering = definitions.values()
			.stream()
			.filter(definition -> DeliverBlockReader.of(definition.file()).isPresent())
			.toList();
		if (delivering.size() == 1) {
			return delivering.get(0);
		}
		if (delivering.isEmpty()) {
			throw new UsageException("deliver",
					"no job definition in " + Cli.jobsFolder() + "/ has a deliver: block (sources-and-delivery.md)");
		}
		return delivering.stream()
			.filter(definition -> definition.name().equals("monthly"))
			.findFirst()
			.orElseThrow(() -> new UsageException("deliver",
					"several job definitions have a deliver: block ("
							+ String.join(", ", delivering.stream().map(JobDefinition::name).toList())
							+ "): name one with --job"));
	}

	private int restart(Invocation invocation, PrintStream out, PrintStream err) {
		ParsedCommand command = invocation.command();
		long id = Long.parseLong(command.arguments().get(0));
		JobExecution execution;
		try {
			execution = jobRepository.getJobExecution(id);
		}
		catch (RuntimeException e) {
			execution = null; // the repository reports an unknown id in its own ways
		}
		if (execution == null) {
			throw new UsageException("restart", "no execution " + id + " (see leefbaar status)");
		}
		String job = execution.getJobInstance().getJobName();
		if (JobDefinitions.RESERVED.contains(job)) {
			return runs.restart(id, List.of(job), Map.of(), invocation.catalog(), command.debug(), out, err);
		}
		JobDefinition definition = Optional.ofNullable(invocation.definitions().get(job))
			.orElseThrow(() -> new UsageException("restart",
					"execution " + id + " is of job " + job + ", which jobs/ does not define"));
		return runs.restart(id, definition.steps(), definition.properties(), invocation.catalog(), command.debug(), out,
				err);
	}

	int status(int limit, PrintStream out, Optional<String> deliveriesMonth) {
		out.printf("%-6s %-14s %-8s %-10s %-17s %9s %10s %6s%n", "id", "job", "month", "status", "started", "duration",
				"rows read", "files");
		for (long id : history.recentExecutionIds(limit)) {
			JobExecution execution = jobRepository.getJobExecution(id);
			var facts = execution.getExecutionContext();
			RunParameters run = RunParameters.of(execution, properties);
			String month = run.month() == null && !run.allMonths() ? "-" : run.key();
			LocalDateTime start = execution.getStartTime();
			LocalDateTime end = execution.getEndTime();
			String started = start == null ? "-"
					: MINUTE.format(start.atZone(ZoneId.systemDefault()).withZoneSameInstant(Months.ZONE));
			String duration = start == null ? "-" : String.format(Locale.ROOT, "%.1f s",
					Duration.between(start, end != null ? end : LocalDateTime.now()).toMillis() / 1000.0);
			Object rows = facts.get(RunKeys.ROWS_READ);
			Object files = facts.get(RunKeys.FILES);
			long fileCount = files == null ? 0 : files.toString().lines().filter(l -> !l.isBlank()).count();
			out.printf("%-6d %-14s %-8s %-10s %-17s %9s %10s %6d%n", id, execution.getJobInstance().getJobName(), month,
					execution.getStatus(), started, duration, rows == null ? "-" : rows, fileCount);
		}
		deliveriesMonth.ifPresent(month -> DeliveryStatus.print(deliveryLog.sent(month), month, out));
		printSources(out);
		return ExitCodes.OK;
	}

	/** Each pulled source's watermark and last pull (times in Europe/Amsterdam). */
	private void printSources(PrintStream out) {
		List<Watermarks.Mark> marks = watermarks.all();
		if (marks.isEmpty()) {
			return;
		}
		DateTimeFormatter second = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
		out.println();
		out.printf("%-14s %-10s %-10s %-19s %-17s %9s%n", "source", "kind", "type", "watermark", "last pull", "pulled");
		for (Watermarks.Mark mark : marks) {
			out.printf("%-14s %-10s %-10s %-19s %-17s %9d%n", mark.source(), mark.kind(), mark.type(),
					mark.watermark() == null ? "-" : second.format(mark.watermark().atZone(Months.ZONE)),
					MINUTE.format(mark.lastPull().atZone(Months.ZONE)), mark.lastPulled());
		}
	}

	private int schedule(Invocation invocation, PrintStream out) throws InterruptedException {
		Clock clock = Clock.systemDefaultZone();
		Scheduler scheduler = new Scheduler(invocation.definitions().values(), clock, childProcesses.getObject(),
				history, Scheduler.sleeping(clock));
		out.println("Scheduler up (pid " + ProcessHandle.current().pid() + "); Ctrl-C stops it.");
		Cli.printList(invocation.definitions(), clock, out);
		out.flush();
		scheduler.catchUp();
		scheduler.loop(Long.MAX_VALUE);
		return ExitCodes.OK;
	}

}
