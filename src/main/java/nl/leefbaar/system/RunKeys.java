package nl.leefbaar.system;

import java.nio.file.Path;
import java.util.Collection;
import java.util.stream.Collectors;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The names that tie the steps of a run together: the job parameters every step reads and
 * the keys under which a step leaves its facts in the job's execution context, from which
 * the run summary (cli.md, run-summary.json) is written.
 */
public final class RunKeys {

	// Job parameters (all strings).
	/** Folder with the CSV exports. */
	public static final String INPUT = "input";

	/**
	 * Output folder; month files go to {@code <output>/<yyyy-mm>/}, import-only files to
	 * {@code <output>/import/}.
	 */
	public static final String OUTPUT = "output";

	/**
	 * JSON list of the sources the import pulls besides its folder (a job definition's
	 * {@code sources:} block).
	 */
	public static final String SOURCES = "sources";

	/** Reporting month {@code yyyy-MM}. */
	public static final String MONTH = "month";

	/** {@code true}: compute every month in the data (backfill). */
	public static final String ALL_MONTHS = "all";

	/** {@code nl} or {@code en}. */
	public static final String LANG = "lang";

	/** {@code true}: recompute a month even when its input did not change. */
	public static final String FORCE = "force";

	/**
	 * Optional, report only: {@code neighbourhood:CODE} or {@code complexes:ID,ID};
	 * absent means the whole city.
	 */
	public static final String SCOPE = "scope";

	/**
	 * Prefix of the non-identifying job parameters that carry a job definition's settings
	 * ({@code parameters:}), one parameter per {@code leefbaar.*} property:
	 * {@code setting.leefbaar.indicators.repeat-window-days}. The job repository keeps
	 * them with the execution, so that a restart applies the settings the run started
	 * with.
	 */
	public static final String SETTING = "setting.";

	/**
	 * String {@code yyyy-MM} in the JOB execution context: the month the run is for,
	 * decided after the import step when the user gave no {@code --month} (the data may
	 * end before the last complete month). Steps after the import read the month with
	 * {@link #month}, which prefers this key over the {@link #MONTH} parameter.
	 */
	public static final String RESOLVED_MONTH = "resolved_month";

	// Facts in the job execution context (longs unless said otherwise).
	public static final String ROWS_READ = "input.rows_read";

	public static final String LOADED = "input.loaded";

	public static final String REJECTED = "input.rejected";

	public static final String NEW = "input.new";

	public static final String CHANGED = "input.changed";

	public static final String UNCHANGED = "input.unchanged";

	public static final String UNMAPPED = "input.unmapped_categories";

	public static final String INPUT_FILES = "input.files";

	/** String: path of the reject file. */
	public static final String REJECTS_FILE = "input.rejects_file";

	/**
	 * String: JSON list with one object per pulled source (cli.md,
	 * {@code input.sources}).
	 */
	public static final String SOURCES_PULLED = "input.sources";

	/** Comma-separated {@code yyyy-MM} months that were computed. */
	public static final String MONTHS_COMPUTED = "months_computed";

	/**
	 * Newline-separated paths of the files written by the run's steps (each step
	 * appends).
	 */
	public static final String FILES = "files";

	private RunKeys() {
	}

	/** Adds the paths a step wrote to {@link #FILES} in the job execution context. */
	public static void appendFiles(ExecutionContext jobContext, Collection<Path> written) {
		if (written.isEmpty()) {
			return;
		}
		String before = jobContext.containsKey(FILES) ? jobContext.getString(FILES) : "";
		String added = written.stream().map(Path::toString).collect(Collectors.joining("\n"));
		jobContext.putString(FILES, before.isBlank() ? added : before + "\n" + added);
	}

	/**
	 * The month a step works on ({@code yyyy-MM}): {@link #RESOLVED_MONTH} from the job
	 * execution context when the run decided it, else the {@link #MONTH} job parameter;
	 * null when neither.
	 */
	public static String month(StepExecution step) {
		var context = step.getJobExecution().getExecutionContext();
		if (context.containsKey(RESOLVED_MONTH)) {
			return context.getString(RESOLVED_MONTH);
		}
		return step.getJobParameters().getString(MONTH);
	}

}
