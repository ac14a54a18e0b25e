package nl.leefbaar.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import nl.leefbaar.domain.Months;

/** A clock that only moves when a test moves it (the scheduler's sleeper does). */
public final class FakeClock extends Clock {

	public volatile Instant now;

	public FakeClock(Instant now) {
		this.now = now;
	}

	/** An Amsterdam wall-clock time such as {@code 2025-05-10T12:00}. */
	public static Instant at(String localDateTime) {
		return ZonedDateTime.of(LocalDateTime.parse(localDateTime), Months.ZONE).toInstant();
	}

	@Override
	public ZoneId getZone() {
		return Months.ZONE;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return now;
	}

}
