package nl.leefbaar.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.leefbaar.domain.Months;
import nl.leefbaar.schedule.CronTimes;
import nl.leefbaar.schedule.DefinitionException;
import nl.leefbaar.schedule.JobDefinition;
import nl.leefbaar.schedule.JobDefinitions;
import nl.leefbaar.schedule.StepCatalog;

/**
 * The part of the command line that runs before the application starts: parsing, --help,
 * the job definitions and {@code list}. A typing error or a bad definition is refused
 * here (exit status 2) without starting a database; everything else becomes an
 * {@link Invocation} for the started application and the arguments to start it with.
 */
public final class Cli {

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final PrintStream out;

	private final PrintStream err;

	private final Path jobsFolder;

	/**
	 * What to do next: exit now with a code, or start the application and carry out the
	 * invocation.
	 */
	public record Prepared(Integer exitCode, Invocation invocation, String[] applicationArguments) {
	}

	public Cli(PrintStream out, PrintStream err, Path jobsFolder) {
		this.out = out;
		this.err = err;
		this.jobsFolder = jobsFolder;
	}

	/**
	 * {@code -Dleefbaar.jobs}, else {@code LEEFBAAR_JOBS}, else {@code jobs} in the
	 * working directory.
	 */
	public static Path jobsFolder() {
		String folder = System.getProperty("leefbaar.jobs", System.getenv("LEEFBAAR_JOBS"));
		return Path.of(folder == null || folder.isBlank() ? "jobs" : folder);
	}

	public Prepared prepare(String[] args, StepCatalog catalog) {
		ParsedCommand command;
		try {
			command = new CommandLineParser().parse(args);
		}
		catch (UsageException e) {
			err.println("leefbaar: " + e.getMessage());
			err.println("Try 'leefbaar " + (e.command() == null ? "" : e.command() + " ") + "--help'.");
			return exit(ExitCodes.USAGE);
		}
		if (command.help()) {
			out.print(Help.of(command.command()));
			return exit(ExitCodes.OK);
		}
		Map<String, JobDefinition> definitions = Map.of();
		if (List.of("run", "list", "schedule", "restart", "deliver").contains(command.command())) {
			try {
				definitions = JobDefinitions.load(jobsFolder, catalog);
			}
			catch (DefinitionException e) {
				err.println("leefbaar: invalid job definition: " + e.getMessage());
				return exit(ExitCodes.USAGE);
			}
		}
		List<String> application = new ArrayList<>();
		if (!command.debug()) {
			// a failed step is told in one line by the command line, not as Spring
			// Batch's stack trace
			application.add("--logging.level.org.springframework.batch=OFF");
			application.add("--logging.level.org.springframework.boot.SpringApplication=OFF");
		}
		switch (command.command()) {
			case "list" -> {
				printList(definitions, Clock.systemDefaultZone(), out);
				return exit(ExitCodes.OK);
			}
			case "run" -> {
				try {
					JobDefinition definition = definition(definitions, command.arguments().get(0));
					if (!definition.monthly() && command.flag("month")) {
						throw new UsageException("run", "job " + definition.name() + " only imports and has no month");
					}
					if (definition.imports()) {
						requireFolder(command.option("input").map(Path::of).orElse(definition.input()));
					}
				}
				catch (UsageException e) {
					err.println("leefbaar: " + e.getMessage());
					return exit(ExitCodes.USAGE);
				}
			}
			case "import" -> {
				try {
					requireFolder(Path.of(command.option("input").orElseThrow()));
				}
				catch (UsageException e) {
					err.println("leefbaar: " + e.getMessage());
					return exit(ExitCodes.USAGE);
				}
			}
			case "schedule" -> {
				if (definitions.values().stream().noneMatch(d -> d.cron() != null)) {
					err.println("leefbaar: no job in " + jobsFolder + " has a cron; nothing to schedule");
					return exit(ExitCodes.USAGE);
				}
			}
			default -> {
			}
		}
		return new Prepared(null, new Invocation(command, definitions, catalog), application.toArray(String[]::new));
	}

	/**
	 * The application did not start (database unreachable, say): one line, credentials
	 * masked.
	 */
	public int startFailed(Throwable failure, boolean debug) {
		Credentials credentials = Credentials.from(key -> null);
		String reason = Failures.rootMessage(failure);
		if (reason.startsWith("Validate failed")) {
			// Flyway found migrations applied that this version does not have: a database
			// made
			// by an unreleased version before the baseline migration
			reason += " (the database was made by an earlier, unreleased version of Leefbaar: start"
					+ " from a new LEEFBAAR_HOME or an empty database)";
		}
		err.println("leefbaar: cannot start: " + credentials.mask(reason));
		if (debug) {
			StringWriter trace = new StringWriter();
			failure.printStackTrace(new PrintWriter(trace));
			err.print(credentials.mask(trace.toString()));
		}
		return ExitCodes.FAILED;
	}

	private static void requireFolder(Path input) {
		if (!Files.isDirectory(input)) {
			throw new UsageException("run", "the input folder " + input + " does not exist");
		}
	}

	static JobDefinition definition(Map<String, JobDefinition> definitions, String name) {
		JobDefinition definition = definitions.get(name);
		if (definition == null) {
			throw new UsageException("run", "no job '" + name + "' in " + jobsFolder() + "/"
					+ (definitions.isEmpty() ? "" : " (jobs: " + String.join(", ", definitions.keySet()) + ")"));
		}
		return definition;
	}

	static void printList(Map<String, JobDefinition> definitions, Clock clock, PrintStream out) {
		if (definitions.isEmpty()) {
			out.println("No job definitions in " + jobsFolder() + "/");
			return;
		}
		out.printf("%-14s %-24s %-15s %-17s %s%n", "job", "steps", "cron", "next run", "input -> output");
		for (JobDefinition definition : definitions.values()) {
			String next = definition.schedule()
				.flatMap(cron -> CronTimes.next(cron, clock.instant()))
				.map(instant -> MINUTE.format(instant.atZone(Months.ZONE)))
				.orElse("not scheduled");
			out.printf("%-14s %-24s %-15s %-17s %s -> %s%n", definition.name(), String.join(", ", definition.steps()),
					definition.cronText() == null ? "-" : definition.cronText(), next,
					definition.input() == null ? "-" : definition.input(), definition.output());
		}
		out.println("(times in Europe/Amsterdam)");
	}

	private static Prepared exit(int code) {
		return new Prepared(code, null, null);
	}

}
