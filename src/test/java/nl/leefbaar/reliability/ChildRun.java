package nl.leefbaar.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import nl.leefbaar.LeefbaarApplication;
import nl.leefbaar.sources.FakeSignalen;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The real launcher in a process of its own, on a database of its own in the tests'
 * PostgreSQL server (created here; Flyway migrates it as the process starts), running an
 * import-only job that pulls a local Signalen server: what a user's scheduler runs, so
 * that a test can kill it or read everything it printed.
 */
final class ChildRun {

	static final String SECRET_VARIABLE = "LEEFBAAR_SIGNALEN_SECRET";

	final Path folder;

	final Path output;

	final String database;

	final String url;

	final JdbcTemplate childJdbc;

	private final Path jobs;

	ChildRun(DataSource testDataSource, JdbcTemplate jdbc, Path folder, FakeSignalen server, String database)
			throws Exception {
		this.folder = folder;
		this.database = database;
		String testUrl = testDataSource.unwrap(HikariDataSource.class).getJdbcUrl();
		this.url = testUrl.replaceAll("/postgres(\\?|$)", "/" + database + "$1");
		jdbc.execute("drop database if exists " + database + " with (force)");
		jdbc.execute("create database " + database);
		this.childJdbc = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", ""));
		Path inbox = Files.createDirectories(folder.resolve("inbox"));
		jobs = Files.createDirectories(folder.resolve("jobs"));
		output = folder.resolve("out");
		Files.writeString(inbox.resolve("neighbourhoods.csv"), "neighbourhood_code,name\nBU01,Oude Westen\n");
		Files.writeString(inbox.resolve("complexes.csv"),
				"complex_id,name,neighbourhood_code,owner,dwellings\nC1,Gouvernestraat,BU01,Woonstad,120\n");
		Files.writeString(inbox.resolve("addresses.csv"),
				"complex_id,postcode,house_number,house_letter,house_number_addition,dwelling_ref\n"
						+ "C1,3011AB,10,,,D-0010\n");
		Files.writeString(jobs.resolve("pull.yml"), """
				steps: [import]
				output: %s
				sources:
				  - {name: inbox, type: folder, path: %s}
				  - name: signalen
				    type: signalen
				    url: %s
				    token_url: %s
				    client_id: %s
				    client_secret_env: %s
				""".formatted(output, inbox, server.url(), server.tokenUrl(), FakeSignalen.CLIENT_ID, SECRET_VARIABLE));
	}

	/**
	 * Starts {@code leefbaar <args>}; its output (both streams) goes to the named file.
	 */
	Process start(String outputFile, String... args) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), "-Xmx256m", "-XX:TieredStopAtLevel=1",
						"-Dleefbaar.sources.retry-waits=10ms,20ms,40ms", LeefbaarApplication.class.getName()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
		Map<String, String> environment = builder.environment();
		environment.put("LEEFBAAR_HOME", folder.resolve("home").toString());
		environment.put("LEEFBAAR_JOBS", jobs.toString());
		environment.put("LEEFBAAR_DB_URL", url);
		environment.put("LEEFBAAR_DB_USER", "postgres");
		environment.put(SECRET_VARIABLE, FakeSignalen.SECRET);
		builder.redirectOutput(folder.resolve(outputFile).toFile());
		return builder.start();
	}

	String output(String outputFile) throws IOException {
		return Files.readString(folder.resolve(outputFile));
	}

	/** Every file the process wrote into its output folder, as text. */
	String files() throws IOException {
		StringBuilder text = new StringBuilder();
		if (Files.isDirectory(output)) {
			try (var walk = Files.walk(output)) {
				for (Path file : walk.filter(Files::isRegularFile).toList()) {
					text.append(file).append('\n').append(Files.readString(file)).append('\n');
				}
			}
		}
		return text.toString();
	}

	void drop(JdbcTemplate jdbc) {
		jdbc.execute("drop database if exists " + database + " with (force)");
	}

}
