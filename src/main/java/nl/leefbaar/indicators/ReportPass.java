package nl.leefbaar.indicators;

import java.util.List;

import javax.sql.DataSource;

import nl.leefbaar.indicators.SideTables.Table;
import nl.leefbaar.indicators.SideTables.Use;

/**
 * The one pass over a run's reports: the counted reports grouped per complex, category,
 * month and hotspot windows, with their repeat flags (month_report_counts). It reads the
 * counted months, and of the days before them only the latest report times (for the first
 * repeats) and the counts of the days in a hotspot window of the run.
 */
final class ReportPass {

	private final RunSession run;

	private final DataSource dataSource;

	private SideTables dwellings;

	ReportPass(RunSession run, DataSource dataSource) {
		this.run = run;
		this.dataSource = dataSource;
	}

	/**
	 * Starts the dwellings' look-back (dwelling_last_report) on a session of its own: the
	 * run's session scans the days before the counted months meanwhile (every later step
	 * of the run's session waits for the report pass, while the other cores have time to
	 * spare).
	 */
	void startDwellingLookback() {
		dwellings = SideTables.start(run.jdbc(), dataSource,
				List.of(new Table("dwelling_last_report", Use.COPIED, IndicatorSql.statement("dwelling-last-report"))),
				run.parameters(), null, null);
	}

	/**
	 * The look-back of the complexes, the dwellings' copied in, then the counted reports.
	 */
	void countReports() {
		run.create("lookback_reports", IndicatorSql.statement("lookback-reports"));
		dwellings.copyInto(run.jdbc(), dataSource);
		run.lap("dwelling_last_report copied");
		run.create("month_report_counts", IndicatorSql.statement("month-report-counts"));
	}

	/** Ends the dwellings' session if it still runs (after a failure). */
	void close() {
		if (dwellings != null) {
			dwellings.close();
		}
	}

}
