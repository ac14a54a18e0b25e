package nl.leefbaar.indicators.stats;

/** A two-sided interval; {@code high} may be {@link Double#POSITIVE_INFINITY}. */
public record Interval(double low, double high) {
}
