package nl.leefbaar.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import nl.leefbaar.system.LeefbaarProperties;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports an input folder (input-format.md) into the domain tables, in the order the
 * foreign keys need: neighbourhoods, complexes, reports, activities.
 * <p>
 * The whole import is one transaction (it joins the step's transaction under Spring
 * Batch): when it fails, for too many rejects or a refused file, nothing of it is
 * committed, and a rerun after the fix starts from the same state. The reject file is
 * written in both cases.
 * <p>
 * Files: {@code reports.csv} is required. {@code neighbourhoods.csv} and
 * {@code complexes.csv} may be left out of a later export when the database already has
 * neighbourhoods and complexes; {@code activities.csv} and {@code category-mapping.csv}
 * are optional. File names match case-insensitively.
 */
@Service
public class ImportService {

	private static final Logger log = LoggerFactory.getLogger(ImportService.class);

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final LeefbaarProperties.Ingest settings;

	private final Clock clock;

	private final long bulkMinRows;

	@Autowired
	public ImportService(DataSource dataSource, PlatformTransactionManager transactionManager,
			LeefbaarProperties properties, ObjectProvider<Clock> clock) {
		this(dataSource, new TransactionTemplate(transactionManager), properties.ingest(),
				clock.getIfAvailable(Clock::systemDefaultZone), BulkMode.MIN_ROWS);
	}

