package nl.leefbaar.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import nl.leefbaar.LeefbaarApplication;
import nl.leefbaar.cli.Cli;
import nl.leefbaar.sources.FakeSignalen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Database and mail credentials never reach the user: not in the one-line error, not in
 * the log, not in a --debug stack trace. (The run summaries and a failed step's line:
 * cli's RunCommandTests; the mail password in use: deliver's DeliveryTests.)
 */
@SpringBootTest
class CredentialsLeakTests {

	private static final String SECRET = "Zq9-geheim-wachtwoord";

	private static final String MAIL_SECRET = "Mq7-mail-wachtwoord";

	@Autowired
	DataSource dataSource;

	@TempDir
	Path folder;

	@Test
	void theDriversOwnFailureForAUrlWithAPasswordIsShownMasked() {
		// pgjdbc takes "app:<password>@localhost" for a host name and repeats it in its
		// message
		String url = "jdbc:postgresql://app:" + SECRET + "@localhost:1/leefbaar?connectTimeout=2";
		Throwable failure = catchThrowable(() -> DriverManager.getConnection(url).close());
		assertThat(failure).isNotNull();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		Cli cli = new Cli(new PrintStream(new ByteArrayOutputStream()),
				new PrintStream(err, true, StandardCharsets.UTF_8), folder);
		int code;
		System.setProperty("LEEFBAAR_DB_URL", url); // as the launcher would have it,
													// without LEEFBAAR_DB_PASSWORD
		try {
			code = cli.startFailed(failure, true);
		}
		finally {
			System.clearProperty("LEEFBAAR_DB_URL");
		}

		assertThat(code).isEqualTo(1);
		String shown = err.toString(StandardCharsets.UTF_8);
		assertThat(shown).startsWith("leefbaar: cannot start: ").contains("***").doesNotContain(SECRET);
	}

	/**
	 * A pull from Signalen that fails (the server answers 503 to every page request),
	 * with --debug: neither the client secret nor a token it was given shows in the
	 * output, the stack trace, the log or the run summaries.
	 */
	@Test
	void aFailedPullFromSignalenShowsNeitherTheClientSecretNorTheToken() throws Exception {
		try (FakeSignalen server = new FakeSignalen()) {
			server.add(1, "2025-04-01T09:00:00Z", "2025-04-02T10:00:00Z").at("3011AB", "10", null, null);
			for (int request = 1; request <= 4; request++) {
				server.faults.put(request, FakeSignalen.status(503));
			}
			ChildRun child = new ChildRun(dataSource, new JdbcTemplate(dataSource), folder, server,
					"leefbaar_leak_test");
			try {
				Process process = child.start("leak.txt", "run", "pull", "--debug");
				assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();

				String shown = child.output("leak.txt") + child.files();
				assertThat(process.exitValue()).as(shown).isEqualTo(1);
				assertThat(shown).contains("signalen: the server answered 503 for page 1");
				assertThat(server.tokensIssued).hasSize(1);
				assertThat(shown).doesNotContain(FakeSignalen.SECRET).doesNotContain(server.tokensIssued.get(0));
			}
			finally {
				child.drop(new JdbcTemplate(dataSource));
			}
		}
	}

	/**
	 * The real launcher in a process of its own, on the test server, a database that is
	 * not there.
	 */
	@Test
	void aFailedStartWithAnExternalUrlAndPasswordShowsNeitherInLogErrorOrDebugTrace() throws Exception {
		String url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
		String port = url.replaceAll(".*://[^:/]+:(\\d+)/.*", "$1");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), "-Xmx256m", "-XX:TieredStopAtLevel=1",
						LeefbaarApplication.class.getName(), "status", "--debug"));
		ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
		builder.environment().put("LEEFBAAR_HOME", folder.resolve("home").toString());
		builder.environment()
			.put("LEEFBAAR_DB_URL",
					"jdbc:postgresql://localhost:" + port + "/no_such_database?user=postgres&password=" + SECRET);
		builder.environment().put("LEEFBAAR_DB_USER", "postgres");
		builder.environment().put("LEEFBAAR_DB_PASSWORD", SECRET);
		builder.environment().put("LEEFBAAR_MAIL_PASSWORD", MAIL_SECRET);
		builder.environment().put("SPRING_MAIL_HOST", "localhost");
		Path output = folder.resolve("output.txt");
		builder.redirectOutput(output.toFile());

		Process process = builder.start();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

		String shown = Files.readString(output);
		assertThat(process.exitValue()).as(shown).isEqualTo(1);
		assertThat(shown).contains("leefbaar: cannot start: ")
			.contains("no_such_database")
			.doesNotContain(SECRET)
			.doesNotContain(MAIL_SECRET);
	}

}
