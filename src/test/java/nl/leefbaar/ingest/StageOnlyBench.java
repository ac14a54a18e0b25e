package nl.leefbaar.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import nl.leefbaar.ingest.csv.CsvReader;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.ByteStreamWriter;

/**
 * The Java side of loading reports.csv without a database, for the import bench: the CSV
 * reader alone, then reading, checking and encoding every row for COPY (the blocks go to
 * a COPY that drops them), then the same with the report digests. Three rounds each.
 * <p>
 * Usage: {@code StageOnlyBench INPUT_DIR}
 */
public final class StageOnlyBench {

	public static void main(String[] args) throws Exception {
		Path input = Path.of(args[0]);
		Set<String> complexes = new HashSet<>();
		try (CsvReader reader = CsvReader.open(input.resolve("complexes.csv"))) {
			int id = reader.header().indexOf("complex_id");
			while (reader.next()) {
				complexes.add(reader.get(id).trim());
			}
		}
		CategoryMapping mapping = CategoryMapping.load(null);
		Path reports = input.resolve("reports.csv");
		for (int round = 0; round < 3; round++) {
			long t0 = System.nanoTime();
			long rows = 0;
			try (CsvReader reader = CsvReader.open(reports)) {
				while (reader.next()) {
					rows++;
				}
			}
			long t1 = System.nanoTime();
			long staged = stage(reports, complexes, mapping, false);
			long t2 = System.nanoTime();
			stage(reports, complexes, mapping, true);
			long t3 = System.nanoTime();
			System.out.printf("%d rows (%d staged): reader %.2f s, read+check+encode %.2f s, with digests %.2f s%n",
					rows, staged, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
		}
	}

	private static long stage(Path file, Set<String> complexes, CategoryMapping mapping, boolean digests)
			throws Exception {
		ReportsFile kind = new ReportsFile(complexes, mapping, Clock.systemUTC());
		if (digests) {
			kind.collectDigests(new ReportDigests());
		}
		long staged = 0;
		try (CsvReader reader = CsvReader.open(file); CopyPipe pipe = new CopyPipe(new DroppingCopy(), "bench")) {
			Columns columns = Columns.bind("reports.csv", reader.header(), kind.required(), kind.optional());
			kind.bind(columns);
			kind.read(reader);
			CopyRows out = new CopyRows(pipe);
			DuplicateSuspects suspects = new DuplicateSuspects(Files.size(file));
			while (reader.next()) {
				out.begin();
				try {
					kind.stage(out);
					out.end();
					suspects.add(kind.key);
					staged++;
				}
				catch (RowRejected e) {
					out.discard();
				}
			}
			out.finish();
		}
		return staged;
	}

	/** A COPY that takes every block and drops it. */
	private static final class DroppingCopy implements CopyIn {

		private boolean active = true;

		@Override
		public void writeToCopy(byte[] buf, int off, int siz) {
		}

		@Override
		public void writeToCopy(ByteStreamWriter from) {
		}

		@Override
		public void flushCopy() {
		}

		@Override
		public long endCopy() {
			active = false;
			return 0;
		}

		@Override
		public int getFieldCount() {
			return 0;
		}

		@Override
		public int getFormat() {
			return 1;
		}

		@Override
		public int getFieldFormat(int field) {
			return 1;
		}

		@Override
		public boolean isActive() {
			return active;
		}

		@Override
		public void cancelCopy() {
			active = false;
		}

		@Override
		public long getHandledRowCount() {
			return 0;
		}

	}

}
