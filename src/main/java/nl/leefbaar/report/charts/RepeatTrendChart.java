package nl.leefbaar.report.charts;

import java.awt.Color;
import java.time.YearMonth;
import java.util.List;

import nl.leefbaar.report.charts.Figures.MonthValue;
import nl.leefbaar.report.charts.Figures.RepeatTrend;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The headline repeat figure: dwelling_repeat_rate per month with its interval, and the
 * 12-month figure.
 */
final class RepeatTrendChart {

	static final String MONTHLY = "monthly";
	static final String TWELVE = "twelve";

	private RepeatTrendChart() {
	}

	/**
	 * Two series keyed MONTHLY and TWELVE; months without a value (incomplete look-back)
	 * are left out.
	 */
	static YIntervalSeriesCollection dataset(RepeatTrend trend) {
		YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
		dataset.addSeries(series(MONTHLY, trend.monthly()));
		dataset.addSeries(series(TWELVE, trend.twelveMonths()));
		return dataset;
	}

	private static YIntervalSeries series(String key, List<MonthValue> values) {
		YIntervalSeries series = new YIntervalSeries(key);
		for (MonthValue v : values) {
			if (v.value() != null) {
				double low = v.low() != null ? v.low() : v.value();
				double high = v.high() != null ? v.high() : v.value();
				series.add(RateTrendChart.month(v.month()).getFirstMillisecond(), v.value(), low, high);
			}
		}
		return series;
	}

	static JFreeChart chart(YIntervalSeriesCollection dataset, List<YearMonth> months, Labels labels, String title,
			String subtitle, String note, String source, ChartStyle.Medium medium) {
		NumberAxis share = new NumberAxis(labels.get("repeatTrend.axis"));
		share.setNumberFormatOverride(labels.percentFormat());
		share.setAutoRangeIncludesZero(true);
		DeviationRenderer renderer = new DeviationRenderer(true, true);
		renderer.setSeriesPaint(0, ChartStyle.BLUE);
		renderer.setSeriesFillPaint(0, new Color(0x56, 0xB4, 0xE9));
		renderer.setSeriesStroke(0, ChartStyle.line(2.4f));
		renderer.setSeriesShape(0, Shapes.circle(4.5));
		renderer.setSeriesPaint(1, ChartStyle.VERMILLION);
		renderer.setSeriesFillPaint(1, new Color(0, 0, 0, 0));
		renderer.setSeriesStroke(1, ChartStyle.dashed(2.4f));
		renderer.setSeriesShapesVisible(1, false);
		renderer.setAlpha(0.30f);
		renderer.setLegendItemLabelGenerator((data, series) -> labels
			.get(MONTHLY.equals(data.getSeriesKey(series)) ? "repeatTrend.monthly" : "repeatTrend.twelve"));
		DateAxis time = RateTrendChart.monthAxis(labels);
		// The whole 24 months, so that months left out for want of look-back show as a
		// gap.
		if (!months.isEmpty()) {
			time.setRange(RateTrendChart.month(months.get(0)).getFirstMillisecond() - 10L * 86_400_000,
					RateTrendChart.month(months.get(months.size() - 1)).getFirstMillisecond() + 10L * 86_400_000);
		}
		XYPlot plot = new XYPlot(dataset, time, share, renderer);
		JFreeChart chart = new JFreeChart(title, ChartStyle.titleFont(), plot, true);
		ChartStyle.decorate(chart, subtitle, note, source, medium);
		ChartStyle.noData(plot, labels.get("nodata"));
		return chart;
	}

}
