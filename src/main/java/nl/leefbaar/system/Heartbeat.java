package nl.leefbaar.system;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;

/**
 * Progress for a phase that is not counted in rows (outputs.md, The run itself): while it
 * is open, a line every {@value #EVERY_SECONDS} seconds saying what the phase is doing
 * and for how long it has been at it. A daemon thread of its own writes the lines, so a
 * long statement or a big workbook on the caller's thread does not silence them.
 */
public final class Heartbeat implements AutoCloseable {

	static final int EVERY_SECONDS = 5;

	private static final ScheduledExecutorService CLOCK = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	private final Consumer<String> lines;

	private final long started = System.nanoTime();

	private final ScheduledFuture<?> beats;

	private volatile String doing;

	Heartbeat(Consumer<String> lines, String doing, long everyMillis) {
		this.lines = lines;
		this.doing = doing;
		this.beats = CLOCK.scheduleAtFixedRate(this::beat, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
	}

	/** Lines for {@code doing} on {@code log} from now until {@link #close()}. */
	public static Heartbeat start(Logger log, String doing) {
		return new Heartbeat(log::info, doing, EVERY_SECONDS * 1000L);
	}

	/** What the phase does from now on (the next line says it). */
	public void doing(String now) {
		this.doing = now;
	}

	private void beat() {
		lines.accept(doing + " (" + (System.nanoTime() - started) / 1_000_000_000L + " s so far)");
	}

	@Override
	public void close() {
		beats.cancel(false);
	}

}
