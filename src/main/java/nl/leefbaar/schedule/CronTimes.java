package nl.leefbaar.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import nl.leefbaar.domain.Months;
import org.springframework.scheduling.support.CronExpression;

/**
 * Fire times of a cron in Europe/Amsterdam. Spring's CronExpression only looks forward.
 */
public final class CronTimes {

	private static final List<Duration> LOOK_BACK = List.of(Duration.ofMinutes(1), Duration.ofHours(1),
			Duration.ofDays(1), Duration.ofDays(40), Duration.ofDays(400), Duration.ofDays(4000));

	private CronTimes() {
	}

	public static Optional<Instant> next(CronExpression cron, Instant after) {
		ZonedDateTime next = cron.next(after.atZone(Months.ZONE));
		return Optional.ofNullable(next).map(ZonedDateTime::toInstant);
	}

	/** The last fire at or before {@code at}, searching back in growing windows. */
	public static Optional<Instant> previous(CronExpression cron, Instant at) {
		for (Duration window : LOOK_BACK) {
			ZonedDateTime fire = cron.next(at.minus(window).atZone(Months.ZONE));
			if (fire == null || fire.toInstant().isAfter(at)) {
				continue;
			}
			for (ZonedDateTime following = cron.next(fire); following != null
					&& !following.toInstant().isAfter(at); following = cron.next(following)) {
				fire = following;
			}
			return Optional.of(fire.toInstant());
		}
		return Optional.empty();
	}

}
