package nl.leefbaar.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import nl.leefbaar.system.AtomicFiles;

/**
 * {@code <output>/import/rejects-<yyyy-MM-dd'T'HHmmss>.csv}: one line per rejected row
 * with file, line, column, reason and the raw record (a pulled record: source, record id,
 * column, reason, its values). Written under a temporary name and moved into place when
 * the import ends (also when it fails, so the user can see why). Owner-only permissions:
 * raw lines may hold residents' data. A value starting with {@code = + - @}, tab or CR
 * gets a leading quote (OWASP CSV injection) so that no spreadsheet runs it as a formula.
 */
final class RejectFile {

	static final String HEADER = "file,line,column,reason,raw";

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss");

	private final Path target;

	private final Path temporary;

	private final Writer writer;

	private long count;

	private RejectFile(Path target, Path temporary, Writer writer) {
		this.target = target;
		this.temporary = temporary;
		this.writer = writer;
	}

	static RejectFile create(Path importFolder, Clock clock) {
		try {
			// the output root too is created owner-only when this is the run's first file
			AtomicFiles.createPrivateFolder(importFolder);
			String stamp = LocalDateTime.now(clock.withZone(Temporals.ZONE)).format(STAMP);
			Path target = importFolder.resolve("rejects-" + stamp + ".csv");
			for (int i = 2; Files.exists(target); i++) {
				target = importFolder.resolve("rejects-" + stamp + "-" + i + ".csv");
			}
			Path temporary = AtomicFiles.temporaryFile(importFolder, target.getFileName().toString());
			Writer writer = new BufferedWriter(Files.newBufferedWriter(temporary, StandardCharsets.UTF_8), 1 << 16);
			writer.write(HEADER);
			writer.write("\r\n");
			return new RejectFile(target, temporary, writer);
		}
		catch (IOException e) {
			throw new ImportException("cannot write the reject file in " + importFolder + ": " + e.getMessage(), e);
		}
	}

	Path path() {
		return target;
	}

	long count() {
		return count;
	}

	void add(String file, long line, String column, String reason, String raw) {
		add(file, Long.toString(line), column, reason, raw);
	}

	/**
	 * A record of a pulled source: the source's name and the record's id in place of file
	 * and line (sources-and-delivery.md).
	 */
	void add(String file, String line, String column, String reason, String raw) {
		try {
			writer.write(field(file));
			writer.write(',');
			writer.write(field(line));
			writer.write(',');
			writer.write(field(column));
			writer.write(',');
			writer.write(field(reason));
			writer.write(',');
			writer.write(field(raw));
			writer.write("\r\n");
			count++;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Closes the file and moves it into place. */
	Path publish() {
		try {
			writer.close();
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
			return target;
		}
		catch (IOException e) {
			try {
				Files.deleteIfExists(temporary); // a full disk leaves no partial file
			}
			catch (IOException ignored) {
				// the next import into this folder removes it
				// (AtomicFiles.removeLeftovers)
			}
			throw new ImportException("cannot write the reject file " + target + ": " + e.getMessage(), e);
		}
	}

	static String field(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		char first = value.charAt(0);
		String safe = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + value : value;
		boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
				|| safe.indexOf('\r') >= 0 || safe.indexOf(';') >= 0;
		return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
	}

}
