package nl.leefbaar.indicators.stats;

import java.util.Map;

/**
 * A complex's index components in the reference year; a missing figure is absent or null.
 */
public record IndexFigures(double dwellings, Map<IndexComponent, Double> figures) {
}
