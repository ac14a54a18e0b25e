package nl.leefbaar.report.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import nl.leefbaar.report.charts.Figures.RankItem;
import nl.leefbaar.report.charts.Figures.Ranking;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XIntervalSeries;
import org.jfree.data.xy.XIntervalSeriesCollection;

/**
 * Units of the scope ranked by 12-month rate, each with its 95 % interval; colour =
 * funnel flag.
 */
final class RankingChart {

	static final int MAX_UNITS = 24;
	static final List<String> GROUPS = List.of("in range", "none", "reduced", "low", "elevated", "high");

	private RankingChart() {
	}

	/**
	 * The ranked units drawn (top and bottom halves when there are too many), highest
	 * first.
	 */
	record Datasets(XIntervalSeriesCollection intervals, List<RankItem> shown, int total) {
	}

	static Datasets dataset(Ranking ranking) {
		List<RankItem> items = ranking.items();
		List<RankItem> shown = items;
		if (items.size() > MAX_UNITS) {
			shown = new ArrayList<>(items.subList(0, MAX_UNITS / 2));
			shown.addAll(items.subList(items.size() - MAX_UNITS / 2, items.size()));
		}
		XIntervalSeriesCollection dataset = new XIntervalSeriesCollection();
		for (String group : GROUPS) {
			XIntervalSeries series = new XIntervalSeries(group, false, true);
			for (int i = 0; i < shown.size(); i++) {
				RankItem item = shown.get(i);
				if (group.equals(group(item))) {
					double low = item.low() != null ? item.low() : item.value();
					double high = item.high() != null ? item.high() : item.value();
					// Highest at the top: the first item gets the largest y.
					series.add(item.value(), low, high, shown.size() - 1 - i);
				}
			}
			dataset.addSeries(series);
		}
		return new Datasets(dataset, shown, items.size());
	}

	private static String group(RankItem item) {
		return item.flag() == null || !GROUPS.contains(item.flag()) ? "none" : item.flag();
	}

	static JFreeChart chart(Datasets data, Ranking ranking, Labels labels, String subtitle, String source) {
		NumberAxis rate = new NumberAxis(labels.get("ranking.axis"));
		rate.setNumberFormatOverride(labels.numberFormat(0));
		// A dot plot of intervals: the axis follows the intervals, it need not start at
		// zero.
		rate.setAutoRangeIncludesZero(false);
		String[] names = new String[data.shown().size()];
		for (int i = 0; i < names.length; i++) {
			RankItem item = data.shown().get(names.length - 1 - i);
			String name = item.name() == null ? item.unitId() : item.name();
			names[i] = name.length() > 28 ? name.substring(0, 27) + "…" : name;
		}
		SymbolAxis units = new SymbolAxis(null, names);
		units.setGridBandsVisible(false);
		units.setTickLabelFont(ChartStyle.regular(names.length > 16 ? 10f : 11.5f));
		units.setLowerMargin(0.02);
		units.setUpperMargin(0.02);

		XYErrorRenderer renderer = new XYErrorRenderer();
		renderer.setDrawXError(true);
		renderer.setDrawYError(false);
		renderer.setErrorStroke(ChartStyle.line(1.6f));
		renderer.setCapLength(5);
		Color[] paints = { ChartStyle.GREY, ChartStyle.GREY, ChartStyle.SKY_BLUE, ChartStyle.BLUE, ChartStyle.ORANGE,
				ChartStyle.VERMILLION };
		for (int i = 0; i < GROUPS.size(); i++) {
			renderer.setSeriesPaint(i, paints[i]);
			renderer.setSeriesShape(i, switch (GROUPS.get(i)) {
				case "high", "elevated" -> Shapes.up(4);
				case "low", "reduced" -> Shapes.down(4);
				default -> Shapes.circle(3.5);
			});
			renderer.setSeriesVisibleInLegend(i, data.intervals().getSeries(i).getItemCount() > 0);
		}
		renderer.setErrorPaint(null);
		renderer.setDefaultLinesVisible(false);
		renderer.setLegendItemLabelGenerator((d, s) -> {
			String key = (String) d.getSeriesKey(s);
			return labels.flag("none".equals(key) ? null : key);
		});

		XYPlot plot = new XYPlot(data.intervals(), rate, units, renderer);
		plot.setOrientation(org.jfree.chart.plot.PlotOrientation.VERTICAL);
		plot.setRangeGridlinesVisible(false);
		if (ranking.reference() != null) {
			ValueMarker city = new ValueMarker(ranking.reference(), ChartStyle.TEXT_GREY, ChartStyle.dashed(1.4f));
			city.setLabel(labels.get("ranking.reference", labels.number(ranking.reference(), 1)));
			city.setLabelFont(ChartStyle.regular(10.5f));
			city.setLabelPaint(ChartStyle.TEXT_GREY);
			city.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
			city.setLabelTextAnchor(TextAnchor.TOP_LEFT);
			city.setLabelBackgroundColor(java.awt.Color.WHITE);
			plot.addDomainMarker(city, Layer.BACKGROUND);
		}
		String title = labels
			.get("neighbourhood".equals(ranking.level()) ? "ranking.title.neighbourhoods" : "ranking.title.complexes");
		String note = data.total() > data.shown().size()
				? labels.get("ranking.shown", MAX_UNITS / 2, MAX_UNITS / 2, data.total()) : null;
		JFreeChart chart = new JFreeChart(title, ChartStyle.bold(20f), plot, true);
		ChartStyle.decorate(chart, subtitle, note, source);
		ChartStyle.noData(plot, labels.get("nodata"));
		return chart;
	}

}
