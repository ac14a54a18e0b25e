package nl.leefbaar.indicators.export;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import nl.leefbaar.system.AtomicFiles;

/**
 * Writes one CSV export the way every Leefbaar export is written (indicators.md,
 * Machine-readable export): RFC 4180 quoting, {@code \r\n} line ends, UTF-8, to a
 * temporary name in the target's folder that {@link #commit()} moves into place
 * atomically, owner-only (0600, folders 0700).
 * <p>
 * Numbers: empty for missing (null or NaN); whole numbers below 1e15 without a fraction
 * ({@code 12}, not {@code 12.0}); otherwise Java's {@link Double#toString(double)}, the
 * shortest decimal that reads back as the same double (which may be in E notation, e.g.
 * {@code 1.0E-5}); infinities as {@code Infinity} / {@code -Infinity}. Every value reads
 * back with {@link Double#parseDouble(String)} as the very same double.
 * <p>
 * Text: a field beginning with {@code = + - @}, a tab or a carriage return gets a leading
 * {@code '} (OWASP's rule against CSV injection); numbers are never prefixed.
 */
public final class CsvWriter implements Closeable {

	private final Path target;

	private final Path temporary;

	private final Writer out;

	private boolean committed;

	private CsvWriter(Path target, Path temporary, Writer out) {
		this.target = target;
		this.temporary = temporary;
		this.out = out;
	}

	/**
	 * Starts writing {@code target}; nothing appears under its name until
	 * {@link #commit()}.
	 */
	public static CsvWriter open(Path target) throws IOException {
		Path folder = target.toAbsolutePath().getParent();
		AtomicFiles.createPrivateFolder(folder);
		Path temporary = AtomicFiles.temporaryFile(folder, target.getFileName().toString());
		BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
		return new CsvWriter(target, temporary, out);
	}

	/**
	 * One record; each field is a {@link Number} (written as a number), null (empty) or
	 * text.
	 */
	public void row(Object... fields) throws IOException {
		out.write(line(fields));
	}

	/**
	 * A record as {@link #row} writes it, line end included: an export that writes the
	 * same record to several files formats it once.
	 */
	public static String line(Object... fields) {
		StringBuilder line = new StringBuilder(128);
		for (int i = 0; i < fields.length; i++) {
			if (i > 0) {
				line.append(',');
			}
			Object field = fields[i];
			if (field instanceof Number number) {
				line.append(number(number));
			}
			else if (field != null) {
				line.append(text(field.toString()));
			}
		}
		return line.append("\r\n").toString();
	}

	/** A record formatted by {@link #line}. */
	public void write(String line) throws IOException {
		out.write(line);
	}

	public void row(List<?> fields) throws IOException {
		row(fields.toArray());
	}

	/** Closes the file and moves it into place. */
	public void commit() throws IOException {
		out.close();
		Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		committed = true;
	}

	/**
	 * Without a commit (an error on the way), the temporary file is removed and the
	 * target untouched.
	 */
	@Override
	public void close() throws IOException {
		if (!committed) {
			try {
				out.close(); // fails again on a full disk: the buffer cannot be flushed
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
	}

	public static String number(Number number) {
		if (number == null) {
			return "";
		}
		if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
			return Long.toString(number.longValue());
		}
		double value = number.doubleValue();
		if (Double.isNaN(value)) {
			return "";
		}
		if (Double.isInfinite(value)) {
			return value > 0 ? "Infinity" : "-Infinity";
		}
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return Long.toString((long) value);
		}
		return Double.toString(value);
	}

	public static String text(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		char first = value.charAt(0);
		String safe = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + value : value;
		boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
				|| safe.indexOf('\r') >= 0;
		return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
	}

}
