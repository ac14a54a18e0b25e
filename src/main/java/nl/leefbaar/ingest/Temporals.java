package nl.leefbaar.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The date and timestamp forms of input-format.md, parsed by hand because this runs for
 * every row of files with millions of rows: dates {@code yyyy-MM-dd} or
 * {@code dd-MM-yyyy} (the Dutch form also with one-digit day or month, as spreadsheets
 * write it); timestamps a date, then {@code T} or a space, then
 * {@code HH:mm[:ss[.fraction]]}, then optionally {@code Z} or an offset {@code +HH[:mm]}.
 * Without an offset the time is local Europe/Amsterdam time, resolved as
 * {@link ZonedDateTime#ofLocal} does: a time in the spring gap moves forward by the gap's
 * length, a time in the autumn overlap takes the earlier (summer) offset. A timestamp may
 * also be a date alone, meaning its start of day.
 */
final class Temporals {

	static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

	private Temporals() {
	}

	/** A date, or IllegalArgumentException with a reason. */
	static LocalDate date(String text) {
		LocalDate date = dateOrNull(text, text.length());
		if (date == null) {
			throw new IllegalArgumentException("not a date (yyyy-MM-dd or dd-MM-yyyy): '" + Texts.shorten(text) + "'");
		}
		return date;
	}

	/**
	 * A timestamp as an instant with its offset, or IllegalArgumentException with a
	 * reason.
	 */
	static OffsetDateTime timestamp(String text) {
		int n = text.length();
		int t = text.indexOf('T');
		int space = text.indexOf(' ');
		int split = t < 0 ? space : space < 0 ? t : Math.min(t, space);
		int dateEnd = split < 0 ? n : split;
		LocalDate date = dateOrNull(text, dateEnd);
		if (date == null) {
			throw notTimestamp(text);
		}
		if (split < 0) {
			return amsterdam(date.atStartOfDay());
		}
		int i = split + 1;
		int hour = twoDigits(text, i);
		if (hour < 0 || i + 5 > n || text.charAt(i + 2) != ':') {
			throw notTimestamp(text);
		}
		int minute = twoDigits(text, i + 3);
		int second = 0;
		int nanos = 0;
		i += 5;
		if (i < n && text.charAt(i) == ':') {
			second = twoDigits(text, i + 1);
			if (second < 0) {
				throw notTimestamp(text);
			}
			i += 3;
			if (i < n && (text.charAt(i) == '.' || text.charAt(i) == ',')) {
				int start = ++i;
				while (i < n && Character.isDigit(text.charAt(i)) && i - start < 9) {
					nanos = nanos * 10 + (text.charAt(i) - '0');
					i++;
				}
				if (i == start) {
					throw notTimestamp(text);
				}
				for (int k = i - start; k < 9; k++) {
					nanos *= 10;
				}
			}
		}
		if (minute < 0) {
			throw notTimestamp(text);
		}
		ZoneOffset offset = null;
		if (i < n) {
			offset = offset(text, i);
			if (offset == null) {
				throw notTimestamp(text);
			}
		}
		LocalDateTime local;
		try {
			local = date.atTime(hour, minute, second, nanos);
		}
		catch (DateTimeException e) {
			throw notTimestamp(text);
		}
		return offset != null ? OffsetDateTime.of(local, offset) : amsterdam(local);
	}

	/**
	 * The instant in microseconds since 1970-01-01 UTC, as PostgreSQL stores a
	 * timestamptz: a finer fraction is rounded as the server rounds one it reads as text
	 * ({@code rint(fraction * 1000000)} on the fraction read as a double, ties to even).
	 */
	static long epochMicros(OffsetDateTime time) {
		int nanos = time.getNano();
		long micros = nanos % 1000 == 0 ? nanos / 1000 : (long) Math.rint(nanos / 1e9 * 1_000_000);
		return time.toEpochSecond() * 1_000_000 + micros;
	}

	/** The Europe/Amsterdam calendar day of an instant: report.reported_day. */
	static LocalDate localDay(OffsetDateTime time) {
		LocalDate date = time.toLocalDate();
		if (time.getOffset().getTotalSeconds() == stableOffset(date)) {
			return date;
		}
		return time.atZoneSameInstant(ZONE).toLocalDate();
	}

	/**
	 * A local Amsterdam time with its offset. Only two days a year have a transition; on
	 * every other day one offset holds all day, cached per day, because ZoneRules lookups
	 * cost more than everything else done with a row.
	 */
	static OffsetDateTime amsterdam(LocalDateTime local) {
		int offset = stableOffset(local.toLocalDate());
		if (offset != NO_STABLE_OFFSET) {
			return OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(offset));
		}
		return ZonedDateTime.ofLocal(local, ZONE, null).toOffsetDateTime();
	}

	private static final int NO_STABLE_OFFSET = Integer.MIN_VALUE;

	private static final int CACHE_FROM = (int) LocalDate.of(1990, 1, 1).toEpochDay();

	private static final int[] DAY_OFFSET = new int[(int) (LocalDate.of(2200, 1, 1).toEpochDay() - CACHE_FROM)];

	private static final int UNKNOWN = 0;

	private static final int TRANSITION_DAY = 1;

	private static final int ENCODED = 1_000_000;

	/** The offset of a day without transition (seconds), or NO_STABLE_OFFSET. */
	private static int stableOffset(LocalDate date) {
		long index = date.toEpochDay() - CACHE_FROM;
		if (index < 0 || index >= DAY_OFFSET.length) {
			return computeStableOffset(date);
		}
		int cached = DAY_OFFSET[(int) index];
		if (cached == UNKNOWN) {
			int offset = computeStableOffset(date);
			// one int write: threads racing here compute and store the same value
			cached = offset == NO_STABLE_OFFSET ? TRANSITION_DAY : offset + ENCODED;
			DAY_OFFSET[(int) index] = cached;
		}
		return cached == TRANSITION_DAY ? NO_STABLE_OFFSET : cached - ENCODED;
	}

	private static int computeStableOffset(LocalDate date) {
		var rules = ZONE.getRules();
		ZoneOffset start = rules.getOffset(date.atStartOfDay(ZONE).toInstant());
		ZoneOffset end = rules.getOffset(date.plusDays(1).atStartOfDay(ZONE).toInstant().minusSeconds(1));
		return start.equals(end) ? start.getTotalSeconds() : NO_STABLE_OFFSET;
	}

	private static IllegalArgumentException notTimestamp(String text) {
		return new IllegalArgumentException(
				"not a timestamp (yyyy-MM-dd HH:mm[:ss] or dd-MM-yyyy HH:mm[:ss]): '" + Texts.shorten(text) + "'");
	}

	private static LocalDate dateOrNull(String text, int end) {
		try {
			if (end == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
				int year = digits(text, 0, 4);
				int month = digits(text, 5, 7);
				int day = digits(text, 8, 10);
				return year < 0 || month < 0 || day < 0 ? null : LocalDate.of(year, month, day);
			}
			int first = text.indexOf('-');
			int second = first < 0 ? -1 : text.indexOf('-', first + 1);
			if (first < 1 || first > 2 || second - first < 2 || second - first > 3 || end - second != 5) {
				return null;
			}
			int day = digits(text, 0, first);
			int month = digits(text, first + 1, second);
			int year = digits(text, second + 1, end);
			return year < 0 || month < 0 || day < 0 ? null : LocalDate.of(year, month, day);
		}
		catch (DateTimeException | StringIndexOutOfBoundsException e) {
			return null;
		}
	}

	private static ZoneOffset offset(String text, int i) {
		String rest = text.substring(i).trim();
		if (rest.isEmpty()) {
			return null;
		}
		if (rest.equals("Z") || rest.equals("z")) {
			return ZoneOffset.UTC;
		}
		char sign = rest.charAt(0);
		if (sign != '+' && sign != '-') {
			return null;
		}
		String digits = rest.substring(1).replace(":", "");
		if (digits.length() != 2 && digits.length() != 4) {
			return null;
		}
		int hours = digits(digits, 0, 2);
		int minutes = digits.length() == 4 ? digits(digits, 2, 4) : 0;
		if (hours < 0 || minutes < 0) {
			return null;
		}
		try {
			return ZoneOffset.ofHoursMinutes(sign == '-' ? -hours : hours, sign == '-' ? -minutes : minutes);
		}
		catch (DateTimeException e) {
			return null;
		}
	}

	private static int twoDigits(String text, int at) {
		return at + 2 <= text.length() ? digits(text, at, at + 2) : -1;
	}

	private static int digits(String text, int from, int to) {
		if (from >= to) {
			return -1;
		}
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

}
