package nl.leefbaar.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

import nl.leefbaar.domain.Months;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every definition on its cron. A monthly job fired at time t is for the month
 * before t; each firing (and the start after a downtime) runs every month from the month
 * after the last completed one up to that month, oldest first, once each: a month that
 * completed is never run again, a month that failed is tried again at the next firing. An
 * import-only job runs when a firing passed since it last started.
 */
public final class Scheduler {

	private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

	/** Runs one job, for a month or (import-only) for none; returns the exit code. */
	public interface Runner {

		int run(JobDefinition definition, YearMonth month);

	}

	/** Waits until the clock reaches an instant; tests move a fake clock instead. */
	public interface Sleeper {

		void sleepUntil(Instant instant) throws InterruptedException;

	}

	public interface History {

		SortedSet<YearMonth> completedMonths(String job);

		Optional<Instant> lastStart(String job);

	}

	private final List<JobDefinition> definitions;

	private final Clock clock;

	private final Runner runner;

	private final History history;

	private final Sleeper sleeper;

	public Scheduler(Collection<JobDefinition> definitions, Clock clock, Runner runner, History history,
			Sleeper sleeper) {
		this.definitions = definitions.stream().filter(d -> d.cron() != null).toList();
		this.clock = clock;
		this.runner = runner;
		this.history = history;
		this.sleeper = sleeper;
	}

	/**
	 * The sleeper of a real scheduler: naps of at most a minute, so a changed clock is
	 * noticed.
	 */
	public static Sleeper sleeping(Clock clock) {
		return instant -> {
			long millis;
			while ((millis = instant.toEpochMilli() - clock.millis()) > 0) {
				Thread.sleep(Math.min(millis, 60_000));
			}
		};
	}

	/** Runs what was missed while no scheduler was up. */
	public void catchUp() {
		Instant now = clock.instant();
		for (JobDefinition definition : definitions) {
			runDue(definition, now);
		}
	}

	/**
	 * Sleeps until the next firing and runs what is due, {@code firings} times (or
	 * forever).
	 */
	public void loop(long firings) throws InterruptedException {
		for (long fired = 0; fired < firings && !definitions.isEmpty(); fired++) {
			Instant now = clock.instant();
			Instant next = null;
			for (JobDefinition definition : definitions) {
				Instant fire = CronTimes.next(definition.cron(), now).orElse(null);
				if (fire != null && (next == null || fire.isBefore(next))) {
					next = fire;
				}
			}
			if (next == null) {
				return;
			}
			log.info("Next run at {}", next.atZone(Months.ZONE).toOffsetDateTime());
			sleeper.sleepUntil(next);
			for (JobDefinition definition : definitions) {
				Optional<Instant> fire = CronTimes.next(definition.cron(), now);
				if (fire.isPresent() && fire.get().equals(next)) {
					runDue(definition, next);
				}
			}
		}
	}

	/**
	 * The months a definition owes at {@code at}, oldest first; empty for an import-only
	 * job.
	 */
	public List<YearMonth> dueMonths(JobDefinition definition, Instant at) {
		Optional<Instant> lastFire = CronTimes.previous(definition.cron(), at);
		if (lastFire.isEmpty() || !definition.monthly()) {
			return List.of();
		}
		YearMonth due = Months.lastComplete(Clock.fixed(lastFire.get(), Months.ZONE));
		SortedSet<YearMonth> completed = history.completedMonths(definition.name());
		YearMonth first = completed.isEmpty() ? due : completed.last().plusMonths(1);
		List<YearMonth> months = new ArrayList<>();
		for (YearMonth month = first; !month.isAfter(due); month = month.plusMonths(1)) {
			months.add(month);
		}
		return months;
	}

	private void runDue(JobDefinition definition, Instant at) {
		if (definition.monthly()) {
			List<YearMonth> months = dueMonths(definition, at);
			if (months.size() > 1) {
				log.info("{}: catching up {} months, {} to {}", definition.name(), months.size(), months.get(0),
						months.get(months.size() - 1));
			}
			months.forEach(month -> run(definition, month));
			return;
		}
		Optional<Instant> lastFire = CronTimes.previous(definition.cron(), at);
		Optional<Instant> lastStart = history.lastStart(definition.name());
		if (lastFire.isPresent() && (lastStart.isEmpty() || lastStart.get().isBefore(lastFire.get()))) {
			run(definition, null);
		}
	}

	private void run(JobDefinition definition, YearMonth month) {
		String what = definition.name() + (month == null ? "" : " " + month);
		try {
			int code = runner.run(definition, month);
			if (code != 0) {
				log.warn("{} ended with exit status {}", what, code);
			}
		}
		catch (RuntimeException e) {
			log.warn("{} could not run: {}", what, e.getMessage());
		}
	}

}
