package nl.leefbaar.report;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import nl.leefbaar.system.LeefbaarProperties;

/**
 * One kind of report for month m (a workbook, the charts, the deck). The report step
 * calls every writer with the month's folder; a writer reads the figures from the
 * database, writes its files atomically (temporary name, then move) and returns the paths
 * it wrote.
 */
public interface ReportWriter {

	/**
	 * The context every writer gets: the month, its output folder, the language, the
	 * scope, the input folder (for {@code neighbourhoods.geojson}; null: the folder of
	 * the latest import) and the run's settings ({@code RunSettings}: the windows,
	 * targets and small-number rules the files state and apply).
	 */
	record ReportRequest(YearMonth month, Path monthFolder, Locale locale, ReportScope scope, Path inputFolder,
			LeefbaarProperties settings) {

		public ReportRequest(YearMonth month, Path monthFolder, Locale locale, ReportScope scope,
				LeefbaarProperties settings) {
			this(month, monthFolder, locale, scope, null, settings);
		}
	}

	/**
	 * What to draw: the whole city (default), one neighbourhood, or a set of complexes.
	 */
	record ReportScope(String neighbourhoodCode, List<String> complexIds) {
		public static final ReportScope CITY = new ReportScope(null, List.of());

		public boolean isCity() {
			return neighbourhoodCode == null && complexIds.isEmpty();
		}
	}

	List<Path> write(ReportRequest request) throws Exception;

	/** What it writes, for the progress lines ("the dashboards"). */
	String describe();

	/**
	 * Whether this writer draws a presenter's scope (one neighbourhood, a set of
	 * complexes).
	 */
	default boolean drawsScopes() {
		return false;
	}

}
