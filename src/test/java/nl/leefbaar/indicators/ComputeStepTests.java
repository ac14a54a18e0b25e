package nl.leefbaar.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import nl.leefbaar.support.TestDatabase;
import nl.leefbaar.system.JobRuns;
import nl.leefbaar.system.RunKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class ComputeStepTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JobOperator jobOperator;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	Step computeStep;

	@TempDir
	Path output;

	JobOperatorTestUtils jobs;

	@BeforeEach
	void given() {
		TestDatabase.clearDomainTables(jdbc);
		Fixture data = new Fixture(jdbc);
		data.neighbourhood("N1").complex("C1", "N1", 100);
		data.report("C1", "pollution", "2025-01-10T10:00Z");
		data.report("C1", "pollution", "2025-03-10T10:00Z");
		jobs = new JobOperatorTestUtils(jobOperator, jobRepository);
		jobs.setJob(new JobBuilder("computeStepTest", jobRepository).start(computeStep).build());
	}

	/** Leaves the job repository as it found it: only this test's own job is removed. */
	@AfterEach
	void removeOwnJobs() {
		JobRuns.forget(jobRepository, "computeStepTest");
	}

	@Test
	void computesTheMonthWritesItsFilesAndRecordsThemInTheJobContext() throws Exception {
		JobParameters parameters = jobs.getUniqueJobParametersBuilder()
			.addString(RunKeys.MONTH, "2025-03")
			.addString(RunKeys.OUTPUT, output.toString())
			.addString(RunKeys.FORCE, "false")
			.toJobParameters();

		JobExecution execution = jobs.startJob(parameters);

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(execution.getExecutionContext().getString(RunKeys.MONTHS_COMPUTED))
			.isEqualTo("2025-01,2025-02,2025-03");
		assertThat(execution.getExecutionContext().getString(RunKeys.FILES).split("\n")).containsExactly(
				output.resolve("2025-03/indicators.csv").toString(),
				output.resolve("2025-03/indicators-public.csv").toString(),
				output.resolve("2025-03/activity-effects.csv").toString());
		assertThat(output.resolve("2025-03/indicators.csv")).exists();
	}

	@Test
	void aBackfillComputesEveryMonthAndWritesTheLastMonthsFiles() throws Exception {
		JobParameters parameters = jobs.getUniqueJobParametersBuilder()
			.addString(RunKeys.ALL_MONTHS, "true")
			.addString(RunKeys.OUTPUT, output.toString())
			.toJobParameters();

		JobExecution execution = jobs.startJob(parameters);

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(execution.getExecutionContext().getString(RunKeys.MONTHS_COMPUTED))
			.isEqualTo("2025-01,2025-02,2025-03");
		assertThat(output.resolve("2025-03/indicators-public.csv")).exists();
	}

	@Test
	void aBadMonthFailsWithOneClearLine() throws Exception {
		JobExecution execution = jobs.startJob(jobs.getUniqueJobParametersBuilder()
			.addString(RunKeys.MONTH, "March")
			.addString(RunKeys.OUTPUT, output.toString())
			.toJobParameters());

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(execution.getAllFailureExceptions()).singleElement()
			.extracting(Throwable::getMessage)
			.asString()
			.contains("month: 'March'")
			.contains("yyyy-mm");
	}

}
