package nl.leefbaar.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import nl.leefbaar.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The other sessions of a computation read what the run's transaction reads, hand their
 * tables back whole, and let their failures through.
 */
@SpringBootTest
class SnapshotSessionTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	TransactionTemplate run;

	@BeforeEach
	void given() {
		TestDatabase.clearDomainTables(jdbc);
		new Fixture(jdbc).neighbourhood("N1").complex("C1", "N1", 40);
		run = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		run.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	@Test
	void anotherSessionReadsTheRunsSnapshotAndItsTableComesBackWhole() {
		List<String> copied = run.execute(status -> {
			assertThat(jdbc.queryForObject("select count(*) from complex", Long.class)).isEqualTo(1);
			try (SnapshotSession other = SnapshotSession.sharingSnapshotOf(jdbc, dataSource)) {
				// Committed by a third session after the run's snapshot was taken:
				// neither sees it.
				try (Connection outside = dataSource.getConnection(); Statement statement = outside.createStatement()) {
					outside.setAutoCommit(true);
					statement.execute(
							"insert into complex (complex_id, name, neighbourhood_code, dwellings) values ('C2', 'C2', 'N1', 10)");
				}
				catch (SQLException e) {
					throw new IllegalStateException(e);
				}

				String query = "select complex_id, dwellings, g as n from complex cross join generate_series(1, 50000) g";
				SnapshotSession.await(other
					.submit(session -> session.execute("create temp table copied on commit drop as " + query)));
				jdbc.execute("create temp table copied on commit drop as " + query + " with no data");
				other.copyTo(DataSourceUtils.getConnection(dataSource), "copied");
			}
			return jdbc.queryForList(
					"select complex_id || ':' || count(*) || ':' || sum(n) from copied group by complex_id",
					String.class);
		});

		assertThat(copied).containsExactly("C1:50000:1250025000");
		assertThat(jdbc.queryForObject("select count(*) from complex", Long.class)).isEqualTo(2);
	}

	@Test
	void aFailureOnTheOtherSessionReachesTheRunWithItsMessage() {
		assertThatThrownBy(() -> run.executeWithoutResult(status -> {
			try (SnapshotSession other = SnapshotSession.sharingSnapshotOf(jdbc, dataSource)) {
				SnapshotSession.await(other.submit(session -> session.execute("select * from no_such_table")));
			}
		})).hasMessageContaining("no_such_table");
	}

}
