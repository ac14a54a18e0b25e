package nl.leefbaar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import nl.leefbaar.support.TestDatabase;
import nl.leefbaar.system.RunKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * importStep in a job, as the CLI assembles it: counts in the job's execution context.
 */
@SpringBootTest
class ImportStepTests {

	@Autowired
	JobRepository jobRepository;

	@Autowired
	JobOperator jobOperator;

	@Autowired
	@Qualifier("importStep")
	Step importStep;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path root;

	@BeforeEach
	void setUp() {
		TestDatabase.clearDomainTables(jdbc);
	}

	JobExecution run(Fixture fixture) throws Exception {
		Job job = new JobBuilder("importOnly", jobRepository).start(importStep).build();
		return jobOperator.start(job,
				new JobParametersBuilder().addString(RunKeys.INPUT, fixture.input.toString())
					.addString(RunKeys.OUTPUT, fixture.output.toString())
					.addString("test.run", root.toString())
					.toJobParameters());
	}

	@Test
	void putsTheCountsIntoTheJobExecutionContext() throws Exception {
		Fixture fixture = new Fixture(root);
		fixture.reports("R1,C1,,Lekkage,2025-06-02 10:15,,,", "R2,C1,,Onbekend,2025-06-02 10:15,,,");

		JobExecution execution = run(fixture);

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		ExecutionContext context = execution.getExecutionContext();
		assertThat(context.getLong(RunKeys.ROWS_READ)).isEqualTo(6);
		assertThat(context.getLong(RunKeys.LOADED)).isEqualTo(6);
		assertThat(context.getLong(RunKeys.NEW)).isEqualTo(6);
		assertThat(context.getLong(RunKeys.REJECTED)).isZero();
		assertThat(context.getLong(RunKeys.UNMAPPED)).isEqualTo(1);
		assertThat(context.getLong(RunKeys.INPUT_FILES)).isEqualTo(3);
		assertThat(context.getString(RunKeys.FILES)).isEqualTo(context.getString(RunKeys.REJECTS_FILE));
		assertThat(jdbc.queryForObject("select job_execution_id from import_run", Long.class))
			.isEqualTo(execution.getId());
	}

	@Test
	void failsTheJobWithAOneLineReasonAndLeavesNothing() throws Exception {
		Fixture fixture = new Fixture(root);
		fixture.write("reports.csv", "report_id,complex_id\nR1,C1\n");

		JobExecution execution = run(fixture);

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(execution.getAllFailureExceptions()).singleElement()
			.isInstanceOf(ImportException.class)
			.satisfies(e -> assertThat(e.getMessage())
				.startsWith("reports.csv: missing required columns category, reported_at"));
		assertThat(jdbc.queryForObject("select count(*) from neighbourhood", Long.class)).isZero();
	}

}
