package nl.leefbaar.report.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import nl.leefbaar.report.charts.ChartStyle.Medium;
import nl.leefbaar.report.charts.Figures.Effect;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XIntervalSeries;
import org.jfree.data.xy.XIntervalSeriesCollection;

/**
 * Per activity type, the answer first: the effect against the comparison group with its
 * 95 % interval (black diamond, value written beside it), then the raw before/after ratio
 * (blue) and the comparison group's ratio (orange) it is made of. Ratios on a log axis
 * centred on 1, so that half as many and twice as many lie equally far from "no change".
 */
final class EffectChart {

	static final String EFFECT = "effect";
	static final String ACTIVITY = "activity";
	static final String COMPARISON = "comparison";

	/** Drawing limits of the log axis: an infinite or zero limit is drawn to the edge. */
	static final double FLOOR = 0.25;
	static final double CEILING = 4;

	private EffectChart() {
	}

	record Datasets(XIntervalSeriesCollection ratios, List<Effect> shown) {
	}

	static Datasets dataset(List<Effect> effects) {
		List<Effect> shown = effects.stream().filter(e -> e.ratio() != null).toList();
		XIntervalSeries effect = new XIntervalSeries(EFFECT, false, true);
		XIntervalSeries activity = new XIntervalSeries(ACTIVITY, false, true);
		XIntervalSeries comparison = new XIntervalSeries(COMPARISON, false, true);
		for (int i = 0; i < shown.size(); i++) {
			Effect e = shown.get(i);
			double y = shown.size() - 1 - i;
			if (e.effectVsComparison() != null && e.effectVsComparison() > 0) {
				double v = clamp(e.effectVsComparison());
				effect.add(v, e.effectLow() != null ? clamp(e.effectLow()) : v,
						e.effectHigh() != null ? clamp(e.effectHigh()) : v, y + 0.22);
			}
			if (e.ratio() > 0) {
				double low = e.low() != null ? clamp(e.low()) : clamp(e.ratio());
				double high = e.high() != null && Double.isFinite(e.high()) ? clamp(e.high()) : CEILING;
				activity.add(clamp(e.ratio()), low, high, y - 0.05);
			}
			if (e.comparisonRatio() != null && e.comparisonRatio() > 0) {
				double c = clamp(e.comparisonRatio());
				comparison.add(c, c, c, y - 0.25);
			}
		}
		XIntervalSeriesCollection dataset = new XIntervalSeriesCollection();
		dataset.addSeries(effect);
		dataset.addSeries(activity);
		dataset.addSeries(comparison);
		return new Datasets(dataset, shown);
	}

	private static double clamp(double ratio) {
		return Math.max(FLOOR, Math.min(CEILING, ratio));
	}

	/** "27 % minder" / "12 % meer" / "geen verschil" for a ratio. */
	static String effectWords(double ratio, Labels labels) {
		long percent = Math.round(Math.abs(ratio - 1) * 100);
		if (percent == 0) {
			return labels.get("effect.same");
		}
		return labels.get(ratio < 1 ? "effect.fewer" : "effect.more", percent);
	}

	/**
	 * The interval in words: "17 tot 36 % minder", or across 1: "18 % minder tot 5 %
	 * meer".
	 */
	static String intervalWords(double low, double high, Labels labels) {
		long lowPercent = Math.round(Math.abs(low - 1) * 100);
		long highPercent = Math.round(Math.abs(high - 1) * 100);
		if (high < 1) {
			return labels.get("effect.interval.fewer", highPercent, lowPercent);
		}
		if (low > 1) {
			return labels.get("effect.interval.more", lowPercent, highPercent);
		}
		return labels.get("effect.interval.across", lowPercent, highPercent);
	}

