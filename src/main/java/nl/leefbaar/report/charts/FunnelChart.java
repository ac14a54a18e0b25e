package nl.leefbaar.report.charts;

import java.awt.Color;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import nl.leefbaar.indicators.stats.Interval;
import nl.leefbaar.report.charts.Figures.Funnel;
import nl.leefbaar.report.charts.Figures.FunnelPoint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Complexes' 12-month report rate against their dwellings, with the 95 % and 99.8 %
 * limits around the city's rate as smooth lines; colours are the stored flags, never a
 * comparison with the line.
 */
final class FunnelChart {

	/** Point series keys, in drawing order; OTHERS are complexes outside the scope. */
	static final List<String> GROUPS = List.of("others", "in range", "none", "reduced", "elevated", "low", "high");
	static final String AVERAGE = "average";
	static final int MAX_LABELS = 6;

	private static final Set<String> LABELLED_FLAGS = Set.of("high", "elevated", "low");

	private static final int LINE_POINTS = 160;

	private FunnelChart() {
	}

	record Datasets(XYSeriesCollection points, XYSeriesCollection limits, List<FunnelPoint> labelled,
			int flaggedUnlabelled) {
	}

	static Datasets dataset(Funnel funnel) {
		XYSeriesCollection points = new XYSeriesCollection();
		for (String group : GROUPS) {
			XYSeries series = new XYSeries(group, false, true);
			for (FunnelPoint p : funnel.points()) {
				if (group.equals(group(p))) {
					series.add(p.dwellings(), p.rate());
				}
			}
			points.addSeries(series);
		}
		XYSeriesCollection limits = limits(funnel);
		// Label the flagged complexes a manager must find: above the limits (high,
		// elevated) and far
		// below (low), the most extreme first, measured as distance from expectation in
		// Poisson SDs.
		// "reduced" complexes stay unnamed: they crowd together just above the axis,
		// where their
		// labels would cover each other; their marker says enough. Beyond MAX_LABELS the
		// note counts them.
		List<FunnelPoint> flagged = funnel.points()
			.stream()
			.filter(p -> p.inScope() && LABELLED_FLAGS.contains(p.flag()))
			.sorted(Comparator.comparingDouble((FunnelPoint p) -> -extremeness(p, funnel.reportsPerDwelling()))
				.thenComparing(FunnelPoint::complexId))
			.toList();
		List<FunnelPoint> labelled = flagged.subList(0, Math.min(MAX_LABELS, flagged.size()));
		return new Datasets(points, limits, labelled, flagged.size() - labelled.size());
	}

	static String group(FunnelPoint p) {
		if (!p.inScope()) {
			return "others";
		}
		return p.flag() == null || !GROUPS.contains(p.flag()) ? "none" : p.flag();
	}

	private static double extremeness(FunnelPoint p, double perDwelling) {
		double expected = perDwelling * p.dwellings();
		return expected > 0 ? Math.abs(p.reports() - expected) / Math.sqrt(expected) : 0;
	}

	/**
	 * The four limit lines and the average, evaluated on a grid dense at small sizes
	 * (sqrt spacing).
	 */
	static XYSeriesCollection limits(Funnel funnel) {
		XYSeriesCollection limits = new XYSeriesCollection();
		double tau2 = funnel.adjusted() && funnel.tau2() != null ? funnel.tau2() : 0;
		double min = funnel.points().stream().mapToDouble(FunnelPoint::dwellings).min().orElse(0);
		double max = funnel.points().stream().mapToDouble(FunnelPoint::dwellings).max().orElse(0);
		XYSeries low998 = new XYSeries("998low", false, true);
		XYSeries low95 = new XYSeries("95low", false, true);
		XYSeries high95 = new XYSeries("95high", false, true);
		XYSeries high998 = new XYSeries("998high", false, true);
		XYSeries average = new XYSeries(AVERAGE, false, true);
		if (funnel.reportsPerDwelling() > 0 && max > 0) {
			double from = Math.sqrt(Math.max(1, min * 0.9));
			double to = Math.sqrt(max * 1.02);
			for (int i = 0; i <= LINE_POINTS; i++) {
				double s = from + (to - from) * i / LINE_POINTS;
				double dwellings = s * s;
				double expected = funnel.reportsPerDwelling() * dwellings;
				Interval l95 = FunnelLimits.poissonLimits(expected, 0.95, tau2);
				Interval l998 = FunnelLimits.poissonLimits(expected, 0.998, tau2);
				double scale = 100 / dwellings;
				low998.add(dwellings, l998.low() * scale);
				low95.add(dwellings, l95.low() * scale);
				high95.add(dwellings, l95.high() * scale);
				high998.add(dwellings, l998.high() * scale);
				average.add(dwellings, funnel.reportsPerDwelling() * 100);
			}
		}
		limits.addSeries(high95);
		limits.addSeries(high998);
		limits.addSeries(average);
		limits.addSeries(low95);
		limits.addSeries(low998);
		return limits;
	}

