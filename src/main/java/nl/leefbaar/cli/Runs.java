package nl.leefbaar.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import nl.leefbaar.schedule.JobAssembler;
import nl.leefbaar.schedule.JobDefinitions;
import nl.leefbaar.schedule.MonthResolver;
import nl.leefbaar.schedule.RunLock;
import nl.leefbaar.schedule.SourceDefinition;
import nl.leefbaar.schedule.StepCatalog;
import nl.leefbaar.system.LeefbaarProperties;
import nl.leefbaar.system.RunKeys;
import nl.leefbaar.system.RunParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Launches and restarts runs. The job instance is the job and its month (the identifying
 * parameter), so Spring Batch itself tells a new month from a completed one (not run
 * again unless forced: --force adds an identifying timestamp, a new instance) and from a
 * failed one (continued where it stopped). The run holds the database lock for its job
 * and month from before that check until its summary is written.
 */
@Component
class Runs {

	/**
	 * Identifying timestamp of runs that are new every time (import-only, --all,
	 * --force).
	 */
	static final String STARTED_AT = "started_at";
	static final String FORCED_AT = "forced_at";

	private static final Logger log = LoggerFactory.getLogger(Runs.class);

	/**
	 * The time in the name of a command's own summary: report-2025-07-01T060003.json.
	 */
	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss");

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final JobAssembler assembler;

	private final MonthResolver months;

	private final RunLock runLock;

	private final Failures failures;

	private final LeefbaarProperties properties;

	Runs(JobOperator jobOperator, JobRepository jobRepository, JobAssembler assembler, MonthResolver months,
			RunLock runLock, Failures failures, LeefbaarProperties properties) {
		this.properties = properties;
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.assembler = assembler;
		this.months = months;
		this.runLock = runLock;
		this.failures = failures;
	}

	int launch(RunRequest request, StepCatalog catalog, boolean debug, PrintStream out, PrintStream err) {
		YearMonth month = request.monthly() && !request.all() ? request.month().orElseGet(months::resolveAndTell)
				: null;
		if (request.steps().contains("import") && (request.input() == null || !Files.isDirectory(request.input()))) {
			err.println("leefbaar: the input folder " + request.input() + " does not exist");
			return ExitCodes.USAGE;
		}
		JobParameters parameters = parameters(request, month);
		String lockKey = RunParameters.of(parameters, properties).key();
		try (RunLock.Held lock = runLock.acquire(request.job(), lockKey)) {
			JobInstance instance = jobRepository.getJobInstance(request.job(), parameters);
			JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
			if (last != null) {
				if (last.getStatus() == BatchStatus.COMPLETED) {
					out.println(request.job() + " for " + lockKey + " was already completed (execution " + last.getId()
							+ "); --force runs it again");
					return ExitCodes.OK;
				}
				recoverIfUnknown(recoverIfLeftRunning(last));
				log.info("Continuing execution {} of {} {} where it stopped", last.getId(), request.job(), lockKey);
			}
			Job job = assembler.assemble(request.job(), request.steps(), catalog);
			return finish(jobOperator.start(job, parameters), out, err);
		}
		catch (RunLock.HeldException e) {
			err.println("leefbaar: " + e.getMessage());
			return ExitCodes.LOCKED;
		}
		catch (Exception e) {
			return failures.report(e, debug, err);
		}
	}

	/**
	 * Continues a failed execution with the job parameters it started with, the settings
	 * of its job definition among them ({@link RunKeys#SETTING}).
	 * @param definitionSettings the definition's settings, for a run that recorded none
	 */
	int restart(long executionId, List<String> steps, Map<String, String> definitionSettings, StepCatalog catalog,
			boolean debug, PrintStream out, PrintStream err) {
		JobExecution execution = jobRepository.getJobExecution(executionId);
		String job = execution.getJobInstance().getJobName();
		String lockKey = RunParameters.of(execution.getJobParameters(), properties).key();
		try (RunLock.Held lock = runLock.acquire(job, lockKey)) {
			execution = jobRepository.getJobExecution(executionId);
			switch (execution.getStatus()) {
				case COMPLETED -> {
					out.println("execution " + executionId + " (" + job + " " + lockKey
							+ ") completed; nothing to restart");
					return ExitCodes.OK;
				}
				case ABANDONED -> {
					err.println("leefbaar: execution " + executionId + " was abandoned and cannot be restarted; run "
							+ job + " again instead");
					return ExitCodes.FAILED;
				}
				default -> {
				}
			}
			JobExecution newer = jobRepository.getLastJobExecution(execution.getJobInstance());
			if (newer != null && newer.getId() != executionId) {
				err.println("leefbaar: execution " + executionId + " was continued by execution " + newer.getId() + " ("
						+ newer.getStatus() + "); restart that one");
				return ExitCodes.USAGE;
			}
			execution = recoverIfUnknown(recoverIfLeftRunning(execution));
			Job assembled = assembler.assemble(job, steps, catalog);
			log.info("Restarting execution {} of {} {} where it stopped", executionId, job, lockKey);
			JobParameters withSettings = settingsAdded(execution.getJobParameters(), definitionSettings);
			return finish(
					withSettings == null ? jobOperator.restart(execution) : jobOperator.start(assembled, withSettings),
					out, err);
		}
		catch (RunLock.HeldException e) {
			err.println("leefbaar: " + e.getMessage());
			return ExitCodes.LOCKED;
		}
		catch (Exception e) {
			return failures.report(e, debug, err);
		}
	}

