package nl.leefbaar.ingest.bench;

import java.nio.file.Files;
import java.nio.file.Path;
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
			jdbc.execute("checkpoint");
			long t2 = System.nanoTime();
			ImportResult again = importService.importFolder(input, output);
			double againSeconds = (System.nanoTime() - t2) / 1e9;
			sampler.close();
			long sampledPeak = sampler.sampledPeakBytes();
			long poolPeaks = HeapSampler.poolPeaksBytes();
			jdbc.execute("checkpoint");

			double reference2 = reference(jdbc, port, reports);
			double reference = (reference1 + reference2) / 2;

			System.out.printf(Locale.ROOT, "file: %s (%.1f MB, %d reports)%n", reports, Files.size(reports) / 1e6,
					reportRows(first));
			System.out.printf(Locale.ROOT, "reference psql \\copy: %.1f s before, %.1f s after (mean %.2f s)%n",
					reference1, reference2, reference);
			print("first load", first, firstSeconds, reference);
			print("unchanged re-read", again, againSeconds, reference);
			System.out.printf(Locale.ROOT,
					"peak heap: %.0f MB sampled every 20 ms (heap pools' peaks summed: %.0f MB; max heap %.0f MB)%n",
					sampledPeak / 1e6, poolPeaks / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
		}
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
