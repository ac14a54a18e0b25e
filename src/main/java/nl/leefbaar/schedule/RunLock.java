package nl.leefbaar.schedule;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import javax.sql.DataSource;

import nl.leefbaar.domain.Months;
import org.springframework.stereotype.Component;

/**
 * Only one process at a time runs a job for a month. The lock lives in the database, not
 * in a file, so that it holds across machines sharing one database: a session-level
 * advisory lock on a connection kept open for the run, which PostgreSQL releases by
 * itself when the holder dies.
 */
@Component
public class RunLock {

	private final DataSource dataSource;

	private final String self;

	RunLock(DataSource dataSource) {
		this.dataSource = dataSource;
		this.self = ProcessHandle.current().pid() + "@" + hostName();
	}

	/** Thrown when another process holds the lock; the message names it. */
	public static class HeldException extends RuntimeException {

		public HeldException(String message) {
			super(message);
		}

	}

	/** A held lock; closing it releases it. */
	public final class Held implements AutoCloseable {

		private final Connection connection;

		private final String job;

		private final String month;

		private Held(Connection connection, String job, String month) {
			this.connection = connection;
			this.job = job;
			this.month = month;
		}

		@Override
		public void close() {
			try (connection) {
				try (PreparedStatement delete = connection
					.prepareStatement("delete from run_lock where job = ? and month = ? and holder = ?")) {
					delete.setString(1, job);
					delete.setString(2, month);
					delete.setString(3, self);
					delete.executeUpdate();
				}
				try (PreparedStatement unlock = connection
					.prepareStatement("select pg_advisory_unlock(hashtext('leefbaar-run'), hashtext(? || '/' || ?))")) {
					unlock.setString(1, job);
					unlock.setString(2, month);
					unlock.execute();
				}
			}
			catch (SQLException e) {
				// closing the session releases the advisory lock anyway
			}
		}

	}

	/**
	 * @param month {@code yyyy-MM}, or a word such as {@code import} for a job without a
	 * month
	 */
	public Held acquire(String job, String month) {
		try {
			Connection connection = dataSource.getConnection();
			try {
				connection.setAutoCommit(true);
				if (tryLock(connection, job, month)) {
					try (PreparedStatement claim = connection.prepareStatement("""
							insert into run_lock (job, month, holder, since) values (?, ?, ?, now())
							on conflict (job, month) do update set holder = excluded.holder, since = excluded.since
							""")) {
						claim.setString(1, job);
						claim.setString(2, month);
						claim.setString(3, self);
						claim.executeUpdate();
					}
					return new Held(connection, job, month);
				}
				String holder = holder(connection, job, month);
				connection.close();
				String what = month.matches("\\d{4}-\\d{2}") ? job + " for " + month
						: month.equals("all") ? job + " for all months" : job;
				throw new HeldException(holder + " is running " + what + "; try again when it is done");
			}
			catch (SQLException | RuntimeException e) {
				if (!connection.isClosed()) {
					connection.close();
				}
				throw e;
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("cannot take the run lock: " + e.getMessage(), e);
		}
	}

	public String self() {
		return self;
	}

	private static boolean tryLock(Connection connection, String job, String month) throws SQLException {
		try (PreparedStatement lock = connection
			.prepareStatement("select pg_try_advisory_lock(hashtext('leefbaar-run'), hashtext(? || '/' || ?))")) {
			lock.setString(1, job);
			lock.setString(2, month);
			try (ResultSet result = lock.executeQuery()) {
				result.next();
				return result.getBoolean(1);
			}
		}
	}

	private static String holder(Connection connection, String job, String month) throws SQLException {
		try (PreparedStatement query = connection
			.prepareStatement("select holder, since from run_lock where job = ? and month = ?")) {
			query.setString(1, job);
			query.setString(2, month);
			try (ResultSet result = query.executeQuery()) {
				if (result.next()) {
					OffsetDateTime since = result.getObject(2, OffsetDateTime.class);
					return "process " + result.getString(1) + " (since "
							+ since.atZoneSameInstant(Months.ZONE).toOffsetDateTime().withNano(0) + ")";
				}
				return "another process";
			}
		}
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException e) {
			String name = ManagementFactory.getRuntimeMXBean().getName();
			return name.contains("@") ? name.substring(name.indexOf('@') + 1) : "localhost";
		}
	}

}