	private ImportService(DataSource dataSource, TransactionTemplate transaction, LeefbaarProperties.Ingest settings,
			Clock clock, long bulkMinRows) {
		this.bulkMinRows = bulkMinRows;
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.transaction = transaction;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * The same service with another clock ("now" decides what is in the future) or
	 * settings: for tests.
	 */
	ImportService with(Clock otherClock, LeefbaarProperties.Ingest otherSettings) {
		return new ImportService(dataSource, transaction, otherSettings, otherClock, bulkMinRows);
	}

	/** The same service importing with a run's settings ({@code RunSettings}). */
	public ImportService with(LeefbaarProperties.Ingest runSettings) {
		return new ImportService(dataSource, transaction, runSettings, clock, bulkMinRows);
	}

	/** The same service switching to bulk mode from this many rows on: for tests. */
	ImportService withBulkFrom(long rows) {
		return new ImportService(dataSource, transaction, settings, clock, rows);
	}

	public ImportResult importFolder(Path input, Path output) {
		return importFolder(input, output, null);
	}

	/**
	 * Imports the folder; the run is recorded in import_run under the given job execution
	 * (may be null).
	 */
	public ImportResult importFolder(Path input, Path output, Long jobExecutionId) {
		return importFolder(input, output, jobExecutionId, List.of());
	}

	/**
	 * Imports the folder, then pulls each source in the same transaction
	 * (sources-and-delivery.md); with sources, the folder may leave out reports.csv.
	 */
	public ImportResult importFolder(Path input, Path output, Long jobExecutionId, List<RecordSource> sources) {
		if (input == null || !Files.isDirectory(input)) {
			throw new ImportException("input folder " + input + " does not exist or is not a folder");
		}
		InputFiles files = InputFiles.find(input, sources.isEmpty());
		RejectFile rejects = RejectFile.create(output.resolve("import"), clock);
		try {
			return transaction.execute(status -> run(input, files, rejects, jobExecutionId, sources));
		}
		finally {
			rejects.publish();
		}
	}

	private ImportResult run(Path input, InputFiles files, RejectFile rejects, Long jobExecutionId,
			List<RecordSource> sources) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try (Progress progress = new Progress(settings.progressEveryRows())) {
			CopyManager copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
			FileLoader loader = new FileLoader(connection, jdbc, copyManager, rejects, progress, bulkMinRows);
			CategoryMapping mapping = CategoryMapping.load(files.mapping());
			List<ImportResult.FileCounts> counts = new ArrayList<>();

			requireOrKnown(files.neighbourhoods(), NeighbourhoodsFile.FILE, "neighbourhood", input);
			if (files.neighbourhoods() != null) {
				counts.add(loader.load(new NeighbourhoodsFile(), files.neighbourhoods()));
			}
			Set<String> neighbourhoods = ids("select neighbourhood_code from neighbourhood");
			requireOrKnown(files.complexes(), ComplexesFile.FILE, "complex", input);
			if (files.complexes() != null) {
				counts.add(loader.load(new ComplexesFile(neighbourhoods), files.complexes()));
			}
			Set<String> complexes = ids("select complex_id from complex");
			ReportsFile reports = new ReportsFile(complexes, mapping, clock);
			if (files.reports() != null) {
				counts.add(loader.load(reports, files.reports()));
			}
			if (!mapping.unmappedValues().isEmpty()) {
				log.info("{}: {} reports with an unmapped category went to 'other'; values: {}", ReportsFile.FILE,
						reports.unmapped(), String.join(", ", mapping.unmappedValues()));
			}
			if (files.activities() != null) {
				counts.add(
						loader.load(new ActivitiesFile(complexes, neighbourhoods, mapping, clock), files.activities()));
			}
			PullContext pulls = new PullContext(jdbc, copyManager, rejects, complexes, neighbourhoods, mapping, clock,
					input, loader);
			for (RecordSource source : sources) {
				counts.addAll(source.pull(pulls));
			}
			ImportResult result = ImportResult.of(counts, files.count(), rejects.path());
			failOnTooManyRejects(result, rejects);
			record(input, result, jobExecutionId);
			return result;
		}
		catch (IOException e) {
			throw new ImportException("cannot read the input in " + input + ": " + e.getMessage(), e);
		}
		catch (SQLException e) {
			throw new IllegalStateException("import into the database failed: " + e.getMessage(), e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private void requireOrKnown(Path file, String fileName, String table, Path input) {
		if (file == null && !Boolean.TRUE
			.equals(jdbc.queryForObject("select exists (select 1 from " + table + ")", Boolean.class))) {
			throw new ImportException(
					fileName + ": missing in " + input + ", and the database has no " + table + " records yet");
		}
	}

	private void failOnTooManyRejects(ImportResult result, RejectFile rejects) {
		if (result.rowsRead() == 0 || result.rejected() <= settings.maxRejectShare() * result.rowsRead()) {
			return;
		}
		ImportResult.FileCounts worst = result.byFile()
			.stream()
			.max((a, b) -> Long.compare(a.rejected(), b.rejected()))
			.orElseThrow();
		throw new ImportException(String.format(Locale.ROOT,
				"%s: too many rejected rows: %d of %d rows in all files (%.1f %%) exceed the allowed %.1f %%;"
						+ " nothing was imported; reasons in %s",
				worst.file(), result.rejected(), result.rowsRead(), 100.0 * result.rejected() / result.rowsRead(),
				100 * settings.maxRejectShare(), rejects.path()));
	}

	private void record(Path input, ImportResult result, Long jobExecutionId) {
		jdbc.update("""
				insert into import_run (job_execution_id, input_folder, rows_read, loaded, rejected, new_rows,
				                        changed_rows, unchanged_rows, unmapped_categories, rejects_file)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", jobExecutionId, input.toString(), result.rowsRead(), result.loaded(), result.rejected(),
				result.newRows(), result.changed(), result.unchanged(), result.unmapped(),
				result.rejectsFile().toString());
	}

	private Set<String> ids(String sql) {
		Set<String> ids = new HashSet<>();
		jdbc.query(sql, rs -> {
			ids.add(rs.getString(1));
		});
		return ids;
	}

	/** The input files found in the folder (null when absent). */
	record InputFiles(Path neighbourhoods, Path complexes, Path reports, Path activities, Path mapping) {
		static InputFiles find(Path folder, boolean reportsRequired) {
			Path reports = file(folder, ReportsFile.FILE);
			if (reports == null && reportsRequired) {
				throw new ImportException(ReportsFile.FILE + ": missing in " + folder + " (required)");
			}
			return new InputFiles(file(folder, NeighbourhoodsFile.FILE), file(folder, ComplexesFile.FILE), reports,
					file(folder, ActivitiesFile.FILE), file(folder, CategoryMapping.FILE));
		}

		int count() {
			return (int) Stream.of(neighbourhoods, complexes, reports, activities, mapping)
				.filter(Objects::nonNull)
				.count();
		}

		private static Path file(Path folder, String name) {
			Path exact = folder.resolve(name);
			if (Files.isRegularFile(exact)) {
				return exact;
			}
			try (Stream<Path> entries = Files.list(folder)) {
				return entries.filter(p -> p.getFileName().toString().equalsIgnoreCase(name))
					.filter(Files::isRegularFile)
					.findFirst()
					.orElse(null);
			}
			catch (IOException e) {
				throw new ImportException("cannot list the input folder " + folder + ": " + e.getMessage(), e);
			}
		}
	}

}
