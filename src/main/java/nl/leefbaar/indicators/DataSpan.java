package nl.leefbaar.indicators;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;

import nl.leefbaar.domain.Months;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where the report data start and end: the first report (its time and its local day)
 * fixes the look-back and the default reference year, the last month bounds a backfill.
 * Read through the reported_day index.
 */
record DataSpan(Instant firstReport, LocalDate firstDay, YearMonth lastMonth) {

	static DataSpan read(JdbcTemplate jdbc) {
		return jdbc.queryForObject(IndicatorSql.statement("data-span"), (rs, i) -> {
			Timestamp first = rs.getTimestamp(1);
			return first == null ? new DataSpan(null, null, null) : new DataSpan(first.toInstant(),
					rs.getDate(2).toLocalDate(), YearMonth.from(rs.getDate(3).toLocalDate()));
		});
	}

	/** The month of the first report (null without reports). */
	YearMonth firstMonth() {
		return firstDay == null ? null : YearMonth.from(firstDay);
	}

	boolean empty() {
		return firstReport == null;
	}

	/**
	 * Does a period starting at the start of {@code month} have W days of data before it?
	 */
	boolean completeLookback(YearMonth periodStart, int windowDays) {
		if (empty()) {
			return true; // no reports: every share is missing for n = 0 anyway
		}
		Instant start = Months.start(periodStart).toInstant();
		return start.getEpochSecond() - firstReport.getEpochSecond() >= windowDays * 86400L;
	}

	/**
	 * The reference year: the configured one, or the first calendar year that starts at
	 * least W days after the first report (so that its repeat figures have complete
	 * look-back).
	 */
	Integer referenceYear(Integer configured, int windowDays) {
		if (configured != null) {
			return configured;
		}
		if (empty()) {
			return null;
		}
		int year = ZonedDateTime.ofInstant(firstReport, Months.ZONE).getYear();
		while (!completeLookback(YearMonth.of(year, 1), windowDays)) {
			year++;
		}
		return year;
	}
}
