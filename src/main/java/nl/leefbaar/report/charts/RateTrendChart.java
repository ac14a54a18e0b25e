package nl.leefbaar.report.charts;

import java.text.SimpleDateFormat;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import nl.leefbaar.domain.Category;
import nl.leefbaar.report.charts.Figures.MonthValue;
import nl.leefbaar.report.charts.Figures.RateTrend;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.Month;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/** Monthly reports per 100 dwellings, one line per category, 24 months. */
final class RateTrendChart {

	private RateTrendChart() {
	}

	/**
	 * One series per category code that has any value; a missing month is a gap (null).
	 */
	static TimeSeriesCollection dataset(RateTrend trend) {
		TimeSeriesCollection dataset = new TimeSeriesCollection();
		for (Map.Entry<String, List<MonthValue>> entry : trend.byCategory().entrySet()) {
			if (Category.ALL.equals(entry.getKey()) || entry.getValue().stream().allMatch(v -> v.value() == null)) {
				continue;
			}
			TimeSeries series = new TimeSeries(entry.getKey());
			for (MonthValue v : entry.getValue()) {
				series.add(month(v.month()), v.value());
			}
			dataset.addSeries(series);
		}
		return dataset;
	}

	static Month month(YearMonth m) {
		return new Month(m.getMonthValue(), m.getYear());
	}

	static JFreeChart chart(TimeSeriesCollection dataset, Labels labels, String title, String subtitle, String note,
			String source, ChartStyle.Medium medium) {
		DateAxis time = monthAxis(labels);
		NumberAxis rate = new NumberAxis(labels.get("rateTrend.axis"));
		rate.setNumberFormatOverride(labels.numberFormat(1));
		rate.setAutoRangeIncludesZero(true);
		XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
		for (int i = 0; i < dataset.getSeriesCount(); i++) {
			renderer.setSeriesPaint(i, ChartStyle.SERIES[i % ChartStyle.SERIES.length]);
			renderer.setSeriesStroke(i, ChartStyle.line(2.2f));
			renderer.setSeriesShape(i, Shapes.series(i, 4.5));
		}
		renderer.setLegendItemLabelGenerator((data, series) -> labels.category((String) data.getSeriesKey(series)));
		XYPlot plot = new XYPlot(dataset, time, rate, renderer);
		JFreeChart chart = new JFreeChart(title, ChartStyle.titleFont(), plot, true);
		ChartStyle.decorate(chart, subtitle, note, source, medium);
		ChartStyle.noData(plot, labels.get("nodata"));
		return chart;
	}

	static DateAxis monthAxis(Labels labels) {
		DateAxis time = new DateAxis(null);
		time.setDateFormatOverride(new SimpleDateFormat("MMM yyyy", labels.locale()));
		time.setTickUnit(new DateTickUnit(DateTickUnitType.MONTH, 4));
		time.setLowerMargin(0.01);
		time.setUpperMargin(0.01);
		return time;
	}

}
