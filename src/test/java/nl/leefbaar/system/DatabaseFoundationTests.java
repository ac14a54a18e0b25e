package nl.leefbaar.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class DatabaseFoundationTests {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void runsOnRealPostgresqlWithTheMigratedSchema() {
		assertThat(jdbc.queryForObject("select current_setting('server_version_num')::int", Integer.class))
			.isGreaterThanOrEqualTo(180000);
		// other test classes run jobs on the same database first: the table exists, its
		// count is theirs
		assertThat(jdbc.queryForObject("select count(*) from batch_job_instance", Integer.class)).isNotNull();
		assertThat(jdbc.queryForObject("select count(*) from report", Integer.class)).isNotNull();
	}

	@Test
	void theTestsThrowawayDatabaseDoesNotSyncToDisk() {
		// leefbaar.db.fsync=false in pom.xml; a user's home syncs (EmbeddedDatabaseTests)
		assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("off");
	}

}
