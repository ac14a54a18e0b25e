package nl.leefbaar.report.excel;

import java.util.Locale;

/** The liveability index bands of municipal neighbourhood profiles (indicators.md). */
enum Band {

	CLEARLY_BETTER, AROUND_REFERENCE, BEHIND, FAR_BEHIND;

	static Band of(Double index) {
		if (index == null || index.isNaN()) {
			return null;
		}
		if (index >= 110) {
			return CLEARLY_BETTER;
		}
		if (index >= 90) {
			return AROUND_REFERENCE;
		}
		return index >= 70 ? BEHIND : FAR_BEHIND;
	}

	String key() {
		return "band." + name().toLowerCase(Locale.ROOT);
	}

}
