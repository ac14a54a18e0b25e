package nl.leefbaar.report.excel;

import java.util.List;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.PresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFPresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.DisplayBlanks;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xddf.usermodel.text.XDDFTextParagraph;
import org.apache.poi.xddf.usermodel.text.XDDFTextRun;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Native Excel charts (XDDF), so that a manager can restyle them; their series point at
 * cell ranges of the workbook's own tables and carry cached values, so LibreOffice shows
 * them too. Colours: Okabe-Ito, distinguishable with the common colour-vision
 * deficiencies.
 */
final class Charts {

	static final byte[][] PALETTE = Palette.SERIES;

	/**
	 * One series: its name and the column range of its values; a reference series (the
	 * city beside an owner's figure) is drawn dashed.
	 */
	record Series(String title, XSSFSheet sheet, CellRangeAddress values, boolean reference) {

		Series(String title, XSSFSheet sheet, CellRangeAddress values) {
			this(title, sheet, values, false);
		}

	}

	/** Where a chart goes on its sheet: columns and rows of its corners. */
	record Place(int firstColumn, int firstRow, int lastColumn, int lastRow) {
	}

	/**
	 * Markers, one shape a series, so that the lines differ in more than colour
	 * (outputs.md: colour is never the only signal).
	 */
	private static final MarkerStyle[] MARKERS = { MarkerStyle.CIRCLE, MarkerStyle.SQUARE, MarkerStyle.TRIANGLE,
			MarkerStyle.DIAMOND, MarkerStyle.X, MarkerStyle.STAR, MarkerStyle.PLUS, MarkerStyle.DASH };

	private Charts() {
	}

	/**
	 * A line chart over months: the categories are the months' date cells (monthCells,
	 * shown as "nov 2024") with the months as words in the cache, the values cell ranges;
	 * an empty cell is a gap, never 0; a share axis runs from 0 to 100 %.
	 */
	static XSSFChart line(XSSFSheet sheet, Place place, String title, String[] months, String monthCells,
			List<Series> series, String valueFormat, boolean shareAxis, boolean firstIsTotal) {
		XSSFChart chart = chart(sheet, place, title);
		chart.displayBlanksAs(DisplayBlanks.GAP);
		XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
		XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
		y.setCrosses(AxisCrosses.AUTO_ZERO);
		y.setNumberFormat(valueFormat);
		if (shareAxis) {
			y.setMinimum(0);
			y.setMaximum(1);
		}
		gridLines(y);
		XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
		data.setVaryColors(false);
		XDDFDataSource<String> xs = XDDFDataSourcesFactory.fromArray(months, monthCells);
		int own = 0;
		for (Series s : series) {
			XDDFNumericalDataSource<Double> ys = XDDFDataSourcesFactory.fromNumericCellRange(s.sheet(), s.values());
			XDDFLineChartData.Series line = (XDDFLineChartData.Series) data.addSeries(xs, ys);
			line.setTitle(s.title(), null);
			line.setSmooth(false);
			if (s.reference()) {
				line.setMarkerStyle(MarkerStyle.NONE);
				line.setShapeProperties(lineShape(Palette.NEUTRAL, 2.0, true));
				continue;
			}
			// the total is the thick black line; categories take the Okabe-Ito colours
			// after black, each with its own marker
			int colour = firstIsTotal ? own : own + 1;
			line.setMarkerStyle(MARKERS[own % MARKERS.length]);
			line.setShapeProperties(
					lineShape(PALETTE[colour % PALETTE.length], firstIsTotal && own == 0 ? 2.75 : 1.5, false));
			own++;
		}
		chart.plot(data);
		return chart;
	}

	static XSSFChart bars(XSSFSheet sheet, Place place, String title, XSSFSheet categorySheet,
			CellRangeAddress categories, List<Series> series, String valueFormat) {
		XSSFChart chart = chart(sheet, place, title);
		XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
		XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
		y.setCrosses(AxisCrosses.AUTO_ZERO);
		y.setNumberFormat(valueFormat);
		gridLines(y);
		XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
		data.setBarDirection(BarDirection.COL);
		data.setVaryColors(false);
		XDDFDataSource<String> xs = XDDFDataSourcesFactory.fromStringCellRange(categorySheet, categories);
		byte[][] colours = { Palette.BLUE, Palette.rgb(0xb0, 0xb0, 0xb0) };
		for (int i = 0; i < series.size(); i++) {
			Series s = series.get(i);
			XDDFBarChartData.Series bar = (XDDFBarChartData.Series) data.addSeries(xs,
					XDDFDataSourcesFactory.fromNumericCellRange(s.sheet(), s.values()));
			bar.setTitle(s.title(), null);
			XDDFShapeProperties shape = new XDDFShapeProperties();
			shape.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(colours[i % colours.length])));
			bar.setShapeProperties(shape);
		}
		chart.plot(data);
		return chart;
	}

	private static XSSFChart chart(XSSFSheet sheet, Place place, String title) {
		XSSFDrawing drawing = sheet.createDrawingPatriarch();
		XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, place.firstColumn(), place.firstRow(),
				place.lastColumn(), place.lastRow());
		XSSFChart chart = drawing.createChart(anchor);
		chart.setTitleText(title);
		chart.setTitleOverlay(false);
		// LibreOffice's default title size is large for a dashboard tile: 12 pt bold
		for (XDDFTextParagraph paragraph : chart.getTitle().getBody().getParagraphs()) {
			for (XDDFTextRun run : paragraph.getTextRuns()) {
				run.setFontSize(12.0);
				run.setBold(true);
			}
		}
		chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
		return chart;
	}

	private static void gridLines(XDDFValueAxis axis) {
		XDDFLineProperties grid = new XDDFLineProperties(
				new XDDFSolidFillProperties(XDDFColor.from(PresetColor.LIGHT_GRAY)));
		axis.getOrAddMajorGridProperties().setLineProperties(grid);
	}

	private static XDDFShapeProperties lineShape(byte[] colour, double width, boolean dashed) {
		XDDFLineProperties line = new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(colour)));
		line.setWidth(width);
		if (dashed) {
			line.setPresetDash(new XDDFPresetLineDash(PresetLineDash.DASH));
		}
		XDDFShapeProperties shape = new XDDFShapeProperties();
		shape.setLineProperties(line);
		return shape;
	}

}
