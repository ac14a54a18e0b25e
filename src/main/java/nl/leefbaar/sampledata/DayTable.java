package nl.leefbaar.sampledata;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;

/**
 * The days of the generated period with everything the generator asks per day, computed
 * once: the Dutch date text and, per canonical category, how busy that day is relative to
 * an ordinary weekday (season, weekend, Christmas weeks). Prefix sums give the expected
 * number of reports over any window in constant time, which is how the report target is
 * met.
 */
final class DayTable {

	private static final MonthDay CHRISTMAS_FROM = MonthDay.of(12, 21);

	private static final MonthDay CHRISTMAS_TO = MonthDay.of(1, 3);

	private final LocalDate first;

	private final int days;

	private final byte[][] dutchDate;

	private final double[][] profile;

	private final double[][] prefix;

	private final double[] max;

	DayTable(LocalDate first, LocalDate last) {
		this.first = first;
		this.days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
		this.dutchDate = new byte[days][];
		this.profile = new double[Vocabulary.CATEGORIES][days];
		this.prefix = new double[Vocabulary.CATEGORIES][days + 1];
		this.max = new double[Vocabulary.CATEGORIES];
		for (int d = 0; d < days; d++) {
			LocalDate date = first.plusDays(d);
			dutchDate[d] = String.format("%02d-%02d-%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear())
				.getBytes(StandardCharsets.US_ASCII);
			double common = weekday(date) * christmas(date);
			for (int k = 0; k < Vocabulary.CATEGORIES; k++) {
				double value = common * season(k, date);
				profile[k][d] = value;
				prefix[k][d + 1] = prefix[k][d] + value;
				max[k] = Math.max(max[k], value);
			}
		}
	}

	/** Summer brings noise and litter; spring greenery; winter leaks. */
	private static double season(int category, LocalDate date) {
		double year = 2 * Math.PI / 365.25;
		int doy = date.getDayOfYear();
		return switch (category) {
			case Vocabulary.NUISANCE, Vocabulary.POLLUTION -> 1 + 0.35 * Math.cos(year * (doy - 196));
			case Vocabulary.PUBLIC_SPACE -> 1 + 0.2 * Math.cos(year * (doy - 140));
			case Vocabulary.DAMAGE -> 1 + 0.1 * Math.cos(year * (doy - 15));
			default -> 1;
		};
	}

	private static double weekday(LocalDate date) {
		DayOfWeek day = date.getDayOfWeek();
		return day == DayOfWeek.SATURDAY ? 0.55 : day == DayOfWeek.SUNDAY ? 0.4 : 1.08;
	}

	private static double christmas(LocalDate date) {
		MonthDay md = MonthDay.from(date);
		return !md.isBefore(CHRISTMAS_FROM) || !md.isAfter(CHRISTMAS_TO) ? 0.5 : 1;
	}

	int days() {
		return days;
	}

	LocalDate first() {
		return first;
	}

	LocalDate date(int day) {
		return first.plusDays(day);
	}

	/** The day index of a date, clamped to [0, days]. */
	int index(LocalDate date) {
		long d = date.toEpochDay() - first.toEpochDay();
		return (int) Math.max(0, Math.min(days, d));
	}

	boolean contains(LocalDate date) {
		long d = date.toEpochDay() - first.toEpochDay();
		return d >= 0 && d < days;
	}

	byte[] dutchDate(int day) {
		return dutchDate[day];
	}

	double profile(int category, int day) {
		return profile[category][day];
	}

	double max(int category) {
		return max[category];
	}

	/** Sum of the category's profile over days [from, to). */
	double sum(int category, int from, int to) {
		from = Math.max(0, from);
		to = Math.min(days, to);
		return to <= from ? 0 : prefix[category][to] - prefix[category][from];
	}

}
