package nl.leefbaar.bench.peers;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The DuckDB peer of issue 23: runs {@code core-indicators.sql} on an in-memory DuckDB
 * over the CSV exports of a folder and writes the month's core indicators as CSV. Usage:
 * {@code DuckPeer SQL_FILE DATA_DIR yyyy-mm OUT_CSV [W] [THREADS]}. Prints the time of
 * every statement; the bench times the whole process, JVM start included.
 */
public final class DuckPeer {

	private DuckPeer() {
	}

	public static void main(String[] args) throws IOException, SQLException {
		if (args.length < 4) {
			System.err.println("usage: DuckPeer SQL_FILE DATA_DIR yyyy-mm OUT_CSV [W] [THREADS]");
			System.exit(2);
		}
		long start = System.nanoTime();
		Path dir = Path.of(args[1]).toAbsolutePath();
		String[] header = firstRows(dir.resolve("reports.csv"));
		String delimiter = header[0].contains(";") ? ";" : ",";
		Map<String, String> values = Map.of("dir", dir.toString(), "month", args[2] + "-01", "out",
				Path.of(args[3]).toAbsolutePath().toString(), "W", args.length > 4 ? args[4] : "90", "delimiter",
				delimiter, "timestamp_format", timestampFormat(header, delimiter), "mapping",
				Path.of("src/main/resources/category-mapping-default.csv").toAbsolutePath().toString());
		String script = Files.readString(Path.of(args[0]));
		for (Map.Entry<String, String> value : values.entrySet()) {
			script = script.replace("${" + value.getKey() + "}", value.getValue());
		}
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
				Statement statement = connection.createStatement()) {
			if (args.length > 5) {
				statement.execute("set threads = " + Integer.parseInt(args[5]));
			}
			for (String sql : script.split(";\\s*\\n")) {
				String body = withoutComments(sql);
				if (body.isBlank()) {
					continue;
				}
				long at = System.nanoTime();
				statement.execute(body);
				System.out.printf("duckdb %6.2f s  %s%n", (System.nanoTime() - at) / 1e9, firstLine(body));
			}
		}
		System.out.printf("duckdb peer: %.2f s inside the JVM%n", (System.nanoTime() - start) / 1e9);
	}

	/** The header line and the first row of an export. */
	private static String[] firstRows(Path file) throws IOException {
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String header = reader.readLine();
			String row = reader.readLine();
			if (header == null || row == null) {
				throw new IOException(file + " holds no report");
			}
			return new String[] { header.replace("\uFEFF", ""), row };
		}
	}

	/**
	 * The strptime format of the first row's reported_at: Dutch {@code dd-MM-yyyy HH:mm}
	 * or ISO, with or without seconds (input-format.md); the script reads every timestamp
	 * with it.
	 */
	private static String timestampFormat(String[] rows, String delimiter) {
		List<String> columns = List.of(rows[0].toLowerCase(Locale.ROOT).split(delimiter, -1));
		String value = rows[1].split(delimiter, -1)[columns.indexOf("reported_at")].strip();
		String date = value.charAt(2) == '-' ? "%d-%m-%Y" : "%Y-%m-%d";
		String separator = value.contains("T") ? "T" : " ";
		return date + separator + (value.chars().filter(c -> c == ':').count() == 2 ? "%H:%M:%S" : "%H:%M");
	}

	private static String withoutComments(String sql) {
		StringBuilder body = new StringBuilder();
		for (String line : sql.split("\n")) {
			if (!line.strip().startsWith("--")) {
				body.append(line).append('\n');
			}
		}
		return body.toString().strip();
	}

	private static String firstLine(String sql) {
		int end = sql.indexOf('\n');
		return end < 0 ? sql : sql.substring(0, end);
	}

}
