package nl.leefbaar.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import nl.leefbaar.support.TestDatabase;
import nl.leefbaar.system.JobRuns;
import nl.leefbaar.system.RunKeys;
import org.junit.jupiter.api.AfterEach;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class ReportStepTests {

	private static final String JOB = "reportStepTestJob";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	JobOperator jobOperator;

	@Autowired
	@Qualifier("reportStep")
	Step reportStep;

	@Autowired
	List<ReportWriter> writers;

	@TempDir
	Path out;

	@BeforeEach
	void givenAnEmptyDatabase() {
		TestDatabase.clearDomainTables(jdbc);
		jdbc.update("insert into neighbourhood values ('N1', 'Centrum', 'Wijk A')");
		jdbc.update("insert into complex values ('C1', 'De Linde', 'N1', 'corp', 60)");
	}

	/**
	 * This test's own job leaves no history: other tests may expect an empty job
	 * repository.
	 */
	@AfterEach
	void forgetTheTestJob() {
		JobRuns.forget(jobRepository, JOB);
	}

	@Test
	void writesEveryWritersFilesIntoTheMonthFolderAndListsThemUnderFiles() throws Exception {
		Job job = new JobBuilder(JOB, jobRepository).start(reportStep).build();
		JobExecution execution = jobOperator.start(job,
				new JobParametersBuilder().addString(RunKeys.MONTH, "2025-06")
					.addString(RunKeys.OUTPUT, out.toString())
					.addString(RunKeys.LANG, "en")
					.addString("run", String.valueOf(System.nanoTime()))
					.toJobParameters());

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		List<String> files = Arrays.asList(execution.getExecutionContext().getString(RunKeys.FILES).split("\n"));
		assertThat(files).contains(out.resolve("2025-06").resolve("dashboard-team-2025-06.xlsx").toString(),
				out.resolve("2025-06").resolve("dashboard-corp-2025-06.xlsx").toString(),
				out.resolve("2025-06").resolve("neighbourhoods-2025-06.xlsx").toString());
		assertThat(files).allMatch(f -> Files.isRegularFile(Path.of(f)));
		assertThat(writers).hasSizeGreaterThanOrEqualTo(2);
	}

	@Test
	void rejectsAMonthThatIsNotYyyyMmWithOneClearLine() throws Exception {
		Job job = new JobBuilder(JOB, jobRepository).start(reportStep).build();
		JobExecution execution = jobOperator.start(job,
				new JobParametersBuilder().addString(RunKeys.MONTH, "juni")
					.addString(RunKeys.OUTPUT, out.toString())
					.addString("run", String.valueOf(System.nanoTime()))
					.toJobParameters());

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(execution.getAllFailureExceptions()).extracting(Throwable::getMessage)
			.containsExactly("job parameter month: 'juni' is not a month yyyy-mm");
	}

}
