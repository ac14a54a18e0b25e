package nl.leefbaar.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

class ChildProcessRunnerTests {

	@Test
	void runsAScheduledMonthAsARunOfItsOwnWithTheMonthGiven() {
		ChildProcessRunner runner = new ChildProcessRunner(List.of("java", "-jar", "leefbaar.jar"));
		JobDefinition monthly = SchedulerTests.definition("monthly", "0 0 6 2 * *", List.of("import", "compute"));
		JobDefinition nightly = SchedulerTests.definition("nightly", "0 30 2 * * *", List.of("import"));

		assertThat(runner.command(monthly, YearMonth.of(2025, 4))).containsExactly("java", "-jar", "leefbaar.jar",
				"run", "monthly", "--month", "2025-04");
		assertThat(runner.command(nightly, null)).containsExactly("java", "-jar", "leefbaar.jar", "run", "nightly");
	}

	@Test
	void startsThisApplicationAgainWithItsSettings() {
		System.setProperty("leefbaar.home", System.getProperty("leefbaar.home", "target/test-home"));

		List<String> command = ChildProcessRunner.ofThisProcess("nl.leefbaar.LeefbaarApplication")
			.command(SchedulerTests.definition("monthly", "0 0 6 2 * *", List.of("compute")), YearMonth.of(2025, 4));

		assertThat(command.get(0)).endsWith("java");
		// The JVM's own options carry over (the launcher's compiler setting, a heap
		// limit).
		assertThat(command).containsAll(ManagementFactory.getRuntimeMXBean()
			.getInputArguments()
			.stream()
			.filter(argument -> argument.startsWith("-XX:"))
			.toList());
		assertThat(command).contains("-Dleefbaar.home=" + System.getProperty("leefbaar.home"));
		assertThat(command.subList(command.size() - 4, command.size())).containsExactly("run", "monthly", "--month",
				"2025-04");
	}

}
