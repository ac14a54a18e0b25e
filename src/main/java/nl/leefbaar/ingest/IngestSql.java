package nl.leefbaar.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The longer SQL of the importer, kept in
 * {@code src/main/resources/sql/ingest/<file>.sql} with named parameters ({@code :keys})
 * for {@link org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate}. A file
 * holds one statement, or several, each after a line {@code -- name: <name>}; comment
 * lines before the first statement describe the file; a statement may end with a
 * semicolon (the same layout as the indicators' {@code sql/indicators/}).
 */
final class IngestSql {

	private static final String FOLDER = "sql/ingest/";

	private static final Pattern NAME = Pattern.compile("(?m)^--\\s*name:\\s*(\\S+)\\s*$");

	private static final String WHOLE = "";

	private static final Map<String, Map<String, String>> FILES = new ConcurrentHashMap<>();

	private IngestSql() {
	}

	/** The statement of a file that holds one. */
	static String statement(String file) {
		return statement(file, WHOLE);
	}

	/** The statement of that name in a file. */
	static String statement(String file, String name) {
		String statement = FILES.computeIfAbsent(file, IngestSql::load).get(name);
		if (statement == null) {
			throw new IllegalStateException(FOLDER + file + ".sql has no statement " + name);
		}
		return statement;
	}

	private static Map<String, String> load(String file) {
		String path = FOLDER + file + ".sql";
		try (InputStream in = IngestSql.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("no SQL file " + path + " on the class path");
			}
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + path, e);
		}
	}

	private static Map<String, String> parse(String text) {
		Map<String, String> statements = new LinkedHashMap<>();
		Matcher name = NAME.matcher(text);
		if (!name.find()) {
			statements.put(WHOLE, trim(text));
			return statements;
		}
		boolean more = true;
		while (more) {
			String current = name.group(1);
			int start = name.end();
			more = name.find();
			if (statements.put(current, trim(text.substring(start, more ? name.start() : text.length()))) != null) {
				throw new IllegalStateException("statement " + current + " named twice");
			}
		}
		return statements;
	}

	private static String trim(String statement) {
		String trimmed = statement.strip();
		return trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1).stripTrailing() : trimmed;
	}

}
