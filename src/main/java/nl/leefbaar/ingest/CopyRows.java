package nl.leefbaar.ingest;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN (FORMAT binary)}, encoded straight
 * into a byte buffer: per row the number of fields, then per field its length and its
 * bytes in the type's binary form (text as UTF-8, {@code timestamptz} as microseconds and
 * {@code date} as days since 2000-01-01, integers big-endian; length -1 for null). The
 * server then parses no text at all. Blocks of about 256 KB go to a {@link CopyPipe}. A
 * row is sent only when it is complete, so a row found bad half-way can be dropped with
 * {@link #discard()}. The caller writes the fields in the order of the COPY's column
 * list, with the types of those columns.
 */
final class CopyRows {

	private static final int FLUSH_AT = 1 << 18;

	private static final byte[] SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0 };

	private static final long POSTGRES_EPOCH_MICROS = 946_684_800L * 1_000_000;

	private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

	private final CopyPipe pipe;

	private byte[] buf = new byte[FLUSH_AT + (1 << 12)];

	private int length;

	private int rowStart;

	private int fields;

	private long rows;

	CopyRows(CopyPipe pipe) {
		this.pipe = pipe;
		System.arraycopy(SIGNATURE, 0, buf, 0, SIGNATURE.length);
		length = SIGNATURE.length;
		int32(0); // flags
		int32(0); // header extension length
	}

	/** Starts a row. */
	void begin() {
		rowStart = length;
		fields = 0;
		ensure(2);
		length += 2; // the field count, written by end()
	}

	/** Starts a row with its first column, the line number (bigint). */
	void begin(long line) {
		begin();
		bigint(line);
	}

	/** A text value (null: NULL). */
	void text(String value) {
		if (value == null) {
			addNull();
			return;
		}
		// the JDK's encoder copies an ASCII string's bytes in one go; the values come
		// from
		// valid UTF-8, so they hold no unpaired surrogate
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		ensure(4 + bytes.length);
		fields++;
		int32(bytes.length);
		System.arraycopy(bytes, 0, buf, length, bytes.length);
		length += bytes.length;
	}

	/** A timestamptz (null: NULL). */
	void timestamp(OffsetDateTime time) {
		if (time == null) {
			addNull();
			return;
		}
		field(8);
		int64(Temporals.epochMicros(time) - POSTGRES_EPOCH_MICROS);
	}

	/** A date (null: NULL). */
	void date(LocalDate date) {
		if (date == null) {
			addNull();
			return;
		}
		field(4);
		int32((int) (date.toEpochDay() - POSTGRES_EPOCH_DAY));
	}

	/** An integer (null: NULL). */
	void integer(Integer number) {
		if (number == null) {
			addNull();
			return;
		}
		field(4);
		int32(number);
	}

	/** A bigint. */
	void bigint(long number) {
		field(8);
		int64(number);
	}

	private void addNull() {
		ensure(4);
		fields++;
		int32(-1);
	}

	private void field(int size) {
		ensure(4 + size);
		fields++;
		int32(size);
	}

	void end() throws SQLException {
		buf[rowStart] = (byte) (fields >> 8);
		buf[rowStart + 1] = (byte) fields;
		rows++;
		if (length >= FLUSH_AT) {
			flush();
		}
	}

	void discard() {
		length = rowStart;
	}

	/**
	 * Sends what is left with the end marker and ends the COPY; returns the rows sent.
	 */
	long finish() throws SQLException {
		ensure(2);
		buf[length++] = (byte) 0xff;
		buf[length++] = (byte) 0xff;
		flush();
		pipe.finish();
		return rows;
	}

	private void flush() throws SQLException {
		if (length > 0) {
			buf = pipe.send(buf, length);
			length = 0;
			rowStart = 0;
		}
	}

	private void int32(int value) {
		byte[] b = buf;
		b[length] = (byte) (value >>> 24);
		b[length + 1] = (byte) (value >>> 16);
		b[length + 2] = (byte) (value >>> 8);
		b[length + 3] = (byte) value;
		length += 4;
	}

	private void int64(long value) {
		int32((int) (value >>> 32));
		int32((int) value);
	}

	private void ensure(int more) {
		if (length + more > buf.length) {
			buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + more));
		}
	}

}
