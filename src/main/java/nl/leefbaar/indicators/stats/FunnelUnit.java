package nl.leefbaar.indicators.stats;

/**
 * One unit of a funnel comparison. For rates: {@code observed} = the count O,
 * {@code size} = dwellings. For shares: {@code observed} = x, {@code size} = n.
 */
public record FunnelUnit(String unitId, double observed, double size) {
}
