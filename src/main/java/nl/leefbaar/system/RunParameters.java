package nl.leefbaar.system;

import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import nl.leefbaar.domain.Months;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

/**
 * What a run is for, read once from its job parameters ({@link RunKeys}): the steps, the
 * command line and the run summary all take the month, folders, language and scope from
 * here, with the installation's defaults ({@link LeefbaarProperties}) where a parameter
 * is absent.
 *
 * @param month the month the run works on: the month decided after the import
 * ({@link RunKeys#RESOLVED_MONTH}) when read from an execution, else the {@code month}
 * parameter; null for an import-only run and a backfill
 * @param allMonths every month in the data (backfill, {@code --all})
 * @param input the folder the import reads; null when none
 * @param output the output folder: month files go to {@code <output>/<yyyy-mm>/}
 * @param language {@code nl} or {@code en}
 * @param scope {@code neighbourhood:CODE} or {@code complexes:ID,ID}; null for the city
 * @param force recompute even when the input did not change
 * @param settings the job definition's settings the run started with, by
 * {@code leefbaar.*} property name ({@link RunKeys#SETTING})
 */
public record RunParameters(YearMonth month, boolean allMonths, Path input, Path output, Locale language, String scope,
		boolean force, Map<String, String> settings) {

	/** The parameters of the step's run, with the month the run decided. */
	public static RunParameters of(StepExecution step, LeefbaarProperties defaults) {
		return of(step.getJobParameters(), RunKeys.month(step), defaults);
	}

	/** The parameters of a run, with the month the run decided. */
	public static RunParameters of(JobExecution execution, LeefbaarProperties defaults) {
		var facts = execution.getExecutionContext();
		JobParameters parameters = execution.getJobParameters();
		String month = facts.containsKey(RunKeys.RESOLVED_MONTH) ? facts.getString(RunKeys.RESOLVED_MONTH)
				: parameters.getString(RunKeys.MONTH);
		return of(parameters, month, defaults);
	}

	/** The parameters as launched, with the month as given (or defaulted) at launch. */
	public static RunParameters of(JobParameters parameters, LeefbaarProperties defaults) {
		return of(parameters, parameters.getString(RunKeys.MONTH), defaults);
	}

	private static RunParameters of(JobParameters parameters, String month, LeefbaarProperties defaults) {
		String output = text(parameters, RunKeys.OUTPUT);
		String lang = text(parameters, RunKeys.LANG);
		String input = text(parameters, RunKeys.INPUT);
		return new RunParameters(month(month), Boolean.parseBoolean(text(parameters, RunKeys.ALL_MONTHS)),
				input == null ? null : Path.of(input), output == null ? defaults.output() : Path.of(output),
				locale(lang == null ? defaults.lang() : lang), text(parameters, RunKeys.SCOPE),
				Boolean.parseBoolean(text(parameters, RunKeys.FORCE)), settingsOf(parameters));
	}

	/**
	 * The job parameters that carry a definition's settings (non-identifying: the same
	 * month with other settings is the same run).
	 */
	public static Map<String, String> settingParameters(Map<String, String> settings) {
		Map<String, String> parameters = new LinkedHashMap<>();
		settings.forEach((property, value) -> parameters.put(RunKeys.SETTING + property, value));
		return parameters;
	}

	private static Map<String, String> settingsOf(JobParameters parameters) {
		Map<String, String> settings = new TreeMap<>();
		for (JobParameter<?> parameter : parameters) {
			if (parameter.name().startsWith(RunKeys.SETTING)) {
				settings.put(parameter.name().substring(RunKeys.SETTING.length()), String.valueOf(parameter.value()));
			}
		}
		return Collections.unmodifiableMap(settings);
	}

	/**
	 * The run among the runs of its job, as the lock and the summary folder name it: the
	 * month, {@code all} for a backfill, {@code import} for an import-only run.
	 */
	public String key() {
		return month != null ? month.toString() : allMonths ? "all" : "import";
	}

	/** The month, or the last complete month at the clock's now when the run has none. */
	public YearMonth monthOr(Clock clock) {
		return month != null ? month : Months.lastComplete(clock);
	}

	/** {@code nl} or {@code en}. */
	public String lang() {
		return language.getLanguage();
	}

	private static String text(JobParameters parameters, String key) {
		String value = parameters.getString(key);
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static YearMonth month(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return YearMonth.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException(
					"job parameter " + RunKeys.MONTH + ": '" + value + "' is not a month yyyy-mm");
		}
	}

	/** Only nl and en: the labels exist in these two languages. */
	public static Locale locale(String lang) {
		String code = lang.trim().toLowerCase(Locale.ROOT);
		if (!code.equals("nl") && !code.equals("en")) {
			throw new IllegalArgumentException("job parameter " + RunKeys.LANG + ": '" + lang + "' is not nl or en");
		}
		return Locale.forLanguageTag(code);
	}

}
