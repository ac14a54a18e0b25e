package nl.leefbaar.ingest;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

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

	private final Map<LocalDate, Sum> days = new TreeMap<>();

	private final Map<LocalDate, Sum> closings = new TreeMap<>();

	private final Map<LocalDate, Sum> open = new TreeMap<>();

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
		sum(days, reportedDay).add(1, PgHash.hashtextextended(text, length));

		// report_open_hash: report_id|complex_id|category|epoch(reported_at); the closed
		// hash
		// adds |epoch(closed_at)
		length = 0;
		append(reportId);
		append(complexId);
		append(category);
		appendEpoch(reportedMicros);
		long openHash = PgHash.hashtextextended(text, length);
		sum(open, reportedDay.withDayOfMonth(1)).add(1, openHash);
		if (closedAt != null) {
			appendEpoch(Temporals.epochMicros(closedAt));
			LocalDate closingMonth = Temporals.localDay(closedAt).withDayOfMonth(1);
			sum(closings, closingMonth).add(1, PgHash.hashtextextended(text, length));
			sum(open, closingMonth).add(-1, -openHash);
		}
	}

	/** Adds the digests to the stored ones, as the insert trigger does. */
	void store(NamedParameterJdbcTemplate jdbc) {
		store(jdbc, "report-day-digest", days);
		store(jdbc, "report-closing-digest", closings);
		store(jdbc, "report-open-digest", open);
	}

	private static void store(NamedParameterJdbcTemplate jdbc, String statement, Map<LocalDate, Sum> sums) {
		if (sums.isEmpty()) {
			return;
		}
		String[] keys = new String[sums.size()];
		long[] counts = new long[sums.size()];
		String[] digests = new String[sums.size()];
		int i = 0;
		for (Map.Entry<LocalDate, Sum> entry : sums.entrySet()) {
			keys[i] = entry.getKey().toString();
			counts[i] = entry.getValue().count;
			digests[i] = entry.getValue().digest().toString();
			i++;
		}
		jdbc.update(IngestSql.statement("report-digests", statement),
				new MapSqlParameterSource().addValue("keys", keys)
					.addValue("counts", Arrays.stream(counts).boxed().toArray(Long[]::new))
					.addValue("digests", digests));
	}

	private static Sum sum(Map<LocalDate, Sum> sums, LocalDate key) {
		return sums.computeIfAbsent(key, k -> new Sum());
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
		String whole = Long.toString(seconds);
		for (int i = 0; i < whole.length(); i++) {
			text[length++] = (byte) whole.charAt(i);
		}
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
