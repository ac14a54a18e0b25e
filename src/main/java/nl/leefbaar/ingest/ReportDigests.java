package nl.leefbaar.ingest;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The report digests of V62 and V63 (per reported day, per closing month, and the open
 * digest per month) for the rows a load COPYs, computed while the rows are read, so that
 * the load needs no statement trigger reading them all back from a transition table. They
 * are the values the trigger {@code report_digest_change} computes: the same hashes
 * ({@link PgHash} over the same text as {@code report_reported_hash},
 * {@code report_closed_hash} and {@code report_open_hash}: {@code concat_ws('|', ...)}
 * without the null values, instants as {@code extract(epoch from ...)} writes them), the
 * same keys, and a row for every key the trigger would write, also where the open
 * digest's additions and subtractions cancel out. {@link #store} adds them to the stored
 * digests as the trigger does.
 * <p>
 * Memory: one entry per day and month of the data (a few thousand), not per row.
 */
final class ReportDigests {

	/** The trigger that keeps the digests for an insert (V63). */
	static final String INSERT_TRIGGER = "report_digest_insert";

	private final Sums days = new Sums();

	private final Sums closings = new Sums();

	private final Sums open = new Sums();

	private byte[] text = new byte[256];

	private int length;

	/** Adds one report as the insert trigger would (null for absent values). */
	void add(String reportId, String complexId, String dwellingRef, String category, OffsetDateTime reportedAt,
			LocalDate reportedDay, OffsetDateTime closedAt, String followUp) {
		long reportedMicros = Temporals.epochMicros(reportedAt);

		// report_reported_hash:
		// report_id|complex_id|dwelling_ref|category|epoch|follow_up
		length = 0;
		append(reportId);
		append(complexId);
		append(dwellingRef);
		append(category);
		appendEpoch(reportedMicros);
		append(followUp);
		days.at(reportedDay).add(1, PgHash.hashtextextended(text, length));

		// report_open_hash: report_id|complex_id|category|epoch(reported_at); the closed
		// hash
		// adds |epoch(closed_at)
		length = 0;
		append(reportId);
		append(complexId);
		append(category);
		appendEpoch(reportedMicros);
		long openHash = PgHash.hashtextextended(text, length);
		open.at(reportedDay.withDayOfMonth(1)).add(1, openHash);
		if (closedAt != null) {
			appendEpoch(Temporals.epochMicros(closedAt));
			LocalDate closingMonth = Temporals.localDay(closedAt).withDayOfMonth(1);
			closings.at(closingMonth).add(1, PgHash.hashtextextended(text, length));
			open.at(closingMonth).add(-1, -openHash);
		}
	}

	/** Adds the digests to the stored ones, as the insert trigger does. */
	void store(NamedParameterJdbcTemplate jdbc) {
		store(jdbc, "report-day-digest", days);
		store(jdbc, "report-closing-digest", closings);
		store(jdbc, "report-open-digest", open);
	}

	private static void store(NamedParameterJdbcTemplate jdbc, String statement, Sums sums) {
		List<String> keys = new ArrayList<>();
		List<Long> counts = new ArrayList<>();
		List<String> digests = new ArrayList<>();
		sums.forEach((day, sum) -> {
			keys.add(day.toString());
			counts.add(sum.count);
			digests.add(sum.digest().toString());
		});
		if (keys.isEmpty()) {
			return;
		}
		jdbc.update(IngestSql.statement("report-digests", statement),
				new MapSqlParameterSource().addValue("keys", keys.toArray(String[]::new))
					.addValue("counts", counts.toArray(Long[]::new))
					.addValue("digests", digests.toArray(String[]::new)));
	}

	/**
	 * A value of concat_ws('|', ...): nulls are left out together with their separator.
	 */
	private void append(String value) {
		if (value == null) {
			return;
		}
		ensure(1 + value.length() * 3);
		if (length > 0) {
			text[length++] = '|';
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x80) {
				text[length++] = (byte) c;
			}
			else {
				// rare: non-ASCII ids or categories
				byte[] bytes = value.substring(i).getBytes(StandardCharsets.UTF_8);
				ensure(bytes.length);
				System.arraycopy(bytes, 0, text, length, bytes.length);
				length += bytes.length;
				return;
			}
		}
	}

	/**
	 * {@code extract(epoch from t)} as text: numeric seconds with six decimals (instants
	 * from 2000 on, so never negative).
	 */
	private void appendEpoch(long micros) {
		ensure(32);
		if (length > 0) {
			text[length++] = '|';
		}
		long seconds = micros / 1_000_000;
		int fraction = (int) (micros % 1_000_000);
		int digits = 1;
		for (long rest = seconds / 10; rest > 0; rest /= 10) {
			digits++;
		}
		for (int i = length + digits - 1; i >= length; i--) {
			text[i] = (byte) ('0' + seconds % 10);
			seconds /= 10;
		}
		length += digits;
		text[length++] = '.';
		for (int i = length + 5; i >= length; i--) {
			text[i] = (byte) ('0' + fraction % 10);
			fraction /= 10;
		}
		length += 6;
	}

	private void ensure(int more) {
		if (length + more + 1 > text.length) {
			text = Arrays.copyOf(text, Math.max(text.length * 2, length + more + 1));
		}
	}

	/**
	 * The sums per day (or first day of a month), in an array indexed by the day: a
	 * lookup per row costs no hashing and no boxing.
	 */
	private static final class Sums {

		private static final long FIRST_DAY = LocalDate.of(1990, 1, 1).toEpochDay();

		private Sum[] byDay = new Sum[0];

		Sum at(LocalDate day) {
			long index = day.toEpochDay() - FIRST_DAY;
			if (index < 0 || index > Integer.MAX_VALUE - 1) {
				throw new IllegalArgumentException("day out of range: " + day);
			}
			if (index >= byDay.length) {
				byDay = Arrays.copyOf(byDay,
						(int) Math.max(index + 1, Math.min(Integer.MAX_VALUE - 1L, byDay.length * 2L)));
			}
			Sum sum = byDay[(int) index];
			if (sum == null) {
				sum = new Sum();
				byDay[(int) index] = sum;
			}
			return sum;
		}

		void forEach(BiConsumer<LocalDate, Sum> action) {
			for (int i = 0; i < byDay.length; i++) {
				if (byDay[i] != null) {
					action.accept(LocalDate.ofEpochDay(FIRST_DAY + i), byDay[i]);
				}
			}
		}

	}

	/** A count and a sum of 64-bit hashes in 128 bits (numeric in the database). */
	private static final class Sum {

		long count;

		long low;

		long high;

		void add(long n, long hash) {
			count += n;
			long sum = low + hash;
			// carry out of the unsigned low word, plus the hash's sign extended
			high += (hash >> 63) + (Long.compareUnsigned(sum, low) < 0 ? 1 : 0);
			low = sum;
		}

		BigInteger digest() {
			return BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
		}

	}

}
