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
 * {@code -Dleefbaar.home} (fresh), first the reference, psql's {@code \copy} of
 * reports.csv into an unindexed all-text table, then our import of the whole folder;
 * prints rows/s of both, the ratio, and the peak heap (sampled every 20 ms, and the sum
 * of the heap pools' own peaks, an upper bound).
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
			double referenceSeconds = (System.nanoTime() - t0) / 1e9;
			long referenceRows = jdbc.queryForObject("select count(*) from reports_raw", Long.class);
			jdbc.execute("drop table reports_raw");
			jdbc.execute("checkpoint");

			System.gc();
			HeapSampler sampler = HeapSampler.start();
			long t1 = System.nanoTime();
			ImportResult result = context.getBean(ImportService.class).importFolder(input, output);
			double oursSeconds = (System.nanoTime() - t1) / 1e9;
			sampler.close();
			long sampledPeak = sampler.sampledPeakBytes();
			long poolPeaks = HeapSampler.poolPeaksBytes();
			long reportRows = result.byFile()
				.stream()
				.filter(f -> f.file().equals("reports.csv"))
				.mapToLong(ImportResult.FileCounts::rowsRead)
				.sum();

			System.out.printf(Locale.ROOT, "file: %s (%.1f MB, %d reports)%n", reports, Files.size(reports) / 1e6,
					reportRows);
			System.out.printf(Locale.ROOT, "reference psql \\copy: %.1f s, %.0f rows/s (%d rows)%n", referenceSeconds,
					referenceRows / referenceSeconds, referenceRows);
			System.out.printf(Locale.ROOT,
					"leefbaar import:      %.1f s, %.0f rows/s (%d rows read in all files, %d loaded, %d rejected)%n",
					oursSeconds, result.rowsRead() / oursSeconds, result.rowsRead(), result.loaded(),
					result.rejected());
			System.out.printf(Locale.ROOT, "ratio ours/reference: %.2f%n", oursSeconds / referenceSeconds);
			System.out.printf(Locale.ROOT,
					"peak heap: %.0f MB sampled every 20 ms (heap pools' peaks summed: %.0f MB; max heap %.0f MB)%n",
					sampledPeak / 1e6, poolPeaks / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
		}
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