	static JFreeChart chart(Datasets data, Funnel funnel, Labels labels, String title, String subtitle, String note,
			String source, ChartStyle.Medium medium) {
		NumberAxis dwellings = new NumberAxis(labels.get("funnel.xaxis"));
		dwellings.setNumberFormatOverride(labels.numberFormat(0));
		dwellings.setAutoRangeIncludesZero(true);
		NumberAxis rate = new NumberAxis(labels.get("funnel.yaxis"));
		rate.setNumberFormatOverride(labels.numberFormat(0));
		rate.setAutoRangeIncludesZero(true);
		// The 99.8 % line rises steeply at tiny complexes; the axis follows the points,
		// not the line.
		double top = funnel.points().stream().mapToDouble(FunnelPoint::rate).max().orElse(0);
		if (top > 0) {
			// a little below 0, so that the marks of complexes without reports are whole
			rate.setRange(-top * 0.035, top * 1.08);
		}

		XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
		// Outlines only where a shape is hollow (elevated, reduced); the many plain dots
		// stay filled marks without outlines, half the drawing work (and SVG size).
		dots.setDrawOutlines(true);
		for (int i = 0; i < GROUPS.size(); i++) {
			String group = GROUPS.get(i);
			String flag = "none".equals(group) || "others".equals(group) ? null : group;
			boolean flagged = flag != null && !"in range".equals(flag);
			dots.setSeriesPaint(i, "others".equals(group) ? ChartStyle.LIGHT_GREY : FlagStyle.colour(flag));
			dots.setSeriesShape(i, flagged ? FlagStyle.marker(flag, 6.5) : Shapes.circle(3.2));
			dots.setSeriesShapesFilled(i, !FlagStyle.hollow(flag));
			dots.setSeriesOutlinePaint(i, FlagStyle.colour(flag));
			dots.setSeriesOutlineStroke(i, ChartStyle.line(2.2f));
			dots.setSeriesVisibleInLegend(i, data.points().getSeries(i).getItemCount() > 0);
		}
		dots.setUseOutlinePaint(true);
		dots.setLegendItemLabelGenerator((d, s) -> {
			String key = (String) d.getSeriesKey(s);
			String name = "others".equals(key) ? labels.get("funnel.others")
					: labels.flag("none".equals(key) ? null : key);
			return labels.get("legend.count", name, d.getItemCount(s));
		});

		XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
		// One path per line, so that the dash pattern runs on instead of restarting per
		// segment.
		lines.setDrawSeriesLineAsPath(true);
		// high95, high998, average, low95, low998; only one legend entry per pair.
		lines.setSeriesPaint(0, ChartStyle.BLACK);
		lines.setSeriesStroke(0, ChartStyle.dashed(1.6f));
		lines.setSeriesPaint(1, ChartStyle.BLACK);
		lines.setSeriesStroke(1, ChartStyle.line(1.6f));
		lines.setSeriesPaint(2, ChartStyle.TEXT_GREY);
		lines.setSeriesStroke(2, ChartStyle.dotted(1.8f));
		lines.setSeriesPaint(3, ChartStyle.BLACK);
		lines.setSeriesStroke(3, ChartStyle.dashed(1.6f));
		lines.setSeriesPaint(4, ChartStyle.BLACK);
		lines.setSeriesStroke(4, ChartStyle.line(1.6f));
		// the lines carry their names on the plot, so the legend is one row of flags
		for (int i = 0; i < 5; i++) {
			lines.setSeriesVisibleInLegend(i, false);
		}

		XYPlot plot = new XYPlot(data.points(), dwellings, rate, dots);
		plot.setDataset(1, data.limits());
		plot.setRenderer(1, lines);
		plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
		// Series in GROUPS order: grey complexes outside the scope first, flagged ones on
		// top.
		plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
		double right = funnel.points().stream().mapToDouble(FunnelPoint::dwellings).max().orElse(0) * 1.04;
		if (right > 0) {
			dwellings.setRange(0, right);
		}
		XYSeriesCollection limits = data.limits();
		plot.addAnnotation(
				new FunnelLabels(
						FunnelLabels.names(data.labelled()), FunnelLabels.lineNames(limits.getSeries(1),
								limits.getSeries(0), limits.getSeries(2), labels, funnel.reportsPerDwelling() * 100),
						data.points(), limits),
				false);

		JFreeChart chart = new JFreeChart(title, ChartStyle.titleFont(), plot, true);
		ChartStyle.decorate(chart, subtitle, medium == ChartStyle.Medium.SLIDE ? null : note, source, medium);
		ChartStyle.noData(plot, labels.get("nodata"));
		return chart;
	}

}
