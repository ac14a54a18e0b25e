package nl.leefbaar.report.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import nl.leefbaar.report.charts.ChartStyle.Medium;
import nl.leefbaar.report.charts.Figures.RankItem;
import nl.leefbaar.report.charts.Figures.Ranking;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XIntervalSeries;
import org.jfree.data.xy.XIntervalSeriesCollection;

/**
 * Units of the scope ranked by 12-month rate, each with the expected range that decides
 * its flag (the 95 % funnel limits at its dwellings, overdispersion-adjusted where the
 * flags are) as a grey bar, and its value as a marker in the flag's colour and shape.
 */
final class RankingChart {

	static final int MAX_UNITS = 16;

	/**
	 * On a slide, the rows that fit with every name at 18 pt: all of them up to this
	 * many; beyond it the highest and lowest halves of {@link #MAX_SLIDE_UNITS_PARTIAL},
	 * which leaves room for the line saying so.
	 */
	static final int MAX_SLIDE_UNITS = 12;

	static final int MAX_SLIDE_UNITS_PARTIAL = 10;

	/** How many rows a slide shows of a ranking of this many. */
	static int slideUnits(int total) {
		return total <= MAX_SLIDE_UNITS ? MAX_SLIDE_UNITS : MAX_SLIDE_UNITS_PARTIAL;
	}

	static final List<String> GROUPS = List.of("in range", "none", "reduced", "low", "elevated", "high");
	static final String RANGE = "range";

	private RankingChart() {
	}

	/**
	 * The ranked units drawn (top and bottom halves when there are too many), highest
	 * first; series 0 is the expected ranges, then one series of values per flag.
	 */
	record Datasets(XIntervalSeriesCollection ranges, XIntervalSeriesCollection values, List<RankItem> shown,
			int total) {
	}

	static Datasets dataset(Ranking ranking) {
		return dataset(ranking, MAX_UNITS);
	}

	static Datasets dataset(Ranking ranking, int maxUnits) {
		List<RankItem> items = ranking.items();
		List<RankItem> shown = items;
		if (items.size() > maxUnits) {
			shown = new ArrayList<>(items.subList(0, maxUnits / 2));
			shown.addAll(items.subList(items.size() - maxUnits / 2, items.size()));
		}
		XIntervalSeries range = new XIntervalSeries(RANGE, false, true);
		XIntervalSeriesCollection values = new XIntervalSeriesCollection();
		for (int i = 0; i < shown.size(); i++) {
			RankItem item = shown.get(i);
			if (item.rangeLow() != null && item.rangeHigh() != null) {
				double mid = (item.rangeLow() + item.rangeHigh()) / 2;
				range.add(mid, item.rangeLow(), item.rangeHigh(), shown.size() - 1 - i);
			}
		}
		for (String group : GROUPS) {
			XIntervalSeries series = new XIntervalSeries(group, false, true);
			for (int i = 0; i < shown.size(); i++) {
				RankItem item = shown.get(i);
				if (group.equals(group(item))) {
					// Highest at the top: the first item gets the largest y.
					series.add(item.value(), item.value(), item.value(), shown.size() - 1 - i);
				}
			}
			values.addSeries(series);
		}
		XIntervalSeriesCollection ranges = new XIntervalSeriesCollection();
		ranges.addSeries(range);
		return new Datasets(ranges, values, shown, items.size());
	}

	static String group(RankItem item) {
		return item.flag() == null || !GROUPS.contains(item.flag()) ? "none" : item.flag();
	}

