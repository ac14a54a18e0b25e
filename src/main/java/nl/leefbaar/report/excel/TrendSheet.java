package nl.leefbaar.report.excel;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Trends: 24 months of the headline figures per category, one block a figure (months
 * down, categories across), each with a native line chart beside it; the rate block ends
 * with the 12-month OLS trend per category.
 */
final class TrendSheet {

	/**
	 * The figures of the sheet with their number format; a rate or count trend treats
	 * missing months as 0.
	 */
	/**
	 * A block of the sheet. {@code chartTotal}: the chart shows the all-categories line
	 * too; for counts and rates it would dwarf the categories (it is on the Overzicht),
	 * for shares it is the reference.
	 */
	record Block(String indicator, String format, boolean missingIsZero, boolean chartTotal) {
	}

	static final List<Block> BLOCKS = List.of(new Block("report_rate", Styles.DECIMAL2, true, false),
			new Block("reports", Styles.INTEGER, true, false),
			new Block("dwelling_repeat_rate", Styles.PERCENT, false, true),
			new Block("closed_within_target_share", Styles.PERCENT, false, true));

	private static final int LABEL_WIDTH = 26;

	private static final int VALUE_WIDTH = 15;
	static final int CHART_FIRST_COLUMN = 10;
	static final int CHART_LAST_COLUMN = 20;

	/**
	 * Where each block's values are, for charts elsewhere: first and last data row;
	 * column 1 + i is category i.
	 */
	record Layout(XSSFSheet sheet, Map<String, int[]> rows) {
		CellRangeAddress months(String indicator) {
			int[] r = rows.get(indicator);
			return new CellRangeAddress(r[0], r[1], 0, 0);
		}

		CellRangeAddress values(String indicator, int categoryIndex) {
			int[] r = rows.get(indicator);
			return new CellRangeAddress(r[0], r[1], 1 + categoryIndex, 1 + categoryIndex);
		}
	}

	private TrendSheet() {
	}

	static Layout write(XSSFSheet sheet, Styles styles, Labels labels, CitySeries series) {
		SheetWriter w = new SheetWriter(sheet, styles);
		w.title(labels.get("trends.title"),
				labels.format("trends.subtitle", labels.month(series.months().get(0)), labels.month(series.month)));
		List<String> categories = CitySeries.categories();
		List<String> header = new ArrayList<>();
		header.add(labels.get("trends.month"));
		for (String category : categories) {
			header.add(labels.category(category));
		}
		Map<String, int[]> rows = new HashMap<>();
		int firstHeader = -1;
		for (Block block : BLOCKS) {
			if (firstHeader >= 0) {
				// one block and its chart a printed page
				sheet.setRowBreak(w.nextRowIndex());
			}
			w.skipRows(1);
			w.newRow();
			w.text(0, labels.get("indicator." + block.indicator()), styles.subtitle, false);
			int headerRow = w.header(header);
			firstHeader = firstHeader < 0 ? headerRow : firstHeader;
			int first = w.nextRowIndex();
			for (YearMonth month : series.months()) {
				w.newRow();
				w.text(0, Labels.shortMonth(month));
				for (int c = 0; c < categories.size(); c++) {
					w.number(1 + c, series.value(categories.get(c), block.indicator(), month), block.format());
				}
			}
			int last = w.rowIndex();
			rows.put(block.indicator(), new int[] { first, last });
			if (block.indicator().equals("report_rate")) {
				trendRows(w, styles, labels, series, categories, block);
			}
			int chartTop = headerRow - 1;
			Charts.line(sheet,
					new Charts.Place(CHART_FIRST_COLUMN, chartTop, CHART_LAST_COLUMN,
							Math.max(last + 1, chartTop + 20)),
					labels.get("indicator." + block.indicator()) + " — " + labels.get("trends.chart.suffix"), sheet,
					new CellRangeAddress(first, last, 0, 0),
					seriesOf(sheet, labels, categories, first, last, block.chartTotal()), block.format(),
					block.chartTotal());
		}
		w.fixWidth(0, LABEL_WIDTH);
		for (int c = 0; c < categories.size(); c++) {
			w.fixWidth(1 + c, VALUE_WIDTH);
		}
		// Each block starts a printed page with its own header row; a repeated row would
		// print the
		// first block's header (and the top of its chart) over the next block.
		w.finish(-1);
		return new Layout(sheet, rows);
	}

	private static void trendRows(SheetWriter w, Styles styles, Labels labels, CitySeries series,
			List<String> categories, Block block) {
		List<Trend> trends = new ArrayList<>();
		for (String category : categories) {
			double[] values = series.last12(category, block.indicator(), block.missingIsZero());
			trends.add(values == null ? null : Trend.ols(values));
		}
		w.newRow();
		w.text(0, labels.get("trend.slope"), styles.header, false);
		for (int c = 0; c < trends.size(); c++) {
			w.number(1 + c, trends.get(c) == null ? null : trends.get(c).slope(), Styles.DECIMAL2);
		}
		w.newRow();
		w.text(0, labels.get("trend.p"), styles.header, false);
		for (int c = 0; c < trends.size(); c++) {
			w.number(1 + c, trends.get(c) == null ? null : trends.get(c).pValue(), Styles.P_VALUE);
		}
		w.newRow();
		w.text(0, labels.get("trend.direction"), styles.header, false);
		for (int c = 0; c < trends.size(); c++) {
			if (trends.get(c) != null) {
				w.wrapped(1 + c, labels.get("trend." + trends.get(c).direction()), styles.wrapped, VALUE_WIDTH);
			}
		}
	}

	static List<Charts.Series> seriesOf(XSSFSheet sheet, Labels labels, List<String> categories, int first, int last,
			boolean withTotal) {
		List<Charts.Series> list = new ArrayList<>();
		for (int c = withTotal ? 0 : 1; c < categories.size(); c++) {
			list.add(new Charts.Series(labels.category(categories.get(c)), sheet,
					new CellRangeAddress(first, last, 1 + c, 1 + c)));
		}
		return list;
	}

}
