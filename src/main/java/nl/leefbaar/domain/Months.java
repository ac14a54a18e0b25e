package nl.leefbaar.domain;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Months are calendar months in Europe/Amsterdam time (indicators.md). */
public final class Months {

	public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

	private Months() {
	}

	/** The last complete month at the clock's now: the month before the current one. */
	public static YearMonth lastComplete(Clock clock) {
		return YearMonth.from(ZonedDateTime.now(clock.withZone(ZONE))).minusMonths(1);
	}

	/** The instant month m starts, in Europe/Amsterdam. */
	public static ZonedDateTime start(YearMonth month) {
		return month.atDay(1).atStartOfDay(ZONE);
	}

	/** The instant month m ends (exclusive), which is the start of the next month. */
	public static ZonedDateTime end(YearMonth month) {
		return start(month.plusMonths(1));
	}

}
