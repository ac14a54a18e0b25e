package nl.leefbaar.indicators;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Another database session that reads exactly what the run's transaction reads (its
 * exported snapshot), so that fact queries that do not depend on each other run on more
 * than one core. PostgreSQL runs one query per session on one core, and does not
 * parallelise queries that touch a session's temporary tables, which every fact query
 * does.
 * <p>
 * The session builds its tables as temporary tables of its own; {@link #copyTo} moves
 * them into the run's session with binary COPY, streamed through a pipe, so the heap
 * holds none of it.
 */
final class SnapshotSession implements AutoCloseable {

	private final Connection connection;

	private final JdbcTemplate jdbc;

	private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "facts-snapshot-session");
		thread.setDaemon(true);
		return thread;
	});

	private Future<Void> submitted;

	private SnapshotSession(Connection connection) {
		this.connection = connection;
		this.jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
	}

	/**
	 * Opens a session on the snapshot of the run's transaction, which must be REPEATABLE
	 * READ (so that its own statements keep reading that snapshot too).
	 */
	static SnapshotSession sharingSnapshotOf(JdbcTemplate run, DataSource dataSource) {
		String snapshot = run.queryForObject("select pg_export_snapshot()", String.class);
		Connection connection = null;
		try {
			connection = dataSource.getConnection();
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("set transaction isolation level repeatable read");
				statement.execute("set transaction snapshot '" + snapshot + "'");
			}
			return new SnapshotSession(connection);
		}
		catch (SQLException e) {
			closeQuietly(connection);
			throw new IllegalStateException("cannot open another database session: " + e.getMessage(), e);
		}
	}

	/** The session itself, to read what its work built once that is done. */
	JdbcTemplate jdbc() {
		return jdbc;
	}

	/** Starts work on this session; {@link #await} waits for it. */
	Future<Void> submit(Consumer<JdbcTemplate> work) {
		submitted = worker.submit(() -> {
			work.accept(jdbc);
			return null;
		});
		return submitted;
	}

	/** Waits for work started by {@link #submit}, rethrowing its failure as it was. */
	static <T> T await(Future<T> work) {
		try {
			return work.get();
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while another database session worked", e);
		}
	}

	/**
	 * The column definitions of this session's temporary table (names, types and
	 * collations), for creating its twin on the run's connection. Call only while no work
	 * runs here.
	 */
	String columnsOf(String table) {
		return new NamedParameterJdbcTemplate(jdbc).queryForObject(IndicatorSql.statement("temp-table-columns"),
				new MapSqlParameterSource("table", table), String.class);
	}

	/**
	 * Copies the rows of this session's temporary table into the table of the same name
	 * on the run's connection, which must exist with the same columns.
	 */
	void copyTo(Connection run, String table) {
		try (PipedInputStream in = new PipedInputStream(1 << 16)) {
			PipedOutputStream out = new PipedOutputStream(in);
			Future<Long> sent = worker.submit((Callable<Long>) () -> {
				try (out) {
					return connection.unwrap(PGConnection.class)
						.getCopyAPI()
						.copyOut("copy " + table + " to stdout (format binary)", out);
				}
			});
			try {
				run.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " from stdin (format binary)", in);
			}
			finally {
				// If the receiving side failed, the sender must not wait on a full pipe.
				in.close();
			}
			await(sent);
		}
		catch (SQLException | IOException e) {
			throw new IllegalStateException("cannot copy " + table + " between database sessions: " + e.getMessage(),
					e);
		}
	}

	@Override
	public void close() {
		worker.shutdownNow();
		try {
			if (submitted != null && !submitted.isDone()) {
				// The run failed while this session still works: stop its query rather
				// than wait for it.
				connection.unwrap(PGConnection.class).cancelQuery();
			}
			connection.rollback();
		}
		catch (SQLException e) {
			// The session's work is over either way; closing it below ends the
			// transaction.
		}
		closeQuietly(connection);
	}

	private static void closeQuietly(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException e) {
				// nothing to add to the error that brought us here
			}
		}
	}

}
