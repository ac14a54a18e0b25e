package nl.leefbaar.indicators;

import nl.leefbaar.system.SqlFiles;

/**
 * The SQL of the indicators, in {@code src/main/resources/sql/indicators/}
 * ({@link SqlFiles}).
 */
final class IndicatorSql {

	private static final SqlFiles FILES = SqlFiles.in("indicators");

	private IndicatorSql() {
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
