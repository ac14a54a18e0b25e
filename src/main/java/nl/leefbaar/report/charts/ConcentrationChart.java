package nl.leefbaar.report.charts;

import nl.leefbaar.report.charts.Figures.Concentration;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Share of reports against share of complexes, most reports first, against the
 * equal-spread diagonal.
 */
final class ConcentrationChart {

	static final String CURVE = "curve";
	static final String EQUAL = "equal";

	/**
	 * More points than this add nothing visible but bloat the SVG; the curve is thinned
	 * evenly.
	 */
	static final int MAX_POINTS = 1000;

	private ConcentrationChart() {
	}

	static XYSeriesCollection dataset(Concentration concentration) {
		XYSeries curve = new XYSeries(CURVE, false, false);
		int n = concentration.complexShare().length;
		int step = Math.max(1, (n - 1) / MAX_POINTS);
		int top10 = concentration.complexes() > 0 ? (int) Math.ceil(0.10 * concentration.complexes()) : 0;
		for (int i = 0; i < n; i++) {
			if (i % step == 0 || i == n - 1 || i == top10) {
				curve.add(concentration.complexShare()[i], concentration.reportShare()[i]);
			}
		}
		XYSeries equal = new XYSeries(EQUAL, false, false);
		equal.add(0, 0);
		equal.add(1, 1);
		XYSeriesCollection dataset = new XYSeriesCollection();
		if (concentration.reports() > 0) {
			dataset.addSeries(curve);
			dataset.addSeries(equal);
		}
		return dataset;
	}

	static JFreeChart chart(XYSeriesCollection dataset, Concentration concentration, Labels labels, String title,
			String subtitle, String source, ChartStyle.Medium medium) {
		NumberAxis complexes = new NumberAxis(labels.get("concentration.xaxis"));
		complexes.setNumberFormatOverride(labels.percentFormat());
		complexes.setRange(0, 1);
		NumberAxis reports = new NumberAxis(labels.get("concentration.yaxis"));
		reports.setNumberFormatOverride(labels.percentFormat());
		reports.setRange(0, 1.02);
		XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
		renderer.setSeriesPaint(0, ChartStyle.BLUE);
		renderer.setSeriesStroke(0, ChartStyle.line(3f));
		renderer.setSeriesPaint(1, ChartStyle.GREY);
		renderer.setSeriesStroke(1, ChartStyle.dashed(1.6f));
		renderer.setLegendItemLabelGenerator(
				(d, s) -> labels.get(CURVE.equals(d.getSeriesKey(s)) ? "concentration.curve" : "concentration.equal"));
		XYPlot plot = new XYPlot(dataset, complexes, reports, renderer);
		if (concentration.top10Share() != null && concentration.complexes() > 0) {
			double x = Math.ceil(0.10 * concentration.complexes()) / concentration.complexes();
			String text = concentration.top10DwellingShare() == null
					? labels.get("concentration.top10", labels.percent(concentration.top10Share(), 0))
					: labels.get("concentration.top10.dwellings", labels.percent(concentration.top10Share(), 0),
							labels.percent(concentration.top10DwellingShare(), 0));
			XYPointerAnnotation top = new XYPointerAnnotation(text, x, concentration.top10Share(), Math.PI / 4);
			top.setFont(ChartStyle.bold(ChartStyle.MIN_FONT));
			top.setPaint(ChartStyle.BLACK);
			top.setArrowPaint(ChartStyle.BLACK);
			top.setBaseRadius(60);
			top.setTipRadius(5);
			top.setTextAnchor(TextAnchor.TOP_LEFT);
			plot.addAnnotation(top);
		}
		JFreeChart chart = new JFreeChart(title, ChartStyle.titleFont(), plot, true);
		ChartStyle.decorate(chart, subtitle, null, source, medium);
		ChartStyle.noData(plot, labels.get("nodata"));
		return chart;
	}

}
