package nl.leefbaar.report.excel;

/** One stored figure of indicator_value; any part may be missing (null). */
record Figure(Double value, Double numerator, Double denominator, Double ciLow, Double ciHigh, String flag) {

	static final Figure MISSING = new Figure(null, null, null, null, null, null);

	static Figure orMissing(Figure figure) {
		return figure == null ? MISSING : figure;
	}

	/**
	 * Funnel flags, worst first; anything else (no flag, incomplete look-back) sorts in
	 * the middle.
	 */
	static int severity(String flag) {
		if (flag == null) {
			return 2;
		}
		return switch (flag) {
			case "high" -> 0;
			case "elevated" -> 1;
			case "reduced" -> 3;
			case "low" -> 4;
			default -> 2;
		};
	}
}
