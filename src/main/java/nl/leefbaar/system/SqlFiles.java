package nl.leefbaar.system;

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
 * The SQL of one package, kept in {@code src/main/resources/sql/<folder>/<file>.sql} with
 * named parameters ({@code :from_day}) for
 * {@link org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate}, so that it
 * reads (and runs in psql) as SQL. A file holds one statement, or several, each after a
 * line {@code -- name: <name>}; the comment lines before the first statement describe the
 * file. A statement may end with a semicolon.
 */
public final class SqlFiles {

	private static final Pattern NAME = Pattern.compile("(?m)^--\\s*name:\\s*(\\S+)\\s*$");

	/** The only statement of a file that has no names, under this key. */
	private static final String WHOLE = "";

	private final String folder;

	private final Map<String, Map<String, String>> files = new ConcurrentHashMap<>();

	private SqlFiles(String folder) {
		this.folder = folder;
	}

	/** The files of {@code sql/<folder>/}. */
	public static SqlFiles in(String folder) {
		return new SqlFiles("sql/" + folder + "/");
	}

	/** The statement of a file that holds one. */
	public String statement(String file) {
		return statement(file, WHOLE);
	}

	/** The statement of that name in a file. */
	public String statement(String file, String name) {
		String statement = files.computeIfAbsent(file, this::load).get(name);
		if (statement == null) {
			throw new IllegalStateException(folder + file + ".sql has no statement " + name);
		}
		return statement;
	}

	private Map<String, String> load(String file) {
		String path = folder + file + ".sql";
		try (InputStream in = SqlFiles.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("no SQL file " + path + " on the class path");
			}
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + path, e);
		}
	}

	/** The statements of a file's text by name (one under WHOLE when it names none). */
	static Map<String, String> parse(String text) {
		Map<String, String> statements = new LinkedHashMap<>();
		Matcher name = NAME.matcher(text);
		if (!name.find()) {
			statements.put(WHOLE, trim(text));
			return statements;
		}
		while (true) {
			String current = name.group(1);
			int start = name.end();
			boolean more = name.find();
			String body = trim(text.substring(start, more ? name.start() : text.length()));
			if (statements.put(current, body) != null) {
				throw new IllegalStateException("statement " + current + " named twice");
			}
			if (!more) {
				return statements;
			}
		}
	}

	private static String trim(String statement) {
		String trimmed = statement.strip();
		return trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1).stripTrailing() : trimmed;
	}

}
