/**
 * Seminar charts (outputs.md, "Seminar presenters"):
 * {@link nl.leefbaar.report.charts.ChartFigures} and
 * {@link nl.leefbaar.report.charts.TrendFigures} read the figures from the indicator
 * tables for the city, a neighbourhood or a set of complexes; one small class per chart
 * builds its dataset and its JFreeChart ({@code RateTrendChart},
 * {@code RepeatTrendChart}, {@code FunnelChart}, {@code RankingChart},
 * {@code EffectChart}, {@code ConcentrationChart});
 * {@link nl.leefbaar.report.charts.ChartImages} renders PNG and SVG;
 * {@link nl.leefbaar.report.charts.ChartRenderer} ties them together (and draws the
 * workbook's funnel image); {@code ChartsReportWriter} writes {@code <month>/charts/}.
 * Labels are in {@code i18n/charts*.properties}; the bundled DejaVu Sans is in
 * {@code fonts/}.
 */
package nl.leefbaar.report.charts;
