package nl.leefbaar.sources;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The SQL of this package, kept in {@code src/main/resources/sql/sources/}. */
final class Sql {

	private Sql() {
	}

	static String read(String name) {
		try (InputStream in = Sql.class.getClassLoader().getResourceAsStream("sql/sources/" + name)) {
			if (in == null) {
				throw new IllegalStateException("sql/sources/" + name + " is missing from the build");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
