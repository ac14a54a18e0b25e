package nl.leefbaar.ingest;

import java.sql.SQLException;
import java.util.Arrays;

import org.postgresql.copy.CopyIn;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN} in text format, encoded straight into
 * a byte buffer (tab between fields, {@code \N} for null, backslash escapes) and sent in
 * blocks of about 256 KB. A row is sent only when it is complete, so a row found bad
 * half-way can be dropped with {@link #discard()}.
 */
final class CopyRows {

	private static final int FLUSH_AT = 1 << 18;

	private final CopyIn copy;

	private byte[] buf = new byte[FLUSH_AT + (1 << 12)];

	private int length;

	private int rowStart;

	private long rows;

	private boolean firstField;

	CopyRows(CopyIn copy) {
		this.copy = copy;
	}

	/** Starts a row without a line number column (straight into a domain table). */
	void begin() {
		rowStart = length;
		firstField = true;
	}

	/** Starts a row with its first column, the line number. */
	void begin(long line) {
		rowStart = length;
		firstField = false;
		ensure(20);
		String digits = Long.toString(line);
		for (int i = 0; i < digits.length(); i++) {
			buf[length++] = (byte) digits.charAt(i);
		}
	}

	void add(String value) {
		if (value == null) {
			ensure(3);
			separator();
			buf[length++] = '\\';
			buf[length++] = 'N';
			return;
		}
		int n = value.length();
		ensure(1 + n * 3);
		byte[] b = buf;
		separator();
		int at = length;
		for (int i = 0; i < n; i++) {
			char c = value.charAt(i);
			if (c < 0x80) {
				switch (c) {
					case '\\' -> {
						b[at++] = '\\';
						b[at++] = '\\';
					}
					case '\t' -> {
						b[at++] = '\\';
						b[at++] = 't';
					}
					case '\n' -> {
						b[at++] = '\\';
						b[at++] = 'n';
					}
					case '\r' -> {
						b[at++] = '\\';
						b[at++] = 'r';
					}
					default -> b[at++] = (byte) c;
				}
			}
			else if (c < 0x800) {
				b[at++] = (byte) (0xC0 | (c >> 6));
				b[at++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
				int cp = Character.toCodePoint(c, value.charAt(++i));
				b[at++] = (byte) (0xF0 | (cp >> 18));
				b[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
				b[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
				b[at++] = (byte) (0x80 | (cp & 0x3F));
			}
			else {
				b[at++] = (byte) (0xE0 | (c >> 12));
				b[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
				b[at++] = (byte) (0x80 | (c & 0x3F));
			}
		}
		length = at;
	}

	/**
	 * A timestamp as {@code yyyy-MM-dd HH:mm:ss[.fffffffff]+HH:MM}, without going through
	 * a String.
	 */
	void add(java.time.OffsetDateTime time) {
		if (time == null) {
			add((String) null);
			return;
		}
		int year = time.getYear();
		if (year < 1000 || year > 9999) {
			add(time.toString());
			return;
		}
		ensure(40);
		separator();
		digits(year, 4);
		buf[length++] = '-';
		digits(time.getMonthValue(), 2);
		buf[length++] = '-';
		digits(time.getDayOfMonth(), 2);
		buf[length++] = ' ';
		digits(time.getHour(), 2);
		buf[length++] = ':';
		digits(time.getMinute(), 2);
		buf[length++] = ':';
		digits(time.getSecond(), 2);
		if (time.getNano() != 0) {
			buf[length++] = '.';
			digits(time.getNano(), 9);
		}
		int offset = time.getOffset().getTotalSeconds();
		buf[length++] = (byte) (offset < 0 ? '-' : '+');
		offset = Math.abs(offset);
		digits(offset / 3600, 2);
		buf[length++] = ':';
		digits(offset / 60 % 60, 2);
	}

	/** A date as {@code yyyy-MM-dd}. */
	void add(java.time.LocalDate date) {
		if (date == null || date.getYear() < 1000 || date.getYear() > 9999) {
			add(date == null ? null : date.toString());
			return;
		}
		ensure(12);
		separator();
		digits(date.getYear(), 4);
		buf[length++] = '-';
		digits(date.getMonthValue(), 2);
		buf[length++] = '-';
		digits(date.getDayOfMonth(), 2);
	}

	private void separator() {
		if (firstField) {
			firstField = false;
		}
		else {
			buf[length++] = '\t';
		}
	}

	private void digits(int value, int width) {
		for (int i = length + width - 1; i >= length; i--) {
			buf[i] = (byte) ('0' + value % 10);
			value /= 10;
		}
		length += width;
	}

	void add(long number) {
		add(Long.toString(number));
	}

	void end() throws SQLException {
		ensure(1);
		buf[length++] = '\n';
		rows++;
		if (length >= FLUSH_AT) {
			flush();
		}
	}

	void discard() {
		length = rowStart;
	}

	/** Sends what is left and ends the COPY; returns the rows sent. */
	long finish() throws SQLException {
		flush();
		copy.endCopy();
		return rows;
	}

	private void flush() throws SQLException {
		if (length > 0) {
			copy.writeToCopy(buf, 0, length);
			length = 0;
			rowStart = 0;
		}
	}

	private void ensure(int more) {
		// a backslash escape takes two bytes where UTF-8 takes at most three: n * 3
		// covers both
		if (length + more + 1 > buf.length) {
			buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + more + 1));
		}
	}

}
