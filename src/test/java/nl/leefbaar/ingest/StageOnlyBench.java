package nl.leefbaar.ingest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * a COPY that drops them), then the same with the report digests; CPU seconds of the
 * reading thread (less sensitive to other work on the machine than wall time).
 * <p>
 * Usage: {@code StageOnlyBench INPUT_DIR [ROUNDS]} (default 3 rounds)
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
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
		double[] least = { Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE };
		for (int round = 0; round < rounds; round++) {
			long t0 = threads.getCurrentThreadCpuTime();
			long rows = 0;
			try (CsvReader reader = CsvReader.open(reports)) {
				while (reader.next()) {
					rows++;
				}
			}
			long t1 = threads.getCurrentThreadCpuTime();
			long staged = stage(reports, complexes, mapping, false);
			long t2 = threads.getCurrentThreadCpuTime();
			stage(reports, complexes, mapping, true);
			long t3 = threads.getCurrentThreadCpuTime();
			System.out
				.printf("%d rows (%d staged), CPU seconds of the reading thread: reader %.2f, read+check+encode %.2f,"
						+ " with digests %.2f%n", rows, staged, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
			least[0] = Math.min(least[0], (t1 - t0) / 1e9);
			least[1] = Math.min(least[1], (t2 - t1) / 1e9);
			least[2] = Math.min(least[2], (t3 - t2) / 1e9);
		}
		System.out.printf("least of %d rounds: reader %.2f, read+check+encode %.2f, with digests %.2f%n", rounds,
				least[0], least[1], least[2]);
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
