package nl.leefbaar.indicators.effects;

/**
 * A count per day from a first to a last day, built from ranges of days: a range adds one
 * from its first day on and takes it off after its last day (a change array); after
 * {@link #runningSum()} each day holds the number of ranges that contain it. Ranges are
 * cut to the days held.
 */
final class DayChanges {

	private final int first;

	private final int last;

	private final int[] values;

	DayChanges(int first, int last) {
		this.first = first;
		this.last = last;
		this.values = new int[last - first + 2];
	}

	/** One more range from day from to day to (nothing when from is after to). */
	void add(int from, int to) {
		int start = Math.max(from, first);
		int stop = Math.min(to, last);
		if (start <= stop) {
			values[start - first]++;
			values[stop + 1 - first]--;
		}
	}

	void runningSum() {
		for (int i = 1; i < values.length; i++) {
			values[i] += values[i - 1];
		}
	}

	/** The count on the day, after the running sum. */
	int at(int day) {
		return values[day - first];
	}

}
