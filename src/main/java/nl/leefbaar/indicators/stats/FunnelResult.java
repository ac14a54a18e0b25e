package nl.leefbaar.indicators.stats;

import java.util.Map;

/**
 * The flags of one funnel comparison. Units with expected value 0 (rates) or n = 0
 * (shares) have no entry in {@code flags}. {@code units} is the number I of units that
 * took part; {@code phi} and {@code tau2} are NaN when not computed (adjustment switched
 * off, or fewer than 2 units); {@code adjusted} says whether the flags came from the
 * overdispersion-adjusted limits rather than the exact rule.
 */
public record FunnelResult(Map<String, FunnelFlag> flags, int units, double phi, double tau2, boolean adjusted) {
}
