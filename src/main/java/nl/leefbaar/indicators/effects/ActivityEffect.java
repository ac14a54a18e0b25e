package nl.leefbaar.indicators.effects;

import java.time.LocalDate;

/**
 * One row of activity-effects.csv / table activity_effect (indicators.md, Activity
 * effect). Per-activity rows carry activity_id, complex, neighbourhood, date and window;
 * pooled rows (one per activity type) have activityId, complexId, neighbourhoodCode, date
 * and windowDays null. A flagged row ({@code too_recent}, {@code too_early}) keeps its
 * identity and the shortened window it would have had (at least 0) and leaves every count
 * and statistic null. {@code effectCiLow}/{@code effectCiHigh} are the 95 % interval of
 * effectVsComparison (null when any of the four counts is 0 or missing).
 */
public record ActivityEffect(String activityId, String type, String complexId, String neighbourhoodCode, LocalDate date,
		String category, Integer windowDays, Integer before, Integer after, Double rateRatio, Double ciLow,
		Double ciHigh, Double pValue, Integer comparisonBefore, Integer comparisonAfter, Double comparisonRateRatio,
		Double effectVsComparison, String flag, Double effectCiLow, Double effectCiHigh) {

	public static final String TOO_RECENT = "too_recent";

	public static final String TOO_EARLY = "too_early";

	public boolean pooled() {
		return activityId == null;
	}

	public boolean flagged() {
		return flag != null;
	}
}
