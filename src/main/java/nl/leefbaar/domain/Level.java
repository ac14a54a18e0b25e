package nl.leefbaar.domain;

import java.util.Locale;

/**
 * The levels at which indicators are computed; {@link #code()} is what indicators.csv
 * says.
 */
public enum Level {

	COMPLEX, NEIGHBOURHOOD, CITY;

	/** The unit id of the one city-level unit. */
	public static final String CITY_UNIT = "city";

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
