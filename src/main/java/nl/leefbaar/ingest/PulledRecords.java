package nl.leefbaar.ingest;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Takes the records of one source and kind (reports or activities) through the rules of
 * the input file they stand for ({@link ReportsFile}, {@link ActivitiesFile}), into its
 * staging table by COPY, and upserts them into the domain table as the import does a
 * file. Differences with a file: a record that arrives twice in one pull changed during
 * it, so the later one wins; a record that is no longer one (a cancelled report, one that
 * moved outside the complexes) is {@link #drop dropped}, which removes a version an
 * earlier pull stored; a rejected record is written with the source's name and its id.
 */
public final class PulledRecords {

	private static final Logger log = LoggerFactory.getLogger(PulledRecords.class);

	private final InputFile kind;

	private final Target target;

	private final String source;

	private final List<String> columns;

	private final JdbcTemplate jdbc;

	private final RejectFile rejects;

	private final CopyIn copy;

	private final CopyRows out;

	/** Sized for a million records; past that it only finds more suspects. */
	private final DuplicateSuspects suspects = new DuplicateSuspects(40L * 1_000_000);

	private final long unmappedBefore;

	private long line;

	private long read;

	private long rejected;

	private long dropped;

	private long removed;

	private PulledRecords(InputFile kind, String source, JdbcTemplate jdbc, CopyIn copy, RejectFile rejects) {
		this.kind = kind;
		this.target = kind.target();
		this.source = source;
		this.columns = new ArrayList<>(kind.required().size() + kind.optional().size());
		this.jdbc = jdbc;
		this.copy = copy;
		this.out = new CopyRows(copy);
		this.rejects = rejects;
		this.unmappedBefore = unmapped();
	}

	static PulledRecords open(InputFile kind, String source, JdbcTemplate jdbc, CopyManager copyManager,
			RejectFile rejects) throws SQLException {
		jdbc.execute(kind.target().truncate());
		PulledRecords records = new PulledRecords(kind, source, jdbc, copyManager.copyIn(kind.target().copy()),
				rejects);
		records.columns.add(kind.target().key());
		kind.required().stream().filter(c -> !records.columns.contains(c)).forEach(records.columns::add);
		kind.optional().forEach(records.columns::add);
		kind.bind(Columns.bind(source, records.columns, kind.required(), kind.optional()));
		return records;
	}

	/** The columns of the input file, in the order {@link #add} takes the values. */
	public List<String> columns() {
		return columns;
	}

	/**
	 * Checks one record (values in the order of {@link #columns}, null for empty) and
	 * stages it, or writes it to the reject file naming the source and its id.
	 */
	public void add(List<String> values) throws SQLException {
		read++;
		kind.read(values);
		out.begin(++line);
		try {
			kind.stage(out);
			out.end();
			suspects.add(kind.key);
		}
		catch (RowRejected e) {
			out.discard();
			String id = values.get(0) == null ? "" : values.get(0);
			rejects.add(source, id, e.column(), e.reason(), raw(values));
			rejected++;
		}
	}

	/**
	 * A record that is not one any more: an earlier version of it is removed, unless a
	 * later version in this pull brings it back.
	 */
	public void drop(String id) throws SQLException {
		out.begin(++line);
		out.add(id);
		for (int i = 0; i < target.columns().size(); i++) {
			out.add((String) null);
		}
		out.end();
		suspects.add(id);
		dropped++;
	}

	/** Ends the COPY without loading anything (the pull failed). */
	public void cancel() {
		if (copy.isActive()) {
			try {
				copy.cancelCopy();
			}
			catch (SQLException e) {
				// the transaction is rolled back anyway
			}
		}
	}

	/**
	 * Keeps the latest version of every record, removes the dropped ones from the domain
	 * table and upserts the rest; counts as for a file.
	 */
	public ImportResult.FileCounts finish() throws SQLException {
		out.finish();
		String table = target.table();
		String staging = target.staging();
		String key = target.key();
		if (!suspects.none()) {
			jdbc.update("delete from " + staging + " s using (select " + key + ", max(line) as last_line from "
					+ staging + " group by " + key + " having count(*) > 1) d where s." + key + " = d." + key
					+ " and s.line < d.last_line");
		}
		if (dropped > 0) {
			String tombstone = "num_nonnulls("
					+ target.columns().stream().map(c -> "s." + c).collect(Collectors.joining(", ")) + ") = 0";
			removed = jdbc.update("delete from " + table + " t using " + staging + " s where t." + key + " = s." + key
					+ " and " + tombstone);
			jdbc.update("delete from " + staging + " s where " + tombstone);
		}
		long[] counts;
		long staged = read - rejected;
		if (BulkMode.worthIt(jdbc, table, staged, BulkMode.MIN_ROWS)) {
			BulkMode bulk = BulkMode.enter(jdbc, table, false);
			counts = upsert();
			bulk.leave(table);
		}
		else {
			counts = upsert();
		}
		jdbc.execute(target.truncate());
		long loaded = read - rejected;
		long unmapped = unmapped() - unmappedBefore;
		String name = source + " (" + table + ")";
		log.info("{}: {} records checked, {} loaded ({} new, {} changed, {} unchanged), {} rejected, {} removed", name,
				read, loaded, counts[0], counts[1], loaded - counts[0] - counts[1], rejected, removed);
		if (unmapped > 0) {
			log.info("{}: {} reports with an unmapped category went to 'other'", name, unmapped);
		}
		return new ImportResult.FileCounts(name, read, loaded, rejected, counts[0], counts[1],
				loaded - counts[0] - counts[1], unmapped);
	}

	/** Earlier versions removed because the record is no longer one (after finish). */
	public long removed() {
		return removed;
	}

	private long[] upsert() {
		Map<String, Object> counts = jdbc.queryForMap(target.upsert());
		return new long[] { ((Number) counts.get("new_rows")).longValue(),
				((Number) counts.get("changed_rows")).longValue() };
	}

	private long unmapped() {
		return kind instanceof ReportsFile reports ? reports.unmapped() : 0;
	}

	/** The record's values as one CSV line, for the reject file. */
	private static String raw(List<String> values) {
		return values.stream()
			.map(v -> v == null ? "" : v)
			.map(v -> v.contains(",") || v.contains("\"") || v.contains("\n") ? '"' + v.replace("\"", "\"\"") + '"' : v)
			.collect(Collectors.joining(","));
	}

}
