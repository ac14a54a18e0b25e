package nl.leefbaar.indicators;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Temporary tables of a run built on another session that shares the run's snapshot
 * ({@link SnapshotSession}), on another core, while the run's session does other work.
 * Each table is created by one statement and analyzed; what the run does with it then is
 * its {@link Use}.
 */
final class SideTables implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SideTables.class);

	/** What the run does with a table built on another session. */
	enum Use {

		/** copied into the run's session */
		COPIED,
		/** only feeds later tables of its own session */
		FEEDS,
		/** read month by month on its own session, indexed by month */
		READ_THERE

	}

	/** A temporary table and the statement that creates it. */
	record Table(String name, Use use, String statement) {
	}

	private final SnapshotSession session;

	private final List<Table> tables;

	private final Future<Void> built;

	private boolean closed;

	private SideTables(SnapshotSession session, List<Table> tables, Future<Void> built) {
		this.session = session;
		this.tables = tables;
		this.built = built;
	}

	/**
	 * Opens a session on the run's snapshot and starts building the tables there: after
	 * {@code after} is built (when not null, so that no more than one other session works
	 * at a time beside the run's), and after {@code setup} (when not null).
	 */
	static SideTables start(JdbcTemplate run, DataSource dataSource, List<Table> tables,
			MapSqlParameterSource parameters, SideTables after, Consumer<JdbcTemplate> setup) {
		SnapshotSession session = SnapshotSession.sharingSnapshotOf(run, dataSource);
		Future<Void> before = after == null ? null : after.built;
		Future<Void> built = session.submit(jdbc -> {
			if (before != null) {
				SnapshotSession.await(before);
			}
			if (setup != null) {
				setup.accept(jdbc);
			}
			NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
			for (Table table : tables) {
				long started = System.nanoTime();
				named.update(table.statement(), parameters);
				jdbc.execute("analyze " + table.name());
				if (table.use() == Use.READ_THERE) {
					jdbc.execute("create index on " + table.name() + " (month)");
				}
				log.debug("{}: {} ms (other session)", table.name(), (System.nanoTime() - started) / 1_000_000);
			}
		});
		return new SideTables(session, tables, built);
	}

	/**
	 * Waits for the tables, copies those to be copied into the run's session and ends
	 * this session: its transaction holds locks on what it read (complex_month_fact among
	 * them), which the replacement of the run's months takes exclusively.
	 */
	void copyInto(JdbcTemplate run, DataSource dataSource) {
		SnapshotSession.await(built);
		Connection connection = DataSourceUtils.getConnection(dataSource);
		for (Table table : tables) {
			if (table.use() == Use.COPIED) {
				run.execute("create temp table %s (%s) on commit drop".formatted(table.name(),
						session.columnsOf(table.name())));
				session.copyTo(connection, table.name());
				run.execute("analyze " + table.name());
			}
		}
		close();
	}

	/**
	 * Waits for the tables and gives the session, to read those it keeps; it stays open
	 * until {@link #close()}.
	 */
	JdbcTemplate awaitSession() {
		SnapshotSession.await(built);
		return session.jdbc();
	}

	/** Ends the session (after a failure, stopping what it still does). */
	@Override
	public void close() {
		if (!closed) {
			closed = true;
			session.close();
		}
	}

}
