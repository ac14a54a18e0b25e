package nl.leefbaar.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import nl.leefbaar.schedule.StepCatalog;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A step that makes the database go away under a running job, once: from a connection of
 * its own it terminates every other session of the database (the pool's, the job
 * repository's, the run lock's and this step's own transaction), as an administrator or a
 * server restart would, then goes on working on its transaction's connection.
 */
@Configuration(proxyBeanMethods = false)
public class FaultSteps {

	/** The real stages, with the fault between the import and the indicators. */
	static final StepCatalog CATALOG = new StepCatalog(Map.of("import", "importStep", "dbfault", "databaseGoesAwayStep",
			"compute", "computeStep", "report", "reportStep"));

	/** Armed: the next execution of the step terminates the sessions. */
	public static class Switch {

		final AtomicBoolean armed = new AtomicBoolean();

		volatile int terminated;

	}

	@Bean
	Switch databaseFaultSwitch() {
		return new Switch();
	}

	@Bean
	Step databaseGoesAwayStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DataSource dataSource, Switch faults) {
		return new StepBuilder("databaseGoesAway", jobRepository).tasklet((contribution, context) -> {
			Connection own = DataSourceUtils.getConnection(dataSource);
			if (faults.armed.getAndSet(false)) {
				faults.terminated = terminateAllOtherSessions(dataSource);
			}
			try (Statement statement = own.createStatement();
					ResultSet count = statement.executeQuery("select count(*) from report")) {
				count.next();
			}
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	private static int terminateAllOtherSessions(DataSource dataSource) throws Exception {
		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
		try (Connection admin = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
				Statement statement = admin.createStatement();
				ResultSet terminated = statement.executeQuery("""
						select count(pg_terminate_backend(pid)) from pg_stat_activity
						where pid <> pg_backend_pid() and datname = current_database()""")) {
			terminated.next();
			return terminated.getInt(1);
		}
	}

}
