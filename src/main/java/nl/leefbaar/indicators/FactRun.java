package nl.leefbaar.indicators;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

import nl.leefbaar.domain.Category;
import nl.leefbaar.system.LeefbaarProperties;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * A run of consecutive months [from, to] whose facts are built together, and the days and
 * settings its statements read, as named parameters.
 * <p>
 * The 12-month figures of {@code from} need the 11 months before it. When their facts are
 * stored and current ({@code storedBefore}), the reports are counted from {@code from}
 * on; otherwise from the start of its 12-month window. Of the days before the counted
 * months only the look-back (W days, for the first repeats) and the hotspot windows of
 * the run's months and the month before them are read.
 *
 * @param storedBefore whether complex_month_fact holds the current facts of the 11 months
 * before {@code from}; then the count of overdue reports at the end of the month before
 * {@code from} comes from there too, otherwise from the reports open then
 * @param afterStoredMonth whether the run is one month whose month before is stored with
 * its 12-month sums and whose month 12 before is current, so that its sums start from the
 * stored sums of the month before
 * @param firstDay the day of the first report (null without reports): the months before
 * it have no facts
 */
record FactRun(YearMonth from, YearMonth to, boolean storedBefore, boolean afterStoredMonth, LocalDate firstDay,
		LeefbaarProperties.Indicators settings) {

	/** Runs of up to this many months sum by a join, longer ones by a sliding window. */
	static final int SHORT_RUN_MONTHS = 3;

	static FactRun of(YearMonth from, YearMonth to, boolean storedBefore, boolean sumsStoredBefore, LocalDate firstDay,
			LeefbaarProperties.Indicators settings) {
		boolean afterStoredMonth = from.equals(to) && storedBefore && sumsStoredBefore;
		return new FactRun(from, to, storedBefore, afterStoredMonth, firstDay, settings);
	}

	boolean oneMonth() {
		return from.equals(to);
	}

	/** Whether the run is short enough to sum its months' windows by a join. */
	boolean shortRun() {
		return from.until(to, ChronoUnit.MONTHS) < SHORT_RUN_MONTHS;
	}

	/**
	 * The first month whose reports the run counts; the months before come from the
	 * store.
	 */
	YearMonth counted() {
		return storedBefore ? from : from.minusMonths(11);
	}

	/**
	 * The parameters of every fact statement (each names the ones it reads):
	 * <ul>
	 * <li>{@code from_day}, {@code to_month}: the first days of the run's first and last
	 * month; {@code to_day}: the last day of the run; {@code after_to_day}: the day after
	 * it;</li>
	 * <li>{@code from12_day}: the first day of the first month's 12-month window;
	 * {@code counted_day}: the first day whose reports are counted;</li>
	 * <li>{@code lookback_day}: W days (and two more: W * 86400 s before a local day can
	 * fall on the local day before it) before the counted days, where the look-back for
	 * the first repeats starts; {@code scan_from_day}: that day or the first day of a
	 * hotspot window of the run, whichever is earlier;</li>
	 * <li>the hotspot months, the run's months and the month before them
	 * ({@code hotspot_first_month}), whose windows the run counts:
	 * {@code hotspot_a_from_day} and {@code hotspot_b_from_day}, the first days of
	 * windows A and B of the first hotspot month; {@code months_before_hotspots}, the
	 * month before the first; {@code hotspot_complete_from}, the first month whose
	 * hotspots can be told (the data reach back to its window B);</li>
	 * <li>{@code overdue_scan_from_day}: the longest target (and two days) before the
	 * run, where the reports that become overdue in the run start;</li>
	 * <li>{@code month_before_day}, {@code month_12_before_day}: the months whose stored
	 * facts one month after a stored one reads;</li>
	 * <li>{@code grid_from_day}: where a long run's month grid starts: the first month of
	 * the 12-month window, or of the data if that is later;</li>
	 * <li>the settings: {@code repeat_window_seconds}, {@code hotspot_days},
	 * {@code hotspot_before_days}, {@code hotspot_min_reports}, {@code hotspot_level},
	 * {@code default_target_days}, and {@code stored_before}.</li>
	 * </ul>
	 */
	MapSqlParameterSource parameters() {
		LocalDate countedDay = counted().atDay(1);
		LocalDate lookback = countedDay.minusDays(settings.repeatWindowDays() + 2L);
		HotspotRule hotspots = HotspotRule.of(settings);
		YearMonth hotspotMonth = from.minusMonths(1);
		YearMonth hotspotsComplete = firstDay == null ? hotspotMonth
				: YearMonth.from(firstDay.plusDays(settings.hotspotWindowDays() + settings.hotspotBaselineDays() - 1L));
		YearMonth from12 = from.minusMonths(11);
		YearMonth firstMonth = firstDay == null ? null : YearMonth.from(firstDay);
		YearMonth dataFrom = firstMonth == null || firstMonth.isAfter(from) ? from : firstMonth;
		return new MapSqlParameterSource().addValue("from_day", day(from.atDay(1)))
			.addValue("to_month", day(to.atDay(1)))
			.addValue("to_day", day(to.atEndOfMonth()))
			.addValue("after_to_day", day(to.plusMonths(1).atDay(1)))
			.addValue("from12_day", day(from12.atDay(1)))
			.addValue("counted_day", day(countedDay))
			.addValue("lookback_day", day(lookback))
			.addValue("scan_from_day", day(min(lookback, hotspots.baselineStart(hotspotMonth))))
			.addValue("hotspot_first_month", day(hotspotMonth.atDay(1)))
			.addValue("months_before_hotspots", day(hotspotMonth.minusMonths(1).atDay(1)))
			.addValue("hotspot_a_from_day", day(hotspots.windowStart(hotspotMonth)))
			.addValue("hotspot_b_from_day", day(hotspots.baselineStart(hotspotMonth)))
			.addValue("hotspot_complete_from", day(hotspotsComplete.atDay(1)))
			.addValue("overdue_scan_from_day", day(from.atDay(1).minusDays(maxTargetDays() + 2L)))
			.addValue("month_before_day", day(from.minusMonths(1).atDay(1)))
			.addValue("month_12_before_day", day(from.minusMonths(12).atDay(1)))
			.addValue("grid_from_day", day((dataFrom.isAfter(from12) ? dataFrom : from12).atDay(1)))
			.addValue("repeat_window_seconds", settings.repeatWindowDays() * 86400.0)
			.addValue("hotspot_days", settings.hotspotWindowDays())
			.addValue("hotspot_before_days", settings.hotspotBaselineDays())
			.addValue("hotspot_min_reports", settings.hotspotMinReports())
			.addValue("hotspot_level", settings.hotspotLevel())
			.addValue("default_target_days", settings.defaultTargetDays())
			.addValue("stored_before", storedBefore);
	}

	/** The longest target of any category, in whole days. */
	private long maxTargetDays() {
		double max = settings.defaultTargetDays();
		for (Category category : Category.values()) {
			max = Math.max(max, settings.targetDays(category));
		}
		return (long) Math.ceil(max);
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	private static Date day(LocalDate date) {
		return Date.valueOf(date);
	}

}
