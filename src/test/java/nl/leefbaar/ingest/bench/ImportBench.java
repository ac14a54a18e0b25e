package nl.leefbaar.ingest.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import nl.leefbaar.LeefbaarApplication;
import nl.leefbaar.ingest.ImportResult;
import nl.leefbaar.ingest.ImportService;
import nl.leefbaar.ingest.csv.CsvReader;
import nl.leefbaar.support.HeapSampler;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The import benchmark (bench/import-bench.sh): on the database of
 * {@code -Dleefbaar.home} (fresh), the reference (psql's {@code \copy} of reports.csv
 * into an unindexed all-text table), our first load of the whole folder, our re-read of
 * the same folder (nothing changed), and the reference once more; prints the times, the
 * ratios against the mean of the two references, and the peak heap (sampled every 20 ms,
 * and the sum of the heap pools' own peaks, an upper bound).
 * <p>
 * Usage: {@code ImportBench INPUT_DIR OUTPUT_DIR}
 */
public final class ImportBench {

	public static void main(String[] args) throws Exception {
		Path input = Path.of(args[0]);
		Path output = Path.of(args[1]);
		Path reports = input.resolve("reports.csv");
		warmFileCache(reports);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LeefbaarApplication.class)
			.run("--logging.level.nl.leefbaar=WARN", "--logging.level.nl.leefbaar.ingest=INFO")) {
			DataSource dataSource = context.getBean(DataSource.class);
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			String url = ((HikariDataSource) dataSource).getJdbcUrl();
			String port = url.replaceAll(".*localhost:(\\d+)/.*", "$1");
			ImportService importService = context.getBean(ImportService.class);

			double reference1 = reference(jdbc, port, reports);

			System.gc();
			HeapSampler sampler = HeapSampler.start();
			long t1 = System.nanoTime();
			ImportResult first = importService.importFolder(input, output);
			double firstSeconds = (System.nanoTime() - t1) / 1e9;
			boolean digestsExact = digestsEqualThoseSummedAfresh(jdbc);
			jdbc.execute("checkpoint");
			long t2 = System.nanoTime();
			ImportResult again = importService.importFolder(input, output);
			double againSeconds = (System.nanoTime() - t2) / 1e9;
			sampler.close();
			long sampledPeak = sampler.sampledPeakBytes();
			long poolPeaks = HeapSampler.poolPeaksBytes();
			jdbc.execute("checkpoint");

			Floors floors;
			try (Connection connection = dataSource.getConnection()) {
				floors = floors(new JdbcTemplate(new SingleConnectionDataSource(connection, true)),
						output.toAbsolutePath());
			}
			double reference2 = reference(jdbc, port, reports);
			double reference = (reference1 + reference2) / 2;

			System.out.printf(Locale.ROOT, "file: %s (%.1f MB, %d reports)%n", reports, Files.size(reports) / 1e6,
					reportRows(first));
			System.out.printf(Locale.ROOT, "reference psql \\copy: %.1f s before, %.1f s after (mean %.2f s)%n",
					reference1, reference2, reference);
			print("first load", first, firstSeconds, reference);
			System.out.printf(Locale.ROOT,
					"  report digests kept by the import equal those the server sums afresh: %s%n",
					digestsExact ? "yes" : "NO");
			System.out.printf(Locale.ROOT,
					"  its floor in PostgreSQL: %.1f s, %.2fx the reference (binary COPY of the same reports into an"
							+ " unindexed table %.1f s; the same indexes, keys and analyze %.1f s)%n",
					floors.copy + floors.indexes, (floors.copy + floors.indexes) / reference, floors.copy,
					floors.indexes);
			print("unchanged re-read", again, againSeconds, reference);
			System.out.printf(Locale.ROOT,
					"  its floor in PostgreSQL: %.1f s, %.2fx the reference (binary COPY into staging %.1f s;"
							+ " the join that finds new and changed rows %.1f s)%n",
					floors.staging + floors.compare, (floors.staging + floors.compare) / reference, floors.staging,
					floors.compare);
			System.out.printf(Locale.ROOT,
					"peak heap: %.0f MB sampled every 20 ms (heap pools' peaks summed: %.0f MB; max heap %.0f MB)%n",
					sampledPeak / 1e6, poolPeaks / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
		}
	}

	/**
	 * Whether the three report digests the first load stored are the sums of the server's
	 * own hash functions over the loaded reports (V1__baseline.sql), as the trigger would
	 * have kept them.
	 */
	private static boolean digestsEqualThoseSummedAfresh(JdbcTemplate jdbc) {
		String days = "select reported_day, count(*), sum(report_reported_hash(r)) from report r group by 1";
		String closings = "select report_closing_month(closed_at), count(*), sum(report_closed_hash(r)) from report r"
				+ " where closed_at is not null group by 1";
		String open = "select month, sum(n), sum(h) from (select date_trunc('month', reported_day::timestamp)::date"
				+ " as month, 1 as n, report_open_hash(r)::numeric as h from report r union all select"
				+ " report_closing_month(closed_at), -1, -report_open_hash(r)::numeric from report r"
				+ " where closed_at is not null) x group by 1";
		return differences(jdbc, "select reported_day, reports, digest from report_day_digest", days) == 0
				&& differences(jdbc, "select month, reports, digest from report_closing_digest", closings) == 0
				&& differences(jdbc, "select month, reports, digest from report_open_digest", open) == 0;
	}

	/** Rows of one query that the other lacks, both ways. */
	private static long differences(JdbcTemplate jdbc, String stored, String afresh) {
		return jdbc.queryForObject("select count(*) from ((" + stored + " except all " + afresh + ") union all ("
				+ afresh + " except all " + stored + ")) d", Long.class);
	}

	/**
	 * Seconds PostgreSQL itself needs for the statements of a first load and a re-read.
	 */
	private record Floors(double copy, double indexes, double staging, double compare) {
	}

	/**
	 * The same statements as the import's, run on their own in the server, from binary
	 * files the server reads itself (no client, no parsing of CSV): the first load's COPY
	 * into an unindexed copy of report, with its indexes, keys and analyze afterwards;
	 * the re-read's COPY into staging and its join with report.
	 */
	private static Floors floors(JdbcTemplate jdbc, Path folder) throws Exception {
		Files.createDirectories(folder);
		Path rows = folder.resolve("floor-report.bin");
		Path staged = folder.resolve("floor-staging.bin");
		String columns = "report_id, complex_id, dwelling_ref, source_category, category, reported_at, reported_day,"
				+ " closed_at, channel, follow_up";
		jdbc.execute("copy report (" + columns + ") to '" + rows + "' (format binary)");
		jdbc.execute(
				"copy (select row_number() over (), " + columns + " from report) to '" + staged + "' (format binary)");
		List<String> indexes = jdbc.queryForList("""
				select replace(replace(pg_get_indexdef(x.indexrelid), ' ON public.report ', ' ON public.report_floor '),
				               'INDEX ' || i.relname, 'INDEX floor_' || i.relname)
				from pg_index x join pg_class i on i.oid = x.indexrelid
				where x.indrelid = 'report'::regclass and not x.indisprimary
				""", String.class);
		jdbc.execute("drop table if exists report_floor");
		jdbc.execute("create table report_floor (like report including defaults including constraints)");
		jdbc.execute("checkpoint");
		long t0 = System.nanoTime();
		jdbc.execute("copy report_floor (" + columns + ") from '" + rows + "' (format binary)");
		long t1 = System.nanoTime();
		jdbc.execute("set maintenance_work_mem = '1GB'");
		jdbc.execute("alter table report_floor add primary key (report_id)");
		indexes.forEach(jdbc::execute);
		jdbc.execute("alter table report_floor add foreign key (complex_id) references complex");
		jdbc.execute("analyze report_floor");
		long t2 = System.nanoTime();
		jdbc.execute("reset maintenance_work_mem");
		jdbc.execute("drop table report_floor");

		jdbc.execute("truncate staging_report");
		jdbc.execute("checkpoint");
		long t3 = System.nanoTime();
		jdbc.execute("copy staging_report (line, " + columns + ") from '" + staged + "' (format binary)");
		long t4 = System.nanoTime();
		String row = "(complex_id, dwelling_ref, source_category, category, reported_at, reported_day, closed_at,"
				+ " channel, follow_up)";
		jdbc.execute("create temporary table floor_changes as select s.* from staging_report s left join report t"
				+ " on t.report_id = s.report_id where t.report_id is null or "
				+ row.replace("(", "(t.").replace(", ", ", t.") + " is distinct from "
				+ row.replace("(", "(s.").replace(", ", ", s."));
		long t5 = System.nanoTime();
		jdbc.execute("drop table floor_changes");
		jdbc.execute("truncate staging_report");
		Files.delete(rows);
		Files.delete(staged);
		return new Floors((t1 - t0) / 1e9, (t2 - t1) / 1e9, (t4 - t3) / 1e9, (t5 - t4) / 1e9);
	}

	private static void print(String what, ImportResult result, double seconds, double reference) {
		System.out.printf(Locale.ROOT,
				"%-18s %.1f s, %.0f rows/s, %.2fx the reference (%d rows read in all files, %d new, %d changed,"
						+ " %d unchanged, %d rejected)%n",
				what + ":", seconds, result.rowsRead() / seconds, seconds / reference, result.rowsRead(),
				result.newRows(), result.changed(), result.unchanged(), result.rejected());
	}

	private static long reportRows(ImportResult result) {
		return result.byFile()
			.stream()
			.filter(f -> f.file().equalsIgnoreCase("reports.csv"))
			.mapToLong(ImportResult.FileCounts::rowsRead)
			.sum();
	}

	/**
	 * psql's {@code \copy} of the file into an unindexed table of text columns: the
	 * seconds it took.
	 */
	private static double reference(JdbcTemplate jdbc, String port, Path reports) throws Exception {
		List<String> header;
		char delimiter;
		try (CsvReader reader = CsvReader.open(reports)) {
			header = reader.header();
			delimiter = reader.delimiter();
		}
		jdbc.execute("drop table if exists reports_raw");
		jdbc.execute("create table reports_raw (" + String.join(" text, ", header) + " text)");
		long t0 = System.nanoTime();
		Process psql = new ProcessBuilder("psql", "-q", "-h", "localhost", "-p", port, "-U", "postgres", "-d",
				"postgres", "-c", "\\copy reports_raw FROM '" + reports.toAbsolutePath()
						+ "' WITH (FORMAT csv, HEADER true, DELIMITER '" + delimiter + "')")
			.inheritIO()
			.start();
		if (psql.waitFor() != 0) {
			throw new IllegalStateException("psql \\copy failed");
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		jdbc.execute("drop table reports_raw");
		jdbc.execute("checkpoint");
		return seconds;
	}

	private static void warmFileCache(Path file) throws Exception {
		byte[] buffer = new byte[1 << 20];
		try (var in = Files.newInputStream(file)) {
			while (in.read(buffer) >= 0) {
				// read once so that both loads start from the page cache
			}
		}
	}

}
