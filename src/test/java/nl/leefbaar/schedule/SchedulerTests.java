package nl.leefbaar.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronExpression;

/** The scheduler on a fake clock: sleeping moves the clock, runs are recorded. */
class SchedulerTests {

	/** Runs complete unless told to fail; history is what completed. */
	static final class Recorder implements Scheduler.Runner, Scheduler.History {

		final List<String> runs = new ArrayList<>();

		final Map<String, SortedSet<YearMonth>> completed = new HashMap<>();

		final Map<String, Instant> started = new HashMap<>();

		final List<YearMonth> failing = new ArrayList<>();

		final FakeClock clock;

		Recorder(FakeClock clock) {
			this.clock = clock;
		}

		@Override
		public int run(JobDefinition definition, YearMonth month) {
			runs.add(definition.name() + (month == null ? "" : " " + month));
			started.put(definition.name(), clock.instant());
			if (failing.remove(month)) {
				return 1;
			}
			if (month != null) {
				completed.computeIfAbsent(definition.name(), k -> new TreeSet<>()).add(month);
			}
			return 0;
		}

		@Override
		public SortedSet<YearMonth> completedMonths(String job) {
			return completed.getOrDefault(job, new TreeSet<>());
		}

		@Override
		public Optional<Instant> lastStart(String job) {
			return Optional.ofNullable(started.get(job));
		}

	}

	static JobDefinition definition(String name, String cron, List<String> steps) {
		return new JobDefinition(name, Path.of(name + ".yml"), steps, cron, CronExpression.parse(cron), List.of(), "nl",
				Path.of("inbox"), Path.of("out"), Map.of());
	}

	static Instant at(String localDateTime) {
		return FakeClock.at(localDateTime);
	}

	final JobDefinition monthly = definition("monthly", "0 0 6 2 * *", List.of("import", "compute", "report"));

	final FakeClock clock = new FakeClock(at("2025-05-10T12:00"));

	final Recorder recorder = new Recorder(clock);

	Scheduler scheduler(JobDefinition... definitions) {
		return new Scheduler(List.of(definitions), clock, recorder, recorder, instant -> clock.now = instant);
	}

	@Test
	void catchesUpMissedMonthsOldestFirstOnceEach() {
		recorder.completed.put("monthly", new TreeSet<>(List.of(YearMonth.of(2025, 1))));

		scheduler(monthly).catchUp();
		scheduler(monthly).catchUp();

		assertThat(recorder.runs).containsExactly("monthly 2025-02", "monthly 2025-03", "monthly 2025-04");
	}

	@Test
	void aMonthWhoseFiringHasNotComeYetIsNotDue() {
		clock.now = at("2025-05-02T05:59");
		recorder.completed.put("monthly", new TreeSet<>(List.of(YearMonth.of(2025, 2))));

		scheduler(monthly).catchUp();

		assertThat(recorder.runs).containsExactly("monthly 2025-03");
	}

	@Test
	void aFreshInstallationRunsOnlyTheLatestDueMonth() {
		scheduler(monthly).catchUp();

		assertThat(recorder.runs).containsExactly("monthly 2025-04");
	}

	@Test
	void runsEachDefinitionOnItsCronAndRetriesAFailedMonthAtTheNextFiring() throws Exception {
		Scheduler scheduler = scheduler(monthly);
		scheduler.catchUp();
		recorder.failing.add(YearMonth.of(2025, 5));

		scheduler.loop(2);

		assertThat(recorder.runs).containsExactly("monthly 2025-04", "monthly 2025-05", "monthly 2025-05",
				"monthly 2025-06");
		assertThat(clock.now).isEqualTo(at("2025-07-02T06:00"));
	}

	@Test
	void anImportOnlyJobRunsOnceWhenItsFiringWasMissed() throws Exception {
		JobDefinition nightly = definition("nightly", "0 30 2 * * *", List.of("import"));
		recorder.started.put("nightly", at("2025-05-08T02:30"));

		Scheduler scheduler = scheduler(nightly);
		scheduler.catchUp();
		scheduler.catchUp();
		scheduler.loop(1);

		assertThat(recorder.runs).containsExactly("nightly", "nightly");
		assertThat(clock.now).isEqualTo(at("2025-05-11T02:30"));
	}

	@Test
	void findsThePreviousFiringAcrossDaylightSavingTime() {
		CronExpression cron = CronExpression.parse("0 0 6 2 * *");

		assertThat(CronTimes.previous(cron, at("2025-04-01T00:00"))).contains(at("2025-03-02T06:00"));
		assertThat(CronTimes.previous(cron, at("2025-04-02T06:00"))).contains(at("2025-04-02T06:00"));
		assertThat(CronTimes.next(cron, at("2025-10-02T06:00"))).contains(at("2025-11-02T06:00"));
	}

}
