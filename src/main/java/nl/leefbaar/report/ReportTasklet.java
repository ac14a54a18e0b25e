package nl.leefbaar.report;

import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import nl.leefbaar.report.ReportWriter.ReportRequest;
import nl.leefbaar.report.ReportWriter.ReportScope;
import nl.leefbaar.system.Heartbeat;
import nl.leefbaar.system.LeefbaarProperties;
import nl.leefbaar.system.RunKeys;
import nl.leefbaar.system.RunParameters;
import nl.leefbaar.system.RunSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Builds the month's {@link ReportRequest} from the run's {@link RunParameters} and runs
 * every writer on it.
 */
class ReportTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(ReportTasklet.class);

	private final List<ReportWriter> writers;

	private final LeefbaarProperties properties;

	private final RunSettings settings;

	private final Clock clock;

	ReportTasklet(List<ReportWriter> writers, LeefbaarProperties properties, RunSettings settings, Clock clock) {
		this.writers = writers;
		this.properties = properties;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		var jobExecution = contribution.getStepExecution().getJobExecution();
		ReportRequest request = request(RunParameters.of(contribution.getStepExecution(), properties));
		List<Path> written = new ArrayList<>();
		for (ReportWriter writer : writers) {
			// the workbooks are for the whole city; a presenter's scope only redraws
			// charts and deck
			if (request.scope().isCity() || writer.drawsScopes()) {
				try (Heartbeat heartbeat = Heartbeat.start(log,
						"report " + request.month() + ": writing " + writer.describe())) {
					written.addAll(writer.write(request));
				}
			}
		}
		RunKeys.appendFiles(jobExecution.getExecutionContext(), written);
		log.info("Report step wrote {} file(s) for {} into {}", written.size(), request.month(), request.monthFolder());
		return RepeatStatus.FINISHED;
	}

	ReportRequest request(RunParameters run) {
		YearMonth month = run.monthOr(clock);
		ReportScope scope = scope(run.scope());
		Path monthFolder = run.output().resolve(month.toString());
		// a scoped run gets its own folder, so that it never replaces the city's charts
		// and deck
		return new ReportRequest(month, scope.isCity() ? monthFolder : monthFolder.resolve(folderName(scope)),
				run.language(), scope, run.input(), settings.of(run));
	}

	/**
	 * {@code neighbourhood:CODE} or {@code complexes:ID,ID} (cli's --scope /
	 * --complexes); empty: the city.
	 */
	static ReportScope scope(String value) {
		if (value == null || value.isBlank()) {
			return ReportScope.CITY;
		}
		if (value.startsWith("neighbourhood:")) {
			return new ReportScope(value.substring("neighbourhood:".length()), List.of());
		}
		if (value.startsWith("complexes:")) {
			return new ReportScope(null, List.of(value.substring("complexes:".length()).split(",")));
		}
		throw new IllegalArgumentException(
				"job parameter " + RunKeys.SCOPE + ": '" + value + "' is not neighbourhood:CODE or complexes:ID,ID");
	}

	/**
	 * Ids come from users and data: only letters, digits, '-' and '_' reach a folder
	 * name.
	 */
	static String folderName(ReportScope scope) {
		String name = scope.neighbourhoodCode() != null ? "neighbourhood-" + scope.neighbourhoodCode()
				: "complexes-" + String.join("-", scope.complexIds());
		name = name.replaceAll("[^A-Za-z0-9_-]", "_");
		return name.length() <= 80 ? name : name.substring(0, 60) + "-" + Integer.toHexString(name.hashCode());
	}

}
