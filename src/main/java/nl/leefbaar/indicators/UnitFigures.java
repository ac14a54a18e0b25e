package nl.leefbaar.indicators;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import nl.leefbaar.indicators.stats.Interval;
import nl.leefbaar.indicators.stats.Intervals;

/**
 * The kinds of figure of a unit (indicators.md): counts, rates per 100 dwellings and
 * shares, with their intervals, and repeat shares that are missing without complete
 * look-back.
 */
final class UnitFigures {

	/**
	 * Garwood limits need two chi-square quantiles each (iterative); counts repeat, so
	 * they are kept.
	 */
	private static final Map<Long, Interval> GARWOOD = new ConcurrentHashMap<>();

	private UnitFigures() {
	}

	static Figure count(Unit unit, String category, Indicator indicator, long count) {
		return new Figure(unit.level(), unit.id(), category, indicator, (double) count, null, null, null, null, null);
	}

	/** A count of reports with its exact (Garwood) Poisson interval. */
	static Figure reportCount(Unit unit, String category, Indicator indicator, long count) {
		Interval interval = garwood(count);
		return new Figure(unit.level(), unit.id(), category, indicator, (double) count, null, null, interval.low(),
				interval.high(), null);
	}

	/**
	 * Per 100 dwellings, with the exact Poisson interval of the count scaled like the
	 * rate.
	 */
	static Figure rate(Unit unit, String category, Indicator indicator, long count) {
		if (unit.dwellings() <= 0) {
			return new Figure(unit.level(), unit.id(), category, indicator, null, (double) count, 0.0, null, null,
					null);
		}
		double scale = 100.0 / unit.dwellings();
		Interval interval = garwood(count);
		return new Figure(unit.level(), unit.id(), category, indicator, count * scale, (double) count, unit.dwellings(),
				interval.low() * scale, interval.high() * scale, null);
	}

	/** x out of n with its Wilson interval; missing when n = 0. */
	static Figure share(Unit unit, String category, Indicator indicator, long x, long n) {
		if (n == 0) {
			return new Figure(unit.level(), unit.id(), category, indicator, null, (double) x, 0.0, null, null, null);
		}
		Interval interval = Intervals.wilson(x, n);
		return new Figure(unit.level(), unit.id(), category, indicator, (double) x / n, (double) x, (double) n,
				interval.low(), interval.high(), null);
	}

	/**
	 * A repeat share, missing with its reason when the data do not reach W days before
	 * the period.
	 */
	static Figure repeat(Unit unit, String category, Indicator indicator, long x, long n, boolean completeLookback) {
		if (!completeLookback) {
			return new Figure(unit.level(), unit.id(), category, indicator, null, null, (double) n, null, null,
					Figure.INCOMPLETE_LOOKBACK);
		}
		return share(unit, category, indicator, x, n);
	}

	/** A figure missing because the data do not reach back far enough. */
	static Figure missing(Unit unit, String category, Indicator indicator) {
		return new Figure(unit.level(), unit.id(), category, indicator, null, null, null, null, null,
				Figure.INCOMPLETE_LOOKBACK);
	}

	/** A percentile of days to close over the month's closed reports. */
	static Figure daysToClose(Unit unit, String category, Indicator indicator, Double value, long closed) {
		return new Figure(unit.level(), unit.id(), category, indicator, value, null, (double) closed, null, null, null);
	}

	/** The liveability index, missing without a reference. */
	static Figure index(Unit unit, String category, Indicator indicator, Double value) {
		return new Figure(unit.level(), unit.id(), category, indicator, value, null, null, null, null, null);
	}

	/** The figure with a funnel flag. */
	static Figure flagged(Figure figure, String flag) {
		return new Figure(figure.level(), figure.unitId(), figure.category(), figure.indicator(), figure.value(),
				figure.numerator(), figure.denominator(), figure.ciLow(), figure.ciHigh(), flag);
	}

	private static Interval garwood(long count) {
		return count < 100_000 ? GARWOOD.computeIfAbsent(count, Intervals::garwood) : Intervals.garwood(count);
	}

}
