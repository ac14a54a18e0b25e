package nl.leefbaar.ingest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import nl.leefbaar.ingest.csv.CsvException;
import nl.leefbaar.ingest.csv.CsvReader;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Loads one input file inside the import's transaction: read and check every row in Java,
 * stream the valid ones by COPY into the staging table, find ids that occur more than
 * once (the first row wins; a later row with other content is rejected), then upsert into
 * the domain table in one statement that counts new and changed rows. A big file into an
 * empty table goes by COPY straight into that table instead (see
 * {@link #directLoadPossible}).
 */
final class FileLoader {

	private static final Logger log = LoggerFactory.getLogger(FileLoader.class);

	static final int MAX_CONFLICTING_DUPLICATES = 1_000_000;

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private final Connection connection;

	private final JdbcTemplate jdbc;

	private final CopyManager copyManager;

	private final NamedParameterJdbcTemplate namedJdbc;

	private final RejectFile rejects;

	private final Progress progress;

	private final long bulkMinRows;

	FileLoader(Connection connection, JdbcTemplate jdbc, CopyManager copyManager, RejectFile rejects, Progress progress,
			long bulkMinRows) {
		this.connection = connection;
		this.bulkMinRows = bulkMinRows;
		this.jdbc = jdbc;
		this.namedJdbc = new NamedParameterJdbcTemplate(jdbc);
		this.copyManager = copyManager;
		this.rejects = rejects;
		this.progress = progress;
	}

	ImportResult.FileCounts load(InputFile kind, Path file) throws IOException, SQLException {
		String name = file.getFileName().toString();
		Target target = kind.target();
		long started = System.nanoTime();
		boolean rejectsWritten = false;
		if (directLoadPossible(target, file)) {
			Savepoint beforeDirect = connection.setSavepoint();
			BulkMode bulk = BulkMode.enter(jdbc, target.table(), true);
			ReportDigests digests = startDigests(kind);
			Pass pass = read(kind, file, target.copyDirect(), false, true,
					"then " + bulk.statements() + " indexes and keys of " + target.table() + " are built");
			if (pass.suspects.none() || !hasRealDuplicates(name, target, pass.suspects)) {
				long loadedAt = System.nanoTime();
				storeDigests(kind, digests);
				bulk.leave(target.table(), progress);
				connection.releaseSavepoint(beforeDirect);
				return counted(name, pass, 0, pass.read - pass.rejected, 0, started, loadedAt, loadedAt);
			}
			// a real duplicate id: its first row must win, which needs the line numbers
			// of staging
			log.info("{}: ids occur more than once; loading through staging instead", name);
			connection.rollback(beforeDirect);
			if (kind instanceof ReportsFile reports) {
				reports.collectDigests(null);
			}
			rejectsWritten = true;
		}
		jdbc.execute(target.truncate());
		Pass pass = read(kind, file, target.copy(), true, !rejectsWritten, null);
		long stagedAt = System.nanoTime();
		long duplicates = 0;
		if (!pass.suspects.none()) {
			try (Progress.Step step = progress.step(name, "looking for ids that occur more than once", false)) {
				if (stagingHasRealDuplicates(target, pass.suspects)) {
					duplicates = rejectConflictingDuplicates(file, target, pass.suspects);
				}
			}
		}
		long checked = System.nanoTime();
		long[] counts = upsert(name, target, pass.read >= bulkMinRows);
		jdbc.execute(target.truncate());
		return counted(name, pass, duplicates, counts[0], counts[1], started, stagedAt, checked);
	}

	/**
	 * For reports loaded straight into the empty table: the digest trigger is switched
	 * off for this transaction (a rollback switches it on again) and the digests are
	 * computed while the rows are read instead; null for other files.
	 */
	private ReportDigests startDigests(InputFile kind) {
		if (!(kind instanceof ReportsFile reports)) {
			return null;
		}
		jdbc.execute("alter table report disable trigger " + ReportDigests.INSERT_TRIGGER);
		ReportDigests digests = new ReportDigests();
		reports.collectDigests(digests);
		return digests;
	}

	private void storeDigests(InputFile kind, ReportDigests digests) {
		if (digests == null) {
			return;
		}
		((ReportsFile) kind).collectDigests(null);
		digests.store(namedJdbc);
		jdbc.execute("alter table report enable trigger " + ReportDigests.INSERT_TRIGGER);
	}

	/**
	 * A big file into an empty table that no other table refers to goes by COPY straight
	 * into the table, without indexes and keys (built afterwards): one pass over the data
	 * instead of two.
	 */
	private boolean directLoadPossible(Target target, Path file) throws IOException {
		return Files.size(file) / 40 >= bulkMinRows
				&& !Boolean.TRUE
					.equals(jdbc.queryForObject("select exists (select 1 from " + target.table() + ")", Boolean.class))
				&& BulkMode.unreferenced(jdbc, target.table());
	}

	private boolean hasRealDuplicates(String name, Target target, DuplicateSuspects suspects) {
		try (Progress.Step step = progress.step(name, "checking whether ids occur more than once", false)) {
			return hasRealDuplicates(target, suspects);
		}
	}

	private boolean hasRealDuplicates(Target target, DuplicateSuspects suspects) {
		return suspects.overflow()
				? Boolean.TRUE.equals(jdbc.queryForObject(target.tableHasDuplicates(false), Boolean.class))
				: Boolean.TRUE.equals(jdbc.queryForObject(target.tableHasDuplicates(true), Boolean.class,
						(Object) suspects.suspects()));
	}

	private ImportResult.FileCounts counted(String name, Pass pass, long duplicates, long newRows, long changed,
			long started, long stagedAt, long checked) {
		long rejected = pass.rejected + duplicates;
		long loaded = pass.read - rejected;
		ImportResult.FileCounts result = new ImportResult.FileCounts(name, pass.read, loaded, rejected, newRows,
				changed, loaded - newRows - changed, pass.unmapped);
		log.info(
				"{}: {} rows read, {} loaded ({} new, {} changed, {} unchanged), {} rejected;"
						+ " seconds: read and stage {} ({}), duplicates {}, upsert and indexes {}",
				name, pass.read, loaded, newRows, changed, result.unchanged(), rejected, seconds(stagedAt - started),
				pass.pace, seconds(checked - stagedAt), seconds(System.nanoTime() - checked));
		return result;
	}

	/** What one pass over a file found. */
	private record Pass(long read, long rejected, long unmapped, DuplicateSuspects suspects, String pace) {
	}

	/**
	 * Reads every row, checks it, and COPYs the valid ones with the given statement (with
	 * the line number as first column or without), the COPY stream on a thread of its own
	 * ({@link CopyPipe}). Rejects go to the reject file unless an earlier pass over the
	 * same file wrote them already. {@code then} says what follows the reading, for the
	 * progress lines (null: nothing long).
	 */
	private Pass read(InputFile kind, Path file, String copySql, boolean withLine, boolean writeRejects, String then)
			throws IOException, SQLException {
		String name = file.getFileName().toString();
		long read = 0;
		long rejected = 0;
		long unmappedBefore = kind instanceof ReportsFile reports ? reports.unmapped() : 0;
		DuplicateSuspects suspects = new DuplicateSuspects(Files.size(file));
		long cpuBefore = THREADS.getCurrentThreadCpuTime();
		String pace;
		try (CsvReader reader = CsvReader.open(file)) {
			if (reader.header() == null) {
				throw new ImportException(name + ": empty file (no header line)");
			}
			Columns columns = Columns.bind(name, reader.header(), kind.required(), kind.optional());
			kind.checkHeader(columns);
			if (!columns.unknown().isEmpty() && writeRejects) {
				log.info("{}: ignoring columns outside the input contract (never stored): {}", name,
						String.join(", ", columns.unknown()));
			}
			kind.bind(columns);
			kind.read(reader);
			progress.reading(name, Files.size(file), then);
			try (CopyPipe pipe = new CopyPipe(copyManager.copyIn(copySql), kind.target().table())) {
				CopyRows out = new CopyRows(pipe);
				while (reader.next()) {
					read++;
					String problem = reader.problem();
					if (problem != null) {
						if (writeRejects) {
							rejects.add(name, reader.line(), "", problem, reader.raw());
						}
						rejected++;
					}
					else {
						if (withLine) {
							out.begin(reader.line());
						}
						else {
							out.begin();
						}
						try {
							kind.stage(out);
							out.end();
							suspects.add(kind.key);
						}
						catch (RowRejected e) {
							out.discard();
							if (writeRejects) {
								rejects.add(name, reader.line(), e.column(), e.reason(), reader.raw());
							}
							rejected++;
						}
					}
					progress.tick(read, reader.bytesRead());
				}
				progress.doneReading();
				try (Progress.Step step = progress.step(name, "finishing the COPY of " + read + " rows", false)) {
					out.finish();
				}
				pace = String.format(Locale.ROOT, "reading thread's CPU %.1f s; %s",
						(THREADS.getCurrentThreadCpuTime() - cpuBefore) / 1e9, pipe.waits());
			}
			finally {
				progress.doneReading();
			}
		}
		catch (CsvException e) {
			throw new ImportException(name + ": " + e.getMessage() + "; the file is refused as a whole");
		}
		long unmapped = kind instanceof ReportsFile reports ? reports.unmapped() - unmappedBefore : 0;
		return new Pass(read, rejected, unmapped, suspects, pace);
	}

	/**
	 * Finds the staged rows that are new or changed in one join with the table, then
	 * upserts only those: an unchanged row costs a comparison, no write. When those rows
	 * are many and outnumber the table's, the table's indexes and keys are dropped for
	 * the upsert and built again after it ({@link BulkMode}).
	 */
	long[] upsert(String name, Target target, boolean announce) {
		long changes;
		try (Progress.Step step = progress.step(name, "comparing the rows with the stored " + target.table() + " table",
				announce)) {
			jdbc.execute(target.changes());
			changes = jdbc.queryForObject("select count(*) from " + target.changesTable(), Long.class);
		}
		BulkMode bulk = BulkMode.worthIt(jdbc, target.table(), changes, bulkMinRows)
				? BulkMode.enter(jdbc, target.table(), false) : null;
		long[] counts;
		try (Progress.Step step = progress.step(name,
				"writing " + changes + " new and changed rows into " + target.table(), announce)) {
			Map<String, Object> result = jdbc.queryForMap(target.upsert());
			jdbc.execute("drop table " + target.changesTable());
			counts = new long[] { ((Number) result.get("new_rows")).longValue(),
					((Number) result.get("changed_rows")).longValue() };
		}
		if (bulk != null) {
			bulk.leave(target.table(), progress);
		}
		return counts;
	}

	private boolean stagingHasRealDuplicates(Target target, DuplicateSuspects suspects) {
		return suspects.overflow()
				? Boolean.TRUE.equals(jdbc.queryForObject(target.stagingHasDuplicates(false), Boolean.class))
				: Boolean.TRUE.equals(jdbc.queryForObject(target.stagingHasDuplicates(true), Boolean.class,
						(Object) suspects.suspects()));
	}

	private static String seconds(long nanos) {
		return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
	}

	/**
	 * The first row of an id wins; later rows with other content are rejected naming the
	 * first row's line; exact repeats are dropped silently (they change nothing). Their
	 * raw text is fetched by reading the file once more, which only happens when there
	 * are such rows.
	 */
	private long rejectConflictingDuplicates(Path file, Target target, DuplicateSuspects suspects) throws IOException {
		boolean suspectsOnly = !suspects.overflow();
		Object[] parameters = suspectsOnly ? new Object[] { suspects.suspects() } : new Object[0];
		Map<Long, long[]> firstLineByLine = new HashMap<>();
		Map<Long, String> idByLine = new HashMap<>();
		String fileName = file.getFileName().toString();
		jdbc.query(target.conflictingDuplicates(suspectsOnly), rs -> {
			if (firstLineByLine.size() >= MAX_CONFLICTING_DUPLICATES) {
				// their lines would have to be held in memory; a file like this is not an
				// export of records
				throw new ImportException(fileName + ": more than " + MAX_CONFLICTING_DUPLICATES
						+ " rows repeat an earlier " + target.key() + " with other content; the file is refused");
			}
			long line = rs.getLong("line");
			firstLineByLine.put(line, new long[] { rs.getLong("first_line") });
			idByLine.put(line, rs.getString("id"));
		}, parameters);
		jdbc.update(target.deleteLaterDuplicates(suspectsOnly), parameters);
		if (firstLineByLine.isEmpty()) {
			return 0;
		}
		String name = file.getFileName().toString();
		try (CsvReader reader = CsvReader.open(file)) {
			while (reader.next()) {
				long[] first = firstLineByLine.get(reader.line());
				if (first != null) {
					rejects.add(name, reader.line(), target.key(),
							"duplicate " + target.key() + " '" + Texts.shorten(idByLine.get(reader.line()))
									+ "' with other content than line " + first[0]
									+ " (the first row of an id is kept)",
							reader.raw());
				}
			}
		}
		return firstLineByLine.size();
	}

}
