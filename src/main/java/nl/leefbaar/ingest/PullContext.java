package nl.leefbaar.ingest;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Set;

import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a {@link RecordSource} gets from the import it runs in: the input folder (for
 * {@code addresses.csv}), the import's clock, the reject file, and loaders that take
 * pulled records through the same rules, staging and upsert as the rows of a file.
 */
public final class PullContext {

	private final JdbcTemplate jdbc;

	private final CopyManager copyManager;

	private final RejectFile rejects;

	private final Set<String> complexes;

	private final Set<String> neighbourhoods;

	private final CategoryMapping mapping;

	private final Clock clock;

	private final Path input;

	private final FileLoader loader;

	PullContext(JdbcTemplate jdbc, CopyManager copyManager, RejectFile rejects, Set<String> complexes,
			Set<String> neighbourhoods, CategoryMapping mapping, Clock clock, Path input, FileLoader loader) {
		this.jdbc = jdbc;
		this.loader = loader;
		this.copyManager = copyManager;
		this.rejects = rejects;
		this.complexes = complexes;
		this.neighbourhoods = neighbourhoods;
		this.mapping = mapping;
		this.clock = clock;
		this.input = input;
	}

	/** The input folder of the run (the job's folder source). */
	public Path input() {
		return input;
	}

	/** "Now" of the import: what is in the future is rejected. */
	public Clock clock() {
		return clock;
	}

	/** A loader for reports (the columns of reports.csv) of the named source. */
	public PulledRecords reports(String source) throws SQLException {
		return PulledRecords.open(new ReportsFile(complexes, mapping, clock), source, jdbc, copyManager, rejects,
				loader);
	}

	/** A loader for activities (the columns of activities.csv) of the named source. */
	public PulledRecords activities(String source) throws SQLException {
		return PulledRecords.open(new ActivitiesFile(complexes, neighbourhoods, mapping, clock), source, jdbc,
				copyManager, rejects, loader);
	}

	/**
	 * A line in the reject file for something a source refuses before the input rules (a
	 * row of addresses.csv, say), without its raw text.
	 */
	public void reject(String file, String line, String column, String reason) {
		rejects.add(file, line, column, reason, "");
	}

}
