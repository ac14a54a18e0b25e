package nl.leefbaar.indicators.stats;

/**
 * An OLS trend: slope per month, two-sided p-value, and "rising", "falling" or "none".
 */
public record TrendResult(double slope, double pValue, String direction) {
}
