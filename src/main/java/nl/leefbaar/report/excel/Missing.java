package nl.leefbaar.report.excel;

/**
 * Why a cell has no figure (outputs.md, "Missing is not zero"): the cell shows "–" with a
 * short reason ({@code missing.<code>} in the labels), and the Toelichting explains each
 * reason ({@code missing.<code>.note}). Never a 0, never an unexplained empty cell where
 * a figure is expected.
 */
enum Missing {

	/** The data start too late for the figure's look-back (repeats, hotspots). */
	LOOKBACK("lookback"),
	/** No reports, dwellings or closings to base the figure on. */
	NO_DATA("no_data"),
	/** No figure for the earlier period to compare with. */
	NO_EARLIER("no_earlier"),
	/** Too few reports for the figure to mean anything (a change from 0, say). */
	TOO_FEW("too_few"),
	/** No test exists for this change (the index): the difference is shown untested. */
	NOT_TESTED("not_tested"),
	/**
	 * Hidden by the small-number rules for outside readers (indicators.md, Publishing
	 * small numbers): the figure rests on a count from 1 to 4.
	 */
	SMALL_NUMBERS("small_numbers");

	private final String code;

	Missing(String code) {
		this.code = code;
	}

	String code() {
		return code;
	}

	/** The cell's text: "–" and the short reason. */
	String cellText(Labels labels) {
		return "– " + labels.get("missing." + code);
	}

	String note(Labels labels) {
		return labels.get("missing." + code + ".note");
	}

	/** A stored flag's reason, or NO_DATA. */
	static Missing of(String flag) {
		return "incomplete_lookback".equals(flag) ? LOOKBACK : NO_DATA;
	}

}
