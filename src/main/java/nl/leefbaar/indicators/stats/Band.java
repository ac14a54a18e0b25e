package nl.leefbaar.indicators.stats;

import java.util.Locale;

/** Bands of the liveability index, as in municipal neighbourhood profiles. */
public enum Band {

	CLEARLY_BETTER, AROUND, BEHIND, FAR_BEHIND;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** >= 110 clearly better, [90, 110) around, [70, 90) behind, < 70 far behind. */
	public static Band of(double index) {
		if (index >= 110) {
			return CLEARLY_BETTER;
		}
		if (index >= 90) {
			return AROUND;
		}
		if (index >= 70) {
			return BEHIND;
		}
		return FAR_BEHIND;
	}

}
