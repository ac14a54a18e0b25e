package nl.leefbaar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * cli.md: a second process on the same LEEFBAAR_HOME uses the running embedded server.
 */
@SpringBootTest
class SharedDatabaseTests {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aSecondProcessOnTheSameHomeConnectsToTheRunningServer() throws Exception {
		// this JVM runs the embedded server of the test home; a marker only that server
		// knows
		jdbc.update(
				"insert into run_lock (job, month, holder) values ('t-marker', 'x', 'tests') on conflict do nothing");
		try {
			Path home = Path.of(System.getProperty("leefbaar.home")).toAbsolutePath();
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			Process status = new ProcessBuilder(java, "-Dleefbaar.home=" + home, "-cp",
					System.getProperty("java.class.path"), "nl.leefbaar.LeefbaarApplication", "status", "--limit", "1")
				.redirectErrorStream(true)
				.start();
			String output = new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(status.waitFor(120, TimeUnit.SECONDS)).isTrue();

			assertThat(status.exitValue()).as(output).isZero();
			assertThat(output).contains("id", "job", "status").doesNotContain("Exception");
			assertThat(jdbc.queryForObject("select count(*) from pg_stat_activity where datname = 'postgres'",
					Integer.class))
				.isPositive();
		}
		finally {
			jdbc.update("delete from run_lock where job = 't-marker'");
		}
	}

}
