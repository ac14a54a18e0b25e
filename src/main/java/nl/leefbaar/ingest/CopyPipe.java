package nl.leefbaar.ingest;

import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.postgresql.copy.CopyIn;

/**
 * The COPY stream on a thread of its own, beside the thread that reads and checks the
 * rows: the reader hands full blocks to the writer thread, which sends them to the
 * server, and gets empty blocks back. At most {@link #BLOCKS} blocks are in flight, so
 * memory stays bounded (about 2 MB) and a reader faster than the server waits for it. The
 * writer thread is the only one that writes to the COPY while it runs; the reader ends or
 * cancels the COPY after the writer has stopped. A failure of the writer (the server
 * refused the data, the connection broke) comes back to the reader at its next block or
 * at {@link #finish()}.
 */
final class CopyPipe implements AutoCloseable {

	static final int BLOCKS = 8;

	private static final Block END = new Block(new byte[0], -1);

	private final CopyIn copy;

	private final BlockingQueue<Block> full = new ArrayBlockingQueue<>(BLOCKS);

	private final BlockingQueue<byte[]> empty = new ArrayBlockingQueue<>(BLOCKS + 1);

	private final Thread writer;

	private volatile Throwable failure;

	private boolean ended;

	private int created = 1;

	private long readerWaited;

	private volatile long writerWaited;

	private record Block(byte[] bytes, int length) {
	}

	CopyPipe(CopyIn copy, String name) {
		this.copy = copy;
		this.writer = new Thread(this::write, "copy-" + name);
		this.writer.setDaemon(true);
		this.writer.start();
	}

	/**
	 * Hands a full block to the writer; returns an empty block to fill next (a new one
	 * while fewer than BLOCKS exist).
	 */
	byte[] send(byte[] bytes, int length) throws SQLException {
		long started = System.nanoTime();
		try {
			put(new Block(bytes, length));
			byte[] next = empty.poll();
			if (next != null) {
				return next;
			}
			if (created < BLOCKS) {
				created++;
				return new byte[bytes.length];
			}
			return nextEmpty();
		}
		finally {
			readerWaited += System.nanoTime() - started;
		}
	}

	private byte[] nextEmpty() throws SQLException {
		byte[] next;
		while (true) {
			rethrow();
			try {
				next = empty.poll(100, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while loading", e);
			}
			if (next != null) {
				return next;
			}
		}
	}

	/**
	 * Seconds the reading thread waited for the server (its blocks not yet sent) and
	 * seconds the writer thread waited for the reading thread: which of the two set the
	 * pace.
	 */
	String waits() {
		return String.format(Locale.ROOT, "reading waited for the server %.1f s, the server for reading %.1f s",
				readerWaited / 1e9, writerWaited / 1e9);
	}

	/** Waits until the writer has sent every block, then ends the COPY: rows loaded. */
	long finish() throws SQLException {
		put(END);
		join();
		rethrow();
		ended = true;
		return copy.endCopy();
	}

	/** Stops the writer and cancels the COPY unless it ended. */
	@Override
	public void close() throws SQLException {
		if (!ended) {
			full.clear();
			full.offer(END);
			join();
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
	}

	private void put(Block block) throws SQLException {
		while (true) {
			rethrow();
			try {
				if (full.offer(block, 100, TimeUnit.MILLISECONDS)) {
					return;
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while loading", e);
			}
		}
	}

	private void write() {
		try {
			while (true) {
				long waiting = System.nanoTime();
				Block block = full.take();
				writerWaited += System.nanoTime() - waiting;
				if (block == END) {
					return;
				}
				copy.writeToCopy(block.bytes, 0, block.length);
				empty.offer(block.bytes);
			}
		}
		catch (Throwable e) {
			failure = e;
		}
	}

	private void join() {
		try {
			writer.join();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while loading", e);
		}
	}

	private void rethrow() throws SQLException {
		Throwable e = failure;
		if (e == null) {
			return;
		}
		if (e instanceof SQLException sql) {
			throw sql;
		}
		if (e instanceof RuntimeException runtime) {
			throw runtime;
		}
		throw new IllegalStateException("the COPY stream failed: " + e.getMessage(), e);
	}

}
