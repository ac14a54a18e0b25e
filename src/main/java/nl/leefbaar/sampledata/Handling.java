package nl.leefbaar.sampledata;

import java.util.SplittableRandom;

/**
 * When a report is closed: a log-normal handling time per category (safety fast, damage
 * about two weeks, nuisance slow with a long tail), at least two hours, moved into office
 * hours. Some reports are never closed, and a report whose closing would fall after the
 * export day is still open, so the most recent reports are more often open.
 */
final class Handling {

	static final int MINUTES_PER_DAY = 1440;

	/**
	 * Two hours also keeps a report in the DST gap (resolved an hour later) from closing
	 * before it came in.
	 */
	private static final int MIN_MINUTES = 120;

	private static final int OFFICE_OPENS = 8 * 60;

	private static final int OFFICE_MINUTES = 9 * 60;

	/**
	 * Closings outside 07:30-18:00 are moved to office hours (the same day, or the next).
	 */
	private static final int EARLIEST = 7 * 60 + 30;

	private static final int LATEST = 18 * 60;

	/** Median days to close and log-normal sigma per category. */
	private static final double[] MEDIAN_DAYS = { 18, 3.5, 9, 1.2, 12, 10, 6 };

	private static final double[] SIGMA = { 1.1, 0.9, 0.8, 0.9, 1.0, 0.9, 1.0 };

	/** Share of reports that are never closed in the source system. */
	private static final double[] STALE = { 0.03, 0.01, 0.01, 0.01, 0.03, 0.02, 0.01 };

	private final int days;

	Handling(int days) {
		this.days = days;
	}

	/** Closing time in minutes from the start of the period, or -1 while still open. */
	int closedAt(int category, int reportedAt, SplittableRandom rnd) {
		if (rnd.nextDouble() < STALE[category]) {
			return -1;
		}
		double daysToClose = MEDIAN_DAYS[category] * Math.exp(SIGMA[category] * rnd.nextGaussian());
		long closed = reportedAt + Math.max(MIN_MINUTES, (long) (daysToClose * MINUTES_PER_DAY));
		long day = closed / MINUTES_PER_DAY;
		int minute = (int) (closed % MINUTES_PER_DAY);
		if (minute < EARLIEST) {
			minute = OFFICE_OPENS + rnd.nextInt(OFFICE_MINUTES);
		}
		else if (minute > LATEST) {
			day++;
			minute = OFFICE_OPENS + rnd.nextInt(OFFICE_MINUTES);
		}
		return day >= days ? -1 : (int) (day * MINUTES_PER_DAY + minute);
	}

}