	/**
	 * A process that was killed leaves its execution STARTED; we hold the lock, so nobody
	 * runs it.
	 */
	private JobExecution recoverIfLeftRunning(JobExecution execution) {
		if (!execution.isRunning()) {
			return execution;
		}
		log.info("Execution {} was left running by a process that stopped; marking it failed", execution.getId());
		JobExecution full = jobRepository.getJobExecution(execution.getId());
		return jobOperator.recover(full);
	}

	/**
	 * A step whose commit or rollback failed (the database went away under it) leaves the
	 * run UNKNOWN, which Spring Batch refuses to restart ("manual intervention"). Here
	 * that is safe: PostgreSQL rolls back the open transaction of a session that died,
	 * and every step redoes its work whole when it runs again (upserts, a month's figures
	 * replaced, files rewritten).
	 */
	private JobExecution recoverIfUnknown(JobExecution execution) {
		JobExecution full = jobRepository.getJobExecution(execution.getId());
		boolean unknown = full.getStatus() == BatchStatus.UNKNOWN;
		for (StepExecution step : full.getStepExecutions()) {
			if (step.getStatus() == BatchStatus.UNKNOWN) {
				unknown = true;
				step.setStatus(BatchStatus.FAILED);
				if (step.getEndTime() == null) {
					step.setEndTime(LocalDateTime.now());
				}
				jobRepository.update(step);
			}
		}
		if (!unknown) {
			return execution;
		}
		log.info("Execution {} ended in an unknown state (the database went away during a step); marking it failed",
				execution.getId());
		full.setStatus(BatchStatus.FAILED);
		if (full.getEndTime() == null) {
			full.setEndTime(LocalDateTime.now());
		}
		jobRepository.update(full);
		return full;
	}

	/**
	 * The parameters of a run that recorded no settings with its definition's added
	 * (non-identifying, so the run is the same instance); null when there is nothing to
	 * add.
	 */
	private JobParameters settingsAdded(JobParameters recorded, Map<String, String> definitionSettings) {
		if (definitionSettings.isEmpty() || !RunParameters.of(recorded, properties).settings().isEmpty()) {
			return null;
		}
		JobParametersBuilder parameters = new JobParametersBuilder(recorded);
		RunParameters.settingParameters(definitionSettings)
			.forEach((name, value) -> parameters.addString(name, value, false));
		return parameters.toJobParameters();
	}

	private static JobParameters parameters(RunRequest request, YearMonth month) {
		JobParametersBuilder parameters = new JobParametersBuilder();
		if (month != null) {
			parameters.addString(RunKeys.MONTH, month.toString(), true);
			parameters.addString(JobAssembler.MONTH_GIVEN, request.month().isPresent() ? "given" : "default", false);
		}
		if (request.all()) {
			parameters.addString(RunKeys.ALL_MONTHS, "true", true);
		}
		if (request.all() || !request.monthly() || request.everyTimeNew()) {
			parameters.addString(STARTED_AT, Instant.now().toString(), true);
		}
		if (request.force()) {
			parameters.addString(FORCED_AT, Instant.now().toString(), true);
		}
		if (request.scope() != null) {
			parameters.addString(RunKeys.SCOPE, request.scope(), true);
		}
		parameters.addString(RunKeys.FORCE, String.valueOf(request.force()), false);
		if (request.input() != null) {
			parameters.addString(RunKeys.INPUT, request.input().toString(), false);
		}
		if (!request.sources().isEmpty()) {
			parameters.addString(RunKeys.SOURCES, SourceDefinition.encode(request.sources()), false);
		}
		parameters.addString(RunKeys.OUTPUT, request.output().toString(), false);
		parameters.addString(RunKeys.LANG, request.lang(), false);
		request.stepParameters().forEach((name, value) -> parameters.addString(name, value, false));
		return parameters.toJobParameters();
	}

	/**
	 * The summary on the console and in the run's folder, the reason on stderr, the
	 * JSON's path last.
	 */
	private int finish(JobExecution execution, PrintStream out, PrintStream err) {
		boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
		String reason = completed ? null : failures.reason(execution);
		RunSummary summary = RunSummary.of(execution, reason);
		RunParameters run = RunParameters.of(execution, properties);
		Path output = run.output();
		out.print(summary.text());
		Path json = null;
		String summaryProblem = null;
		// the commands import, compute, report and deliver never replace the month's run
		// summary (cli.md): each writes its own under runs/
		boolean ownSummary = JobDefinitions.RESERVED.contains(summary.job());
		Path summaryFolder = ownSummary ? output.resolve("runs") : output.resolve(run.key());
		try {
			json = ownSummary ? SummaryFiles.writeNew(summaryFolder,
					summary.job() + "-" + STAMP.format(summary.started()), summary)
					: SummaryFiles.write(summaryFolder, summary);
		}
		catch (IOException | RuntimeException e) {
			summaryProblem = "cannot write the run summary into " + summaryFolder + ": " + e.getMessage();
		}
		if (!completed) {
			// one line says why, also when the same fault (a full disk) kept the summary
			// from being written
			err.println("leefbaar: " + summary.job() + (summary.month() == null ? "" : " " + summary.month())
					+ " failed (execution " + execution.getId() + "): " + reason
					+ (summaryProblem == null ? "" : "; " + summaryProblem));
		}
		else if (summaryProblem != null) {
			err.println("leefbaar: " + summaryProblem);
		}
		if (json != null) {
			out.println(json);
		}
		out.flush();
		return completed ? ExitCodes.OK : ExitCodes.FAILED;
	}

}
