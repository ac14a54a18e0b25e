package nl.leefbaar.indicators;

import java.time.LocalDate;
import java.time.YearMonth;

import nl.leefbaar.indicators.stats.RiseTest;
import nl.leefbaar.system.LeefbaarProperties;

/**
 * The hotspot rule of indicators.md: a complex and category with at least
 * {@code minReports} reports on the {@code windowDays} calendar days that end with the
 * last day of the month (window A, n reports), significantly above its own
 * {@code baselineDays} days before window A (window B, b reports): p = P(X >= n) for X ~
 * Binomial(n + b, windowDays / (windowDays + baselineDays)), a hotspot when p &lt;
 * {@code level}. Days are local days (Europe/Amsterdam), as reported_day.
 */
record HotspotRule(int minReports, int windowDays, int baselineDays, double level) {

	static HotspotRule of(LeefbaarProperties.Indicators settings) {
		return new HotspotRule(settings.hotspotMinReports(), settings.hotspotWindowDays(),
				settings.hotspotBaselineDays(), settings.hotspotLevel());
	}

	/** The first day of window A of a month. */
	LocalDate windowStart(YearMonth month) {
		return month.atEndOfMonth().minusDays(windowDays - 1L);
	}

	/** The first day of window B of a month. */
	LocalDate baselineStart(YearMonth month) {
		return month.atEndOfMonth().minusDays(windowDays + baselineDays - 1L);
	}

	/**
	 * Whether the month's hotspots can be told: the data start on or before the first day
	 * of its window B (or there are no data).
	 */
	boolean completeLookback(YearMonth month, LocalDate firstDay) {
		return firstDay == null || !firstDay.isAfter(baselineStart(month));
	}

	/** Window A's share of the days of both windows. */
	double share() {
		return (double) windowDays / (windowDays + baselineDays);
	}

	double pValue(long reports, long reportsBefore) {
		return RiseTest.pValue(reports, reportsBefore, share());
	}

	boolean hotspot(long reports, long reportsBefore) {
		return reports >= minReports && pValue(reports, reportsBefore) < level;
	}

}
