package nl.leefbaar.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import nl.leefbaar.sources.FakeSignalen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A SIGKILL of the real launcher while it pulls Signalen, between two pages: nothing of
 * the pull is committed, the watermark stays where it was, and the same command then gets
 * every signal once.
 */
@SpringBootTest
class SourcesKillTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path folder;

	ChildRun child;

	FakeSignalen server;

	@AfterEach
	void tearDown() {
		if (server != null) {
			server.close();
		}
		if (child != null) {
			child.drop(jdbc);
		}
	}

	@Test
	void aKillBetweenPagesCommitsNothingAndTheSameCommandGetsEverySignalOnce() throws Exception {
		server = new FakeSignalen();
		for (long id = 1; id <= 250; id++) {
			server.add(id, "2025-04-01T09:00:00Z", "2025-04-02T10:00:00Z")
				.plusSeconds(id)
				.at("3011AB", "10", null, null);
		}
		CountDownLatch killed = new CountDownLatch(1);
		CountDownLatch secondPageAsked = new CountDownLatch(1);
		server.before.put(2, () -> {
			secondPageAsked.countDown();
			try {
				killed.await(2, TimeUnit.MINUTES);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		});
		child = new ChildRun(dataSource, jdbc, folder, server, "leefbaar_kill_test");

		Process first = child.start("first.txt", "run", "pull");
		assertThat(secondPageAsked.await(3, TimeUnit.MINUTES)).as("the pull reached page 2").isTrue();
		first.destroyForcibly();
		assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
		killed.countDown();
		waitForTheKilledSessions();

		assertThat(child.childJdbc.queryForObject("select count(*) from report", Long.class)).isZero();
		assertThat(child.childJdbc.queryForObject("select count(*) from source_watermark", Long.class)).isZero();

		Process second = child.start("second.txt", "run", "pull");
		assertThat(second.waitFor(3, TimeUnit.MINUTES)).isTrue();
		String shown = child.output("second.txt");
		assertThat(second.exitValue()).as(shown).isZero();
		assertThat(child.childJdbc.queryForObject("select count(*) from report", Long.class)).isEqualTo(250);
		assertThat(child.childJdbc.queryForObject("select count(distinct report_id) from report", Long.class))
			.isEqualTo(250);
		assertThat(child.childJdbc.queryForObject("select last_pulled from source_watermark", Long.class))
			.isEqualTo(250);
		assertThat(shown).contains("source signalen").contains("250 pulled");
		assertThat(server.schemaProblems).isEmpty();
	}

	/**
	 * PostgreSQL rolls back a dead client's transaction once it notices the client is
	 * gone.
	 */
	private void waitForTheKilledSessions() throws InterruptedException {
		for (int i = 0; i < 100; i++) {
			Long sessions = jdbc.queryForObject(
					"select count(*) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()", Long.class,
					child.database);
			if (sessions != null && sessions <= 1) {
				return;
			}
			Thread.sleep(100);
		}
	}

}
