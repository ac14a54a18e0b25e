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
 * The report digests of the baseline schema (V1__baseline.sql) (per reported day, per
 * closing month, and the open digest per month) for the rows a load COPYs, computed while
 * the rows are read, so that the load needs no statement trigger reading them all back
 * from a transition table. They are the values the trigger {@code report_digest_change}
 * computes: the same hashes ({@link PgHash} over the same text as
 * {@code report_reported_hash}, {@code report_closed_hash} and {@code report_open_hash}:
 * {@code concat_ws('|', ...)} without the null values, instants as
 * {@code extract(epoch from ...)} writes them), the same keys, and a row for every key
 * the trigger would write, also where the open digest's additions and subtractions cancel
 * out. {@link #store} adds them to the stored digests as the trigger does.
 * <p>
 * Memory: one entry per day and month of the data (a few thousand), not per row.
 */
final class ReportDigests {

	/** The trigger that keeps the digests for an insert (V1__baseline.sql). */
	static final String INSERT_TRIGGER = "report_digest_insert";

	private final Sums days = new Sums(false);

	private final Sums closings = new Sums(true);

	private final Sums open = new Sums(true);

	private byte[] text = new byte[256];

	private int length;

	/** {@code extract(epoch from reported_at)} as text, written once per row. */
	private final byte[] reportedEpoch = new byte[24];

	private int reportedEpochLength;

	private final byte[] epoch = new byte[24];

	/** Adds one report as the insert trigger would (null for absent values). */
	void add(String reportId, String complexId, String dwellingRef, String category, OffsetDateTime reportedAt,
			LocalDate reportedDay, OffsetDateTime closedAt, String followUp) {
		reportedEpochLength = epochText(Temporals.epochMicros(reportedAt), reportedEpoch);

		// report_reported_hash:
		// report_id|complex_id|dwelling_ref|category|epoch|follow_up
		length = 0;
		append(reportId);
		append(complexId);
		append(dwellingRef);
		append(category);
		append(reportedEpoch, reportedEpochLength);
		append(followUp);
		days.at(reportedDay.toEpochDay()).add(1, PgHash.hashtextextended(text, length));

		// report_open_hash: report_id|complex_id|category|epoch(reported_at); the closed
		// hash
		// adds |epoch(closed_at)
		length = 0;
		append(reportId);
		append(complexId);
		append(category);
		append(reportedEpoch, reportedEpochLength);
		long openHash = PgHash.hashtextextended(text, length);
		open.at(Sums.month(reportedDay)).add(1, openHash);
		if (closedAt != null) {
			append(epoch, epochText(Temporals.epochMicros(closedAt), epoch));
			int closingMonth = Sums.month(Temporals.localDay(closedAt));
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
		if (value != null) {
			byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
			append(bytes, bytes.length);
		}
	}

	private void append(byte[] bytes, int count) {
		ensure(1 + count);
		if (length > 0) {
			text[length++] = '|';
		}
		System.arraycopy(bytes, 0, text, length, count);
		length += count;
	}

	/**
	 * {@code extract(epoch from t)} as text into {@code into}: numeric seconds with six
	 * decimals (instants from 2000 on, so never negative); returns its length.
	 */
	private static int epochText(long micros, byte[] into) {
		long seconds = micros / 1_000_000;
		int fraction = (int) (micros % 1_000_000);
		int digits = 1;
		for (long rest = seconds / 10; rest > 0; rest /= 10) {
			digits++;
		}
		if (seconds <= Integer.MAX_VALUE) {
			// int division: this runs for every report of a load
			int whole = (int) seconds;
			for (int i = digits - 1; i >= 0; i--) {
				into[i] = (byte) ('0' + whole % 10);
				whole /= 10;
			}
		}
		else {
			long whole = seconds;
			for (int i = digits - 1; i >= 0; i--) {
				into[i] = (byte) ('0' + whole % 10);
				whole /= 10;
			}
		}
		into[digits] = '.';
		for (int i = digits + 6; i > digits; i--) {
			into[i] = (byte) ('0' + fraction % 10);
			fraction /= 10;
		}
		return digits + 7;
	}

	private void ensure(int more) {
		if (length + more + 1 > text.length) {
			text = Arrays.copyOf(text, Math.max(text.length * 2, length + more + 1));
		}
	}

	/**
	 * The sums per day (epoch day) or per month (months since 1990), in an array indexed
	 * by that number: a lookup per row costs no hashing, no boxing and no date object.
	 */
	private static final class Sums {

		private static final int FIRST_YEAR = 1990;

		private static final long FIRST_DAY = LocalDate.of(FIRST_YEAR, 1, 1).toEpochDay();

		private final boolean months;

		private Sum[] sums = new Sum[0];

		Sums(boolean months) {
			this.months = months;
		}

		static int month(LocalDate day) {
			return (day.getYear() - FIRST_YEAR) * 12 + day.getMonthValue() - 1;
		}

		/** The sum of an epoch day, or of a month number of {@link #month}. */
		Sum at(long key) {
			long index = months ? key : key - FIRST_DAY;
			if (index < 0 || index >= Integer.MAX_VALUE / 2) {
				throw new IllegalArgumentException("date out of range: " + key);
			}
			if (index >= sums.length) {
				sums = Arrays.copyOf(sums, (int) Math.max(index + 1, sums.length * 2L));
			}
			Sum sum = sums[(int) index];
			if (sum == null) {
				sum = new Sum();
				sums[(int) index] = sum;
			}
			return sum;
		}

		void forEach(BiConsumer<LocalDate, Sum> action) {
			for (int i = 0; i < sums.length; i++) {
				if (sums[i] != null) {
					LocalDate key = months ? LocalDate.of(FIRST_YEAR + i / 12, i % 12 + 1, 1)
							: LocalDate.ofEpochDay(FIRST_DAY + i);
					action.accept(key, sums[i]);
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
