package nl.leefbaar.sampledata;

import java.nio.charset.StandardCharsets;

/**
 * One line of reports.csv, formatted straight into the sink's buffer: a Dutch export with
 * {@code ;}, {@code dd-MM-yyyy HH:mm} local times and a free-text column the contract
 * does not know. Times are minutes from the start of the period.
 */
final class ReportLine {

	private static final byte[][] CHANNELS = ascii(Vocabulary.CHANNELS);

	private static final byte[][] FOLLOW_UPS = ascii(Vocabulary.FOLLOW_UPS);

	private static final int LONGEST_FIXED_PART = 256;

	private final DayTable days;

	ReportLine(DayTable days) {
		this.days = days;
	}

	static void header(CsvSink sink) {
		sink.header("report_id", "complex_id", "dwelling_ref", "category", "reported_at", "closed_at", "channel",
				"follow_up", "omschrijving");
	}

	/** dwelling 0: no dwelling_ref; closedAt -1: still open; description null: empty. */
	void write(CsvSink sink, long number, byte[] complexId, int complexIndex, int dwelling, int source, int reportedAt,
			int closedAt, int channel, int followUp, String description) {
		int pos = sink.reserve(LONGEST_FIXED_PART);
		byte[] b = sink.buffer();
		b[pos++] = 'M';
		pos = digits(number, 8, b, pos);
		b[pos++] = ';';
		pos = copy(complexId, b, pos);
		b[pos++] = ';';
		if (dwelling > 0) {
			pos = Pseudonym.write(complexIndex, dwelling, b, pos);
		}
		b[pos++] = ';';
		pos = copy(Vocabulary.SOURCE_BYTES[source], b, pos);
		b[pos++] = ';';
		pos = timestamp(reportedAt, b, pos);
		b[pos++] = ';';
		if (closedAt >= 0) {
			pos = timestamp(closedAt, b, pos);
		}
		b[pos++] = ';';
		pos = copy(CHANNELS[channel], b, pos);
		b[pos++] = ';';
		pos = copy(FOLLOW_UPS[followUp], b, pos);
		b[pos++] = ';';
		sink.advance(pos);
		sink.text(description);
		sink.endLine();
	}

	private int timestamp(int at, byte[] b, int pos) {
		int minute = at % Handling.MINUTES_PER_DAY;
		pos = copy(days.dutchDate(at / Handling.MINUTES_PER_DAY), b, pos);
		b[pos++] = ' ';
		pos = digits(minute / 60, 2, b, pos);
		b[pos++] = ':';
		return digits(minute % 60, 2, b, pos);
	}

	private static int copy(byte[] value, byte[] b, int pos) {
		System.arraycopy(value, 0, b, pos, value.length);
		return pos + value.length;
	}

	/** Writes value zero-padded to at least width digits. */
	private static int digits(long value, int width, byte[] b, int pos) {
		int length = 1;
		for (long rest = value / 10; rest > 0; rest /= 10) {
			length++;
		}
		length = Math.max(width, length);
		for (int i = length - 1; i >= 0; i--) {
			b[pos + i] = (byte) ('0' + value % 10);
			value /= 10;
		}
		return pos + length;
	}

	private static byte[][] ascii(String[] values) {
		byte[][] result = new byte[values.length][];
		for (int i = 0; i < values.length; i++) {
			result[i] = values[i].getBytes(StandardCharsets.US_ASCII);
		}
		return result;
	}

}
