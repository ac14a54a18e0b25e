package nl.leefbaar.report.charts;

import java.util.List;

import nl.leefbaar.report.charts.Figures.Effect;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XIntervalSeries;
import org.jfree.data.xy.XIntervalSeriesCollection;

/**
 * Pooled before/after rate ratio per activity type with its 95 % interval, next to the
 * comparison group's ratio: the raw figure overstates the effect when activities follow a
 * peak.
 */
final class EffectChart {

	static final String ACTIVITY = "activity";
	static final String COMPARISON = "comparison";

	/** Drawing limits: an infinite upper limit is drawn to the ceiling. */
	static final double FLOOR = 0;
	static final double CEILING = 4;

	private EffectChart() {
	}

	record Datasets(XIntervalSeriesCollection ratios, List<Effect> shown) {
	}

	static Datasets dataset(List<Effect> effects) {
		List<Effect> shown = effects.stream().filter(e -> e.ratio() != null).toList();
		XIntervalSeries activity = new XIntervalSeries(ACTIVITY, false, true);
		XIntervalSeries comparison = new XIntervalSeries(COMPARISON, false, true);
		for (int i = 0; i < shown.size(); i++) {
			Effect e = shown.get(i);
			double y = shown.size() - 1 - i;
			double low = e.low() != null ? Math.max(FLOOR, e.low()) : e.ratio();
			double high = e.high() != null && Double.isFinite(e.high()) ? Math.min(CEILING, e.high()) : CEILING;
			activity.add(e.ratio(), low, high, y + 0.12);
			if (e.comparisonRatio() != null) {
				double c = e.comparisonRatio();
				comparison.add(c, c, c, y - 0.12);
			}
		}
		XIntervalSeriesCollection dataset = new XIntervalSeriesCollection();
		dataset.addSeries(activity);
		dataset.addSeries(comparison);
		return new Datasets(dataset, shown);
	}

	static JFreeChart chart(Datasets data, Labels labels, String subtitle, String source) {
		// A linear axis from 0: "0,7 = 30 % fewer" reads more easily for a hall than a
		// log scale.
		NumberAxis ratio = new NumberAxis(labels.get("effect.axis"));
		ratio.setNumberFormatOverride(labels.numberFormat(1));

		double max = 1.5;
		for (int s = 0; s < data.ratios().getSeriesCount(); s++) {
			for (int i = 0; i < data.ratios().getItemCount(s); i++) {

				max = Math.max(max, data.ratios().getEndXValue(s, i));
			}
		}
		ratio.setRange(0, max * 1.08);
		String[] names = new String[data.shown().size()];
		for (int i = 0; i < names.length; i++) {
			Effect e = data.shown().get(names.length - 1 - i);
			names[i] = labels.get("effect.label", labels.activity(e.type()), e.before(), e.after());
		}
		SymbolAxis types = new SymbolAxis(null, names);
		types.setGridBandsVisible(false);
		types.setTickLabelFont(ChartStyle.regular(12f));
		types.setLowerMargin(0.1);
		types.setUpperMargin(0.1);

		XYErrorRenderer renderer = new XYErrorRenderer();
		renderer.setDrawXError(true);
		renderer.setDrawYError(false);
		renderer.setErrorStroke(ChartStyle.line(2f));
		renderer.setCapLength(6);
		renderer.setErrorPaint(null);
		renderer.setDefaultLinesVisible(false);
		renderer.setSeriesPaint(0, ChartStyle.BLUE);
		renderer.setSeriesShape(0, Shapes.circle(4.5));
		renderer.setSeriesPaint(1, ChartStyle.ORANGE);
		renderer.setSeriesShape(1, Shapes.diamond(4.5));
		renderer.setLegendItemLabelGenerator(
				(d, s) -> labels.get(ACTIVITY.equals(d.getSeriesKey(s)) ? "effect.activity" : "effect.comparison"));

		XYPlot plot = new XYPlot(data.ratios(), ratio, types, renderer);
		plot.setRangeGridlinesVisible(false);
		plot.addDomainMarker(new ValueMarker(1, ChartStyle.BLACK, ChartStyle.line(1.2f)), Layer.BACKGROUND);
		JFreeChart chart = new JFreeChart(labels.get("effect.title"), ChartStyle.bold(20f), plot, true);
		ChartStyle.decorate(chart, subtitle, labels.get("effect.note"), source);
		ChartStyle.noData(plot, labels.get("nodata"));
		return chart;
	}

}
