package nl.leefbaar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.YearMonth;

import nl.leefbaar.schedule.JobDefinitions;
import nl.leefbaar.schedule.RunHistory;
import nl.leefbaar.schedule.Scheduler;
import nl.leefbaar.schedule.FakeClock;
import nl.leefbaar.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The scheduler against the real job repository, running the probe jobs in this JVM. */
@SpringBootTest
class ScheduledRunsTests {

	@Autowired
	CommandRunner runner;

	@Autowired
	ProbeSteps.Probe probe;

	@Autowired
	RunHistory history;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JobRepository jobRepository;

	@TempDir
	Path folder;

	CliHarness cli;

	@BeforeEach
	void setUp() throws Exception {
		TestDatabase.clearDomainTables(jdbc);
		probe.reset();
		cli = new CliHarness(runner, folder);
	}

	@AfterEach
	void forgetRuns() {
		CliHarness.forgetTestRuns(jdbc, jobRepository);
	}

	@Test
	void catchUpRunsTheMissedMonthsOldestFirstOnceEachAndNeverACompletedOne() throws Exception {
		String job = cli.defineMonthly("catchup");
		assertThat(cli.run("run", job, "--month", "2025-01").code()).isZero();
		probe.failOnce("compute", "database gone");
		assertThat(cli.run("run", job, "--month", "2025-02").code()).isEqualTo(ExitCodes.FAILED);
		probe.reset();
		var clock = new FakeClock(FakeClock.at("2025-05-10T12:00"));
		var definitions = JobDefinitions.load(cli.jobs, ProbeSteps.CATALOG);
		Scheduler.Runner inThisJvm = (definition,
				month) -> cli.run("run", definition.name(), "--month", month.toString()).code();
		Scheduler scheduler = new Scheduler(definitions.values(), clock, inThisJvm, history,
				instant -> clock.now = instant);

		scheduler.catchUp();
		scheduler.catchUp();
		scheduler.loop(1);

		assertThat(probe.calls).containsExactly("compute 2025-02", "report 2025-02", // the
																						// failed
																						// month
																						// continues
																						// where
																						// it
																						// stopped
				"import", "compute 2025-03", "report 2025-03", "import", "compute 2025-04", "report 2025-04", "import",
				"compute 2025-05", "report 2025-05"); // at the firing of 2 June
		assertThat(history.completedMonths(job)).containsExactly(YearMonth.of(2025, 1), YearMonth.of(2025, 2),
				YearMonth.of(2025, 3), YearMonth.of(2025, 4), YearMonth.of(2025, 5));
	}

}
