package nl.leefbaar.ingest;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * A source the import pulls records from besides its folder (sources-and-delivery.md,
 * Sources): Signalen, a PostgreSQL database. It runs inside the import's transaction,
 * after the folder's files, so its records see this import's complexes, and its watermark
 * moves in the transaction that commits them. It fails with {@link ImportException} in
 * one line that names it.
 */
public interface RecordSource {

	String name();

	/**
	 * Pulls what changed since the watermark, through the input rules into the domain
	 * tables, and moves the watermark; one count per kind of record.
	 */
	List<ImportResult.FileCounts> pull(PullContext context) throws IOException, SQLException;

	/** What the last pull did, for {@code input.sources} of run-summary.json (cli.md). */
	Map<String, Object> summary();

	/** Builds the sources of a run from the job parameter that lists them. */
	interface Factory {

		List<RecordSource> create(String sourcesParameter);

	}

}
