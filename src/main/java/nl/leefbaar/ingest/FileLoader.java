package nl.leefbaar.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import nl.leefbaar.ingest.csv.CsvException;
import nl.leefbaar.ingest.csv.CsvReader;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loads one input file inside the import's transaction: read and check every row in Java,
 * stream the valid ones by COPY into the staging table, find ids that occur more than once
 * (the first row wins; a later row with other content is rejected), then upsert into the domain
 * table in one statement that counts new and changed rows.
 */
final class FileLoader {
    private static final Logger log = LoggerFactory.getLogger(FileLoader.class);

    static final int MAX_CONFLICTING_DUPLICATES = 1_000_000;

    private final JdbcTemplate jdbc;
    private final CopyManager copyManager;
    private final RejectFile rejects;
    private final int progressEveryRows;
    private final long bulkMinRows;

    FileLoader(JdbcTemplate jdbc, CopyManager copyManager, RejectFile rejects, int progressEveryRows, long bulkMinRows) {
        this.bulkMinRows = bulkMinRows;
        this.jdbc = jdbc;
        this.copyManager = copyManager;
        this.rejects = rejects;
        this.progressEveryRows = progressEveryRows;
    }

    ImportResult.FileCounts load(InputFile kind, Path file, long unmappedBefore) throws IOException, SQLException {
        String name = file.getFileName().toString();
        Target target = kind.target();
        jdbc.execute(target.truncate());
        long read = 0;
        long rejected = 0;
        long started = System.nanoTime();
        DuplicateSuspects suspects = new DuplicateSuspects(Files.size(file));
        try (CsvReader reader = CsvReader.open(file)) {
            if (reader.header() == null) {
                throw new ImportException(name + ": empty file (no header line)");
            }
            Columns columns = Columns.bind(name, reader.header(), kind.required(), kind.optional());
            kind.checkHeader(columns);
            if (!columns.unknown().isEmpty()) {
                log.info("{}: ignoring columns outside the input contract (never stored): {}", name,
                        String.join(", ", columns.unknown()));
            }
            kind.bind(columns);
            kind.read(reader);
            Progress progress = new Progress(name, Files.size(file), progressEveryRows);
            CopyIn copy = copyManager.copyIn(target.copy());
            try {
                CopyRows out = new CopyRows(copy);
                while (reader.next()) {
                    read++;
                    String problem = reader.problem();
                    if (problem != null) {
                        rejects.add(name, reader.line(), "", problem, reader.raw());
                        rejected++;
                    } else {
                        out.begin(reader.line());
                        try {
                            kind.stage(out);
                            out.end();
                            suspects.add(kind.key);
                        } catch (RowRejected e) {
                            out.discard();
                            rejects.add(name, reader.line(), e.column(), e.reason(), reader.raw());
                            rejected++;
                        }
                    }
                    progress.tick(read, reader.bytesRead());
                }
                out.finish();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (CsvException e) {
            throw new ImportException(name + ": " + e.getMessage() + "; the file is refused as a whole");
        }
        long stagedAt = System.nanoTime();
        long duplicates = suspects.none() ? 0 : rejectConflictingDuplicates(file, target, suspects);
        long checked = System.nanoTime();
        rejected += duplicates;
        long newRows;
        long changed;
        long staged = read - rejected;
        if (BulkMode.worthIt(jdbc, target.table(), staged, bulkMinRows)) {
            boolean empty = !Boolean.TRUE.equals(jdbc.queryForObject(
                    "select exists (select 1 from " + target.table() + ")", Boolean.class));
            boolean withoutKey = empty && BulkMode.unreferenced(jdbc, target.table());
            BulkMode bulk = BulkMode.enter(jdbc, target.table(), withoutKey);
            long[] counts = withoutKey ? new long[] {jdbc.update(target.insertAll()), 0} : upsert(target);
            bulk.leave(target.table());
            newRows = counts[0];
            changed = counts[1];
        } else {
            long[] counts = upsert(target);
            newRows = counts[0];
            changed = counts[1];
        }
        long loaded = read - rejected;
        long unmapped = kind instanceof ReportsFile reports ? reports.unmapped() - unmappedBefore : 0;
        jdbc.execute(target.truncate());
        ImportResult.FileCounts result = new ImportResult.FileCounts(name, read, loaded, rejected, newRows, changed,
                loaded - newRows - changed, unmapped);
        log.info("{}: {} rows read, {} loaded ({} new, {} changed, {} unchanged), {} rejected;"
                        + " seconds: read and stage {}, duplicates {}, upsert {}", name, read, loaded, newRows, changed,
                result.unchanged(), rejected, seconds(stagedAt - started), seconds(checked - stagedAt),
                seconds(System.nanoTime() - checked));
        return result;
    }

    private long[] upsert(Target target) {
        Map<String, Object> counts = jdbc.queryForMap(target.upsert());
        return new long[] {((Number) counts.get("new_rows")).longValue(), ((Number) counts.get("changed_rows")).longValue()};
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
    }

    /**
     * The first row of an id wins; later rows with other content are rejected naming the first
     * row's line; exact repeats are dropped silently (they change nothing). Their raw text is
     * fetched by reading the file once more, which only happens when there are such rows.
     */
    private long rejectConflictingDuplicates(Path file, Target target, DuplicateSuspects suspects) throws IOException {
        boolean suspectsOnly = !suspects.overflow();
        Object[] parameters = suspectsOnly ? new Object[] {suspects.suspects()} : new Object[0];
        Map<Long, long[]> firstLineByLine = new HashMap<>();
        Map<Long, String> idByLine = new HashMap<>();
        String fileName = file.getFileName().toString();
        jdbc.query(target.conflictingDuplicates(suspectsOnly), rs -> {
            if (firstLineByLine.size() >= MAX_CONFLICTING_DUPLICATES) {
                // their lines would have to be held in memory; a file like this is not an export of records
                throw new ImportException(fileName + ": more than " + MAX_CONFLICTING_DUPLICATES
                        + " rows repeat an earlier " + target.key() + " with other content; the file is refused");
            }
            long line = rs.getLong("line");
            firstLineByLine.put(line, new long[] {rs.getLong("first_line")});
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
                    rejects.add(name, reader.line(), target.key(), "duplicate " + target.key() + " '"
                            + Texts.shorten(idByLine.get(reader.line())) + "' with other content than line " + first[0]
                            + " (the first row of an id is kept)", reader.raw());
                }
            }
        }
        return firstLineByLine.size();
    }
}
