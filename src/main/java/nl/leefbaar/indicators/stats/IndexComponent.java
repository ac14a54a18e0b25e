package nl.leefbaar.indicators.stats;

/** The components of the liveability index (12-month figures, category all). */
public enum IndexComponent {

	REPORT_RATE_12M(true), DWELLING_REPEAT_RATE_12M(true), CLOSED_WITHIN_TARGET_SHARE_12M(false),
	PARTICIPATION_RATE_12M(false);

	private final boolean lowerIsBetter;

	IndexComponent(boolean lowerIsBetter) {
		this.lowerIsBetter = lowerIsBetter;
	}

	public boolean lowerIsBetter() {
		return lowerIsBetter;
	}

}
