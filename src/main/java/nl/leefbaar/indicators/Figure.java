package nl.leefbaar.indicators;

import nl.leefbaar.domain.Level;

/**
 * One row of indicator_value (an element of a unit_figure row) for a month: a figure of a
 * unit, category and indicator.
 */
record Figure(Level level, String unitId, String category, Indicator indicator, Double value, Double numerator,
		Double denominator, Double ciLow, Double ciHigh, String flag) {

	static final String INCOMPLETE_LOOKBACK = "incomplete_lookback";
	static final String SUPPRESSED = "suppressed";

}
