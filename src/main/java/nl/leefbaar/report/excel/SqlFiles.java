package nl.leefbaar.report.excel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The report stage's longer SQL statements, kept as files under
 * {@code src/main/resources/sql/report/} with named parameters, so that they read (and
 * run in psql) as SQL; a statement of a few lines stays beside its Java.
 */
final class SqlFiles {

	private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

	private SqlFiles() {
	}

	/** The statement of {@code sql/report/<name>.sql}. */
	static String get(String name) {
		return CACHE.computeIfAbsent(name, SqlFiles::read);
	}

	private static String read(String name) {
		String path = "/sql/report/" + name + ".sql";
		try (InputStream in = SqlFiles.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("no SQL file " + path + " on the class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + path, e);
		}
	}

}
