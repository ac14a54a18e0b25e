package nl.leefbaar.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A log line every {@code everyRows} rows or about every 5 seconds while a long file is
 * read: rows, rows per second and the time left, estimated from the bytes read against
 * the file size.
 */
final class Progress {

	private static final Logger log = LoggerFactory.getLogger(Progress.class);

	private static final long INTERVAL_NANOS = 5_000_000_000L;

	private final String file;

	private final long size;

	private final int everyRows;

	private final long started = System.nanoTime();

	private long lastLog = started;

	Progress(String file, long size, int everyRows) {
		this.file = file;
		this.size = size;
		this.everyRows = Math.max(1, everyRows);
	}

	void tick(long rows, long bytes) {
		boolean byCount = rows % everyRows == 0;
		if (!byCount && (rows & 1023) != 0) {
			return;
		}
		long now = System.nanoTime();
		if (!byCount && now - lastLog < INTERVAL_NANOS) {
			return;
		}
		lastLog = now;
		double seconds = Math.max(1e-3, (now - started) / 1e9);
		long perSecond = Math.round(rows / seconds);
		double fraction = size > 0 ? Math.min(1.0, (double) bytes / size) : 0;
		String left = fraction > 0 ? Math.round(seconds * (1 - fraction) / fraction) + " s left" : "time left unknown";
		log.info("{}: {} rows read, {} rows/s, about {}", file, rows, perSecond, left);
	}

}
