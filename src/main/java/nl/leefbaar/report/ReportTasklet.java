package nl.leefbaar.report;

import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.leefbaar.domain.Months;
import nl.leefbaar.report.ReportWriter.ReportRequest;
import nl.leefbaar.report.ReportWriter.ReportScope;
import nl.leefbaar.system.LeefbaarProperties;
import nl.leefbaar.system.RunKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Builds the month's {@link ReportRequest} from the job parameters and runs every writer
 * on it.
 */
class ReportTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(ReportTasklet.class);

	private final List<ReportWriter> writers;

	private final LeefbaarProperties properties;

	private final Clock clock;

	ReportTasklet(List<ReportWriter> writers, LeefbaarProperties properties, Clock clock) {
		this.writers = writers;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		var jobExecution = contribution.getStepExecution().getJobExecution();
		ReportRequest request = request(jobExecution.getJobParameters(),
				RunKeys.month(contribution.getStepExecution()));
		List<Path> written = new ArrayList<>();
		for (ReportWriter writer : writers) {
			// the workbooks are for the whole city; a presenter's scope only redraws
			// charts and deck
			if (request.scope().isCity() || writer.drawsScopes()) {
				written.addAll(writer.write(request));
			}
		}
		RunKeys.appendFiles(jobExecution.getExecutionContext(), written);
		log.info("Report step wrote {} file(s) for {} into {}", written.size(), request.month(), request.monthFolder());
		return RepeatStatus.FINISHED;
	}

	ReportRequest request(JobParameters parameters, String monthOfRun) {
		YearMonth month = month(monthOfRun);
		String output = parameters.getString(RunKeys.OUTPUT);
		Path outputFolder = output == null || output.isBlank() ? properties.output() : Path.of(output);
		String lang = parameters.getString(RunKeys.LANG);
		Locale locale = locale(lang == null || lang.isBlank() ? properties.lang() : lang);
		ReportScope scope = scope(parameters.getString(RunKeys.SCOPE));
		Path monthFolder = outputFolder.resolve(month.toString());
		// a scoped run gets its own folder, so that it never replaces the city's charts
		// and deck
		String input = parameters.getString(RunKeys.INPUT);
		return new ReportRequest(month, scope.isCity() ? monthFolder : monthFolder.resolve(folderName(scope)), locale,
				scope, input == null || input.isBlank() ? null : Path.of(input));
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

	private YearMonth month(String value) {
		if (value == null || value.isBlank()) {
			return Months.lastComplete(clock);
		}
		try {
			return YearMonth.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException(
					"job parameter " + RunKeys.MONTH + ": '" + value + "' is not a month yyyy-mm");
		}
	}

	static Locale locale(String lang) {
		String code = lang.trim().toLowerCase(Locale.ROOT);
		if (!code.equals("nl") && !code.equals("en")) {
			throw new IllegalArgumentException("job parameter " + RunKeys.LANG + ": '" + lang + "' is not nl or en");
		}
		return Locale.forLanguageTag(code);
	}

}
