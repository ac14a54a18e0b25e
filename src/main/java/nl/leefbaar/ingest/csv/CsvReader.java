package nl.leefbaar.ingest.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A streaming RFC 4180 reader for the exports of input-format.md: UTF-8 with or without
 * BOM (anything else is refused with its byte offset), {@code ,} or {@code ;} detected
 * from the header line, CRLF, LF or CR line ends, quoted fields with doubled quotes and
 * embedded newlines.
 * <p>
 * It works on bytes (all syntax characters are ASCII) and turns a field into a String
 * only when asked, so columns nobody reads (free text) never become Strings at all.
 * Memory is bounded by {@code maxRecordBytes}: a longer record is skipped to its end and
 * reported through {@link #problem()}, whatever the size of the file. Per record it keeps
 * the physical line where the record starts and the raw text, for reject files. Not
 * thread-safe.
 */
public final class CsvReader implements Closeable {

	public static final int DEFAULT_MAX_RECORD_BYTES = 1 << 20;

	private static final int RAW_KEPT_WHEN_TOO_LONG = 1000;

	private final InputStream in;

	private final int maxRecordBytes;

	private final byte[] buf = new byte[1 << 16];

	private int pos;

	private int limit;

	private long bufferOffset; // file offset of buf[0]

	private boolean eof;

	private final Utf8Validator validator = new Utf8Validator();

	private char delimiter = ',';

	private List<String> header;

	// the current record
	private byte[] raw = new byte[512];

	private int rawLength;

	private byte[] values = new byte[512];

	private int valuesLength;

	private int[] ends = new int[16];

	private int fields;

	private String[] decoded = new String[16];

	private boolean tooLong;

	private boolean unterminatedQuote;

	private long recordLine;

	private long nextLine = 1;

	private boolean skipLineFeed;

	public CsvReader(InputStream in) throws IOException {
		this(in, DEFAULT_MAX_RECORD_BYTES);
	}

	public CsvReader(InputStream in, int maxRecordBytes) throws IOException {
		this.in = in;
		this.maxRecordBytes = maxRecordBytes;
		fill();
		pos = CsvDialect.byteOrderMarkLength(buf, limit);
		delimiter = CsvDialect.delimiter(buf, pos, limit);
		if (readRecord()) {
			String[] names = new String[fields];
			for (int i = 0; i < fields; i++) {
				names[i] = get(i).trim().toLowerCase(Locale.ROOT);
			}
			header = Collections.unmodifiableList(Arrays.asList(names));
		}
	}

	public static CsvReader open(Path file) throws IOException {
		return new CsvReader(Files.newInputStream(file));
	}

	/**
	 * The column names of the first line, trimmed and lower case; null for an empty file.
	 */
	public List<String> header() {
		return header;
	}

	public char delimiter() {
		return delimiter;
	}

	/** Moves to the next non-blank record; false at the end of the file. */
	public boolean next() throws IOException {
		if (header == null) {
			return false;
		}
		return readRecord();
	}

	/** Number of fields of the current record. */
	public int size() {
		return fields;
	}

	/** Field i of the current record; "" when the record has fewer fields. */
	public String get(int i) {
		if (i >= fields) {
			return "";
		}
		String value = decoded[i];
		if (value == null) {
			int start = i == 0 ? 0 : ends[i - 1];
			value = new String(values, start, ends[i] - start, StandardCharsets.UTF_8);
			decoded[i] = value;
		}
		return value;
	}

	/** Physical line (1-based) where the current record starts. */
	public long line() {
		return recordLine;
	}

	/**
	 * The raw text of the current record without its line end (cut short for a record
	 * that is too long).
	 */
	public String raw() {
		if (tooLong) {
			return new String(raw, 0, Math.min(rawLength, RAW_KEPT_WHEN_TOO_LONG), StandardCharsets.UTF_8)
					+ "...[cut: record longer than " + maxRecordBytes + " bytes]";
		}
		return new String(raw, 0, rawLength, StandardCharsets.UTF_8);
	}

	/**
	 * Why the current record cannot be used as it is (too long, file ends inside quotes),
	 * or null.
	 */
	public String problem() {
		if (tooLong) {
			return "record longer than " + maxRecordBytes + " bytes";
		}
		if (unterminatedQuote) {
			return "the file ends inside a quoted field (truncated file?)";
		}
		return null;
	}

	/** Bytes consumed so far, for progress estimates. */
	public long bytesRead() {
		return bufferOffset + pos;
	}

	@Override
	public void close() throws IOException {
		in.close();
	}

	private void fill() throws IOException {
		bufferOffset += limit;
		pos = 0;
		limit = 0;
		while (limit == 0) {
			int n = in.read(buf, 0, buf.length);
			if (n < 0) {
				eof = true;
				validator.end(bufferOffset);
				return;
			}
			limit = n;
		}
		validator.check(buf, limit, bufferOffset);
	}

	private static final int FIELD_START = 0;

	private static final int UNQUOTED = 1;

	private static final int QUOTED = 2;

	private static final int QUOTE_IN_QUOTED = 3;

	private boolean readRecord() throws IOException {
		while (true) {
			if (skipLineFeed) {
				if (pos == limit && !eof) {
					fill();
				}
				if (pos < limit && buf[pos] == '\n') {
					pos++;
				}
				skipLineFeed = false;
			}
			if (pos == limit && !eof) {
				fill();
			}
			if (pos == limit) {
				return false;
			}
			if (parseRecord()) {
				return true;
			}
		}
	}

	/** Parses one physical record; false when it was a blank line. */
	private boolean parseRecord() throws IOException {
		rawLength = 0;
		valuesLength = 0;
		fields = 0;
		tooLong = false;
		unterminatedQuote = false;
		recordLine = nextLine;
		int state = FIELD_START;
		int rawStart = pos;
		final byte d = (byte) delimiter;
		while (true) {
			if (pos == limit) {
				appendRaw(rawStart, pos);
				fill();
				rawStart = 0;
				if (eof) {
					if (state == QUOTED) {
						unterminatedQuote = true;
					}
					endField();
					clearDecoded();
					return true;
				}
			}
			byte b = buf[pos++];
			switch (state) {
				case QUOTED -> {
					if (b == '"') {
						state = QUOTE_IN_QUOTED;
					}
					else {
						if (b == '\n') {
							nextLine++;
						}
						appendValue(b);
					}
				}
				case QUOTE_IN_QUOTED -> {
					if (b == '"') {
						appendValue(b);
						state = QUOTED;
					}
					else if (b == d) {
						endField();
						state = FIELD_START;
					}
					else if (b == '\n' || b == '\r') {
						return endRecord(rawStart, b);
					}
					else {
						// text after a closing quote: kept as it is, as spreadsheet
						// programs do
						appendValue(b);
						state = UNQUOTED;
					}
				}
				default -> {
					if (b == d) {
						endField();
						state = FIELD_START;
					}
					else if (b == '\n' || b == '\r') {
						if (fields == 0 && valuesLength == 0 && state == FIELD_START && rawLength == 0
								&& pos - 1 == rawStart) {
							// a blank line: not a record
							nextLine++;
							skipLineFeed = b == '\r';
							return false;
						}
						return endRecord(rawStart, b);
					}
					else if (b == '"' && state == FIELD_START) {
						state = QUOTED;
					}
					else {
						// the rest of an unquoted value up to the next delimiter, line
						// end or end of the buffer, copied at once
						int end = pos;
						while (end < limit) {
							byte c = buf[end];
							if (c == d || c == '\n' || c == '\r') {
								break;
							}
							end++;
						}
						appendValues(pos - 1, end);
						pos = end;
						state = UNQUOTED;
					}
				}
			}
		}
	}

	private boolean endRecord(int rawStart, byte terminator) {
		appendRaw(rawStart, pos - 1);
		endField();
		nextLine++;
		skipLineFeed = terminator == '\r';
		clearDecoded();
		return true;
	}

	private void clearDecoded() {
		if (decoded.length < fields) {
			decoded = new String[ends.length];
		}
		else {
			Arrays.fill(decoded, 0, fields, null);
		}
	}

	private void endField() {
		if (fields == ends.length) {
			ends = Arrays.copyOf(ends, fields * 2);
		}
		ends[fields++] = valuesLength;
	}

	private void appendValue(byte b) {
		if (valuesLength == values.length) {
			if (valuesLength >= maxRecordBytes) {
				tooLong = true;
				return;
			}
			values = Arrays.copyOf(values, Math.min(maxRecordBytes, values.length * 2));
		}
		values[valuesLength++] = b;
	}

	/**
	 * Bytes buf[from, to) of a value, as {@link #appendValue} would add them one by one.
	 */
	private void appendValues(int from, int to) {
		int n = to - from;
		if (valuesLength + n > values.length) {
			int room = maxRecordBytes - valuesLength;
			if (n > room) {
				tooLong = true;
				n = Math.max(0, room);
			}
			if (valuesLength + n > values.length) {
				values = Arrays.copyOf(values, Math.min(maxRecordBytes, Math.max(values.length * 2, valuesLength + n)));
			}
		}
		System.arraycopy(buf, from, values, valuesLength, n);
		valuesLength += n;
	}

	private void appendRaw(int from, int to) {
		int n = Math.min(to - from, maxRecordBytes - rawLength);
		if (n <= 0) {
			return;
		}
		if (rawLength + n > raw.length) {
			raw = Arrays.copyOf(raw, Math.max(rawLength + n, Math.min(maxRecordBytes, raw.length * 2)));
		}
		System.arraycopy(buf, from, raw, rawLength, n);
		rawLength += n;
	}

	/** Fields of the current record as a list (for tests and small files). */
	public List<String> fields() {
		List<String> list = new ArrayList<>(fields);
		for (int i = 0; i < fields; i++) {
			list.add(get(i));
		}
		return list;
	}

}