	static JFreeChart chart(Datasets data, Labels labels, String title, String subtitle, String source, Medium medium) {
		LogAxis ratio = new RatioAxis(labels.get("effect.axis"), labels);
		ratio.setSmallestValue(FLOOR);
		double spread = 1.25;
		for (Effect e : data.shown()) {
			for (Double v : new Double[] { e.ratio(), e.low(), e.high(), e.comparisonRatio(), e.effectVsComparison(),
					e.effectLow(), e.effectHigh() }) {
				if (v != null && v > 0 && Double.isFinite(v)) {
					spread = Math.max(spread, Math.max(clamp(v), 1 / clamp(v)));
				}
			}
		}
		// centred on 1: as far out on the left as on the right, plus room for the labels
		spread = Math.min(CEILING, Math.max(1.6, spread * 1.5));
		ratio.setRange(1 / spread, spread);
		String[] names = new String[data.shown().size()];
		for (int i = 0; i < names.length; i++) {
			Effect e = data.shown().get(names.length - 1 - i);
			names[i] = labels.activity(e.type());
		}
		SymbolAxis types = new SymbolAxis(null, names);
		types.setGridBandsVisible(false);
		types.setTickLabelFont(ChartStyle.bold(ChartStyle.MIN_FONT));
		types.setLowerMargin(0.1);
		types.setUpperMargin(0.1);

		XYErrorRenderer renderer = new XYErrorRenderer();
		renderer.setDrawXError(true);
		renderer.setDrawYError(false);
		renderer.setErrorStroke(ChartStyle.line(2.4f));
		renderer.setCapLength(8);
		renderer.setErrorPaint(null);
		renderer.setDefaultLinesVisible(false);
		renderer.setSeriesPaint(0, ChartStyle.BLACK);
		renderer.setSeriesShape(0, Shapes.diamond(8));
		renderer.setSeriesPaint(1, ChartStyle.BLUE);
		renderer.setSeriesShape(1, Shapes.circle(5.5));
		renderer.setSeriesPaint(2, ChartStyle.ORANGE);
		renderer.setSeriesShape(2, Shapes.square(5));
		renderer.setLegendItemLabelGenerator((d, s) -> labels.get(switch ((String) d.getSeriesKey(s)) {
			case EFFECT -> "effect.net";
			case ACTIVITY -> "effect.activity";
			default -> "effect.comparison";
		}));

		XYPlot plot = new XYPlot(data.ratios(), ratio, types, renderer);
		plot.setRangeGridlinesVisible(false);
		plot.addDomainMarker(new ValueMarker(1, ChartStyle.BLACK, ChartStyle.line(1.4f)), Layer.BACKGROUND);
		List<EffectLabels.Row> words = new ArrayList<>();
		for (int i = 0; i < data.shown().size(); i++) {
			Effect e = data.shown().get(i);
			if (e.effectVsComparison() == null) {
				continue;
			}
			String effect = effectWords(e.effectVsComparison(), labels);
			String text = effect;
			if (e.effectLow() != null && e.effectHigh() != null) {
				text += " (" + intervalWords(e.effectLow(), e.effectHigh(), labels) + ")";
			}
			// on the effect's line, on the side of 1 the effect is not on where there is
			// room
			words.add(
					new EffectLabels.Row(text, effect, data.shown().size() - 1 - i + 0.22, e.effectVsComparison() < 1));
		}
		plot.addAnnotation(new EffectLabels(words, data.ratios()), false);
		JFreeChart chart = new JFreeChart(title, ChartStyle.titleFont(), plot, true);
		ChartStyle.decorate(chart, subtitle, medium == Medium.SLIDE ? null : labels.get("effect.note"), source, medium);
		ChartStyle.noData(plot, labels.get("nodata"));
		return chart;
	}

	/**
	 * A log axis with ticks at ratios a reader knows: 0,5 0,67 0,8 1 1,25 1,5 2 (and
	 * 0,25, 3, 4 when the range reaches them).
	 */
	static final class RatioAxis extends LogAxis {

		private static final double[] TICKS = { 0.25, 0.33, 0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 3, 4 };

		private final transient Labels labels;

		RatioAxis(String label, Labels labels) {
			super(label);
			this.labels = labels;
		}

		@Override
		protected List<ValueTick> refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
			List<ValueTick> ticks = new ArrayList<>();
			for (double t : TICKS) {
				if (t >= getLowerBound() && t <= getUpperBound()) {
					ticks.add(new NumberTick(t, labels.number(t, t == 1 ? 0 : 2), TextAnchor.TOP_CENTER,
							TextAnchor.CENTER, 0));
				}
			}
			return ticks;
		}

	}

}