	static JFreeChart chart(Datasets data, Ranking ranking, Labels labels, String title, String subtitle, String source,
			Medium medium) {
		NumberAxis rate = new NumberAxis(labels.get("ranking.axis"));
		rate.setNumberFormatOverride(labels.numberFormat(0));
		rate.setAutoRangeIncludesZero(false);
		String[] names = new String[data.shown().size()];
		for (int i = 0; i < names.length; i++) {
			RankItem item = data.shown().get(names.length - 1 - i);
			names[i] = item.name() == null ? item.unitId() : item.name();
		}
		SymbolAxis units = new SymbolAxis(null, names);
		units.setGridBandsVisible(false);
		// every row named: no automatic thinning of the ticks
		units.setAutoTickUnitSelection(false);
		units.setTickUnit(new NumberTickUnit(1));
		units.setTickLabelFont(ChartStyle.regular(ChartStyle.MIN_FONT));
		units.setLowerMargin(0.02);
		units.setUpperMargin(0.02);

		XYErrorRenderer ranges = new XYErrorRenderer();
		ranges.setDrawXError(true);
		ranges.setDrawYError(false);
		ranges.setErrorStroke(new BasicStroke(12f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
		ranges.setCapLength(0);
		ranges.setErrorPaint(new Color(0xCC, 0xCC, 0xCC));
		// no mark at the range's middle; a grey bar in the legend
		ranges.setSeriesShapesVisible(0, true);
		ranges.setSeriesShape(0, new Rectangle2D.Double(0, 0, 0, 0));
		ranges.setLegendShape(0, new Rectangle2D.Double(-14, -6, 28, 12));
		ranges.setDefaultLinesVisible(false);
		ranges.setSeriesPaint(0, new Color(0xCC, 0xCC, 0xCC));
		ranges.setLegendItemLabelGenerator((d, s) -> labels.get("ranking.range"));

		XYErrorRenderer values = new XYErrorRenderer();
		values.setDrawXError(false);
		values.setDrawYError(false);
		values.setDefaultLinesVisible(false);
		for (int i = 0; i < GROUPS.size(); i++) {
			String flag = "none".equals(GROUPS.get(i)) ? null : GROUPS.get(i);
			values.setSeriesPaint(i, FlagStyle.colour(flag));
			values.setSeriesShape(i, FlagStyle.marker(flag, 8));
			values.setSeriesShapesFilled(i, !FlagStyle.hollow(flag));
			values.setSeriesOutlineStroke(i, ChartStyle.line(2.6f));
			values.setSeriesOutlinePaint(i, FlagStyle.colour(flag));
			values.setSeriesVisibleInLegend(i, data.values().getSeries(i).getItemCount() > 0);
		}
		values.setUseOutlinePaint(true);
		values.setDrawOutlines(true);
		values.setLegendItemLabelGenerator((d, s) -> {
			String key = (String) d.getSeriesKey(s);
			return labels.get("legend.count", labels.flag("none".equals(key) ? null : key), d.getItemCount(s));
		});

		XYPlot plot = new XYPlot(data.values(), rate, units, values);
		plot.setDataset(1, data.ranges());
		plot.setRenderer(1, ranges);
		plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
		plot.setRangeGridlinesVisible(false);
		if (ranking.reference() != null) {
			ValueMarker city = new ValueMarker(ranking.reference(), ChartStyle.BLACK, ChartStyle.dashed(1.6f));
			city.setLabel(labels.get("ranking.reference", labels.number(ranking.reference(), 1)));
			city.setLabelFont(ChartStyle.regular(ChartStyle.MIN_FONT));
			city.setLabelPaint(ChartStyle.BLACK);
			city.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
			city.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
			city.setLabelBackgroundColor(Color.WHITE);
			plot.addDomainMarker(city, Layer.FOREGROUND);
		}
		// each value written beside its mark, so the numbers of the title are on the
		// chart
		for (int i = 0; i < data.shown().size(); i++) {
			RankItem item = data.shown().get(i);
			XYTextAnnotation value = new XYTextAnnotation("   " + labels.number(item.value(), 1), item.value(),
					data.shown().size() - 1 - i);
			value.setFont(ChartStyle.regular(ChartStyle.MIN_FONT));
			value.setPaint(ChartStyle.BLACK);
			value.setTextAnchor(TextAnchor.HALF_ASCENT_LEFT);
			plot.addAnnotation(value);
		}
		rate.setUpperMargin(0.12);
		boolean partial = data.total() > data.shown().size();
		String note = partial
				? labels.get("ranking.shown", data.shown().size() / 2, data.shown().size() / 2, data.total())
				: labels.get("ranking.note");
		JFreeChart chart = new JFreeChart(title, ChartStyle.titleFont(), plot, true);
		// on a slide the speaker notes explain the bar, leaving the room to the rows;
		// that rows are left out is said on the slide itself
		ChartStyle.decorate(chart, subtitle, medium == Medium.SLIDE && !partial ? null : note, source, medium);
		ChartStyle.noData(plot, labels.get("nodata"));
		return chart;
	}

}
