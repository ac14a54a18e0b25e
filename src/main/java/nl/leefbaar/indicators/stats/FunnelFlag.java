package nl.leefbaar.indicators.stats;

/** Funnel flags of indicators.md; {@link #code()} is what indicators.csv says. */
public enum FunnelFlag {

	HIGH("high"), ELEVATED("elevated"), IN_RANGE("in range"), REDUCED("reduced"), LOW("low");

	private final String code;

	FunnelFlag(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

}
