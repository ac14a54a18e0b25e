package nl.leefbaar.ingest;

import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.MessageFormatter;

/**
 * The progress lines of an import, true at every moment. While a file's rows are read: a
 * line every {@code everyRows} rows and whenever 5 seconds passed without a line (rows,
 * rows per second, the time left to read them, estimated from the bytes read against the
 * file size, and what comes after the reading when that is long). While a step runs that
 * is not counted in rows (an index build, a key check, the upsert, a long query): a line
 * when it starts if it is long, and one whenever 5 seconds passed without a line, saying
 * what it does and for how long it has been at it. A daemon thread of its own writes the
 * lines that time calls for, so a statement that keeps the import's thread waiting does
 * not silence them.
 */
final class Progress implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Progress.class);

	static final long QUIET_NANOS = 5_000_000_000L;

	private final int everyRows;

	private final LongSupplier nanoTime;

	private final Consumer<String> lines;

	private final ScheduledExecutorService clock;

	private volatile long lastLine;

	private volatile String file;

	private volatile long size;

	private volatile String then;

	private volatile long readingSince;

	private volatile long rows;

	private volatile long bytes;

	private volatile boolean reading;

	private volatile Step step;

	Progress(int everyRows) {
		this(everyRows, System::nanoTime, log::info);
		clock.scheduleAtFixedRate(this::beat, 1, 1, TimeUnit.SECONDS);
	}

	/**
	 * Progress on the given clock, writing its lines to {@code lines}; nothing calls
	 * {@link #beat()} but the caller (for tests).
	 */
	Progress(int everyRows, LongSupplier nanoTime, Consumer<String> lines) {
		this.everyRows = Math.max(1, everyRows);
		this.nanoTime = nanoTime;
		this.lines = lines;
		this.lastLine = nanoTime.getAsLong();
		this.clock = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, "import-progress");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * The rows of a file are read from now on; {@code then} says what follows the reading
	 * when that takes long (null: nothing worth saying).
	 */
	void reading(String file, long size, String then) {
		this.file = file;
		this.size = size;
		this.then = then;
		this.rows = 0;
		this.bytes = 0;
		this.readingSince = nanoTime.getAsLong();
		this.reading = true;
	}

	/** Rows and bytes read so far; called for every row by the reading thread. */
	void tick(long rowsRead, long bytesRead) {
		if ((rowsRead & 255) == 0 || rowsRead % everyRows == 0) {
			rows = rowsRead;
			bytes = bytesRead;
			if (rowsRead % everyRows == 0) {
				rowsLine();
			}
		}
	}

	void doneReading() {
		reading = false;
	}

	/**
	 * A step that is not counted in rows, until the returned step is closed; announced
	 * when it starts if {@code announce} (a step that is long for big files).
	 */
	Step step(String file, String what, boolean announce) {
		Step started = new Step(file, what, step);
		step = started;
		if (announce) {
			line("{}: {}", file, what);
		}
		return started;
	}

	@Override
	public void close() {
		clock.shutdownNow();
	}

	/**
	 * Writes a line when none was written for 5 seconds; the clock's thread calls it
	 * every second.
	 */
	void beat() {
		if (nanoTime.getAsLong() - lastLine < QUIET_NANOS) {
			return;
		}
		Step current = step;
		if (current != null) {
			line("{}: {} ({} s so far)", current.file, current.what, Math.round(current.seconds()));
		}
		else if (reading) {
			rowsLine();
		}
	}

	private void rowsLine() {
		long now = nanoTime.getAsLong();
		long read = rows;
		double seconds = Math.max(1e-3, (now - readingSince) / 1e9);
		double fraction = size > 0 ? Math.min(1.0, (double) bytes / size) : 0;
		String left = fraction > 0 ? "about " + Math.round(seconds * (1 - fraction) / fraction) + " s left to read"
				: "time left unknown";
		String after = then == null ? "" : " (" + then + ")";
		line("{}: {} rows read, {} rows/s, {}{}", file, read, Math.round(read / seconds), left, after);
	}

	private void line(String format, Object... arguments) {
		lastLine = nanoTime.getAsLong();
		lines.accept(MessageFormatter.arrayFormat(format, arguments).getMessage());
	}

	/** A step under way; closing it goes back to the step it interrupted, if any. */
	final class Step implements AutoCloseable {

		private final String file;

		private final String what;

		private final Step outer;

		private final long started = nanoTime.getAsLong();

		private Step(String file, String what, Step outer) {
			this.file = file;
			this.what = what;
			this.outer = outer;
		}

		double seconds() {
			return (nanoTime.getAsLong() - started) / 1e9;
		}

		/** Ends the step and says how long it took. */
		void done(String result) {
			close();
			line("{}: {} in {} s", file, result, String.format(Locale.ROOT, "%.1f", seconds()));
		}

		@Override
		public void close() {
			if (step == this) {
				step = outer;
			}
		}

	}

}
