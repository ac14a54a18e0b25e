package nl.leefbaar.ingest;

import nl.leefbaar.system.SqlFiles;

/**
 * The SQL of the import, in {@code src/main/resources/sql/ingest/} ({@link SqlFiles}).
 */
final class IngestSql {

	private static final SqlFiles FILES = SqlFiles.in("ingest");

	private IngestSql() {
	}

	/** The statement of a file that holds one. */
	static String statement(String file) {
		return FILES.statement(file);
	}

	/** The statement of that name in a file. */
	static String statement(String file, String name) {
		return FILES.statement(file, name);
	}

}
