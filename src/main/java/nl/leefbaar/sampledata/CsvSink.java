package nl.leefbaar.sampledata;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A CSV file written byte by byte through one buffer: the report file of a 10-million run
 * is about a gigabyte, and encoding every field through a Writer would cost more than
 * drawing the data. Text fields are quoted per RFC 4180 when they hold the delimiter, a
 * quote or a line end.
 */
final class CsvSink implements Closeable {

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private final OutputStream out;

	private final byte delimiter;

	private final byte[] lineEnd;

	private final byte[] buffer = new byte[1 << 16];

	private int pos;

	private long written;

	CsvSink(Path file, char delimiter, boolean bom, boolean crlf) throws IOException {
		this.out = Files.newOutputStream(file);
		this.delimiter = (byte) delimiter;
		this.lineEnd = crlf ? new byte[] { '\r', '\n' } : new byte[] { '\n' };
		if (bom) {
			raw(BOM);
		}
	}

	CsvSink header(String... names) {
		for (int i = 0; i < names.length; i++) {
			if (i > 0) {
				separator();
			}
			text(names[i]);
		}
		return endLine();
	}

	/**
	 * Room for n more bytes in the buffer; callers that write into {@link #buffer()} call
	 * this first.
	 */
	int reserve(int n) {
		if (pos + n > buffer.length) {
			flush();
		}
		return pos;
	}

	byte[] buffer() {
		return buffer;
	}

	void advance(int newPos) {
		pos = newPos;
	}

	CsvSink raw(byte[] bytes) {
		if (bytes.length > buffer.length) {
			flush();
			write(bytes, bytes.length);
			return this;
		}
		reserve(bytes.length);
		System.arraycopy(bytes, 0, buffer, pos, bytes.length);
		pos += bytes.length;
		return this;
	}

	CsvSink text(String value) {
		if (value == null || value.isEmpty()) {
			return this;
		}
		boolean quote = false;
		for (int i = 0; i < value.length() && !quote; i++) {
			char c = value.charAt(i);
			quote = c == delimiter || c == '"' || c == '\r' || c == '\n';
		}
		String field = quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
		return raw(field.getBytes(StandardCharsets.UTF_8));
	}

	CsvSink number(long value) {
		return raw(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
	}

	CsvSink separator() {
		reserve(1);
		buffer[pos++] = delimiter;
		return this;
	}

	CsvSink endLine() {
		return raw(lineEnd);
	}

	long bytes() {
		return written + pos;
	}

	private void flush() {
		write(buffer, pos);
		pos = 0;
	}

	private void write(byte[] bytes, int length) {
		try {
			out.write(bytes, 0, length);
			written += length;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() throws IOException {
		try {
			flush();
		}
		finally {
			out.close();
		}
	}

}
