package nl.leefbaar.report.excel;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.leefbaar.domain.Category;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Trends (outputs.md): 24 months of the headline figures, as tables and as native line
 * charts. First the 12-month figures of the dashboard's complexes (and, for an owner, the
 * city's beside them), then one block per monthly figure with a column per category.
 * Months are dates in the table and words on the axes ("nov 2024"); a month without a
 * figure is an empty cell and a gap in the line, never 0, and a category without any
 * figure gets no line (the block's note names it); share axes run from 0 to 100 %.
 */
final class TrendSheet {

	/** A block of monthly figures per category. */
	record Block(String indicator, String format, boolean share) {
	}

	static final List<Block> BLOCKS = List.of(new Block("report_rate", Styles.DECIMAL2, false),
			new Block("reports", Styles.INTEGER, false), new Block("dwelling_repeat_rate", Styles.PERCENT, true),
			new Block("closed_within_target_share", Styles.PERCENT, true));

	/** The 12-month figures of the first block, category all. */
	static final List<Block> HEADLINE = List.of(new Block("report_rate_12m", Styles.DECIMAL, false),
			new Block("dwelling_repeat_rate_12m", Styles.PERCENT, true));

	private static final int LABEL_WIDTH = 14;

	private static final int VALUE_WIDTH = 15;

	/** Rows of a chart; two charts side by side, split at this column. */
	static final int CHART_HEIGHT = 19;

	static final int CHART_SPLIT_COLUMN = 4;

	/**
	 * Where the values are, for the Overzicht's charts: the month words and, per 12-month
	 * indicator, the scope's column and the city's (the same for the team).
	 */
	record Layout(XSSFSheet sheet, String[] monthLabels, int firstRow, int lastRow, Map<String, int[]> columns,
			boolean team) {

		/**
		 * The months' date cells of the headline table, the charts' categories (read by
		 * LibreOffice, which ignores categories given as words only).
		 */
		String monthCells() {
			return new CellRangeAddress(firstRow, lastRow, 0, 0).formatAsString(sheet.getSheetName(), true);
		}

		List<Charts.Series> headlineSeries(String indicator, Labels labels) {
			int[] c = columns.get(indicator);
			List<Charts.Series> series = new ArrayList<>();
			series.add(new Charts.Series(labels.get(team ? "trends.city" : "trends.ours"), sheet,
					new CellRangeAddress(firstRow, lastRow, c[0], c[0])));
			if (!team) {
				series.add(new Charts.Series(labels.get("trends.city"), sheet,
						new CellRangeAddress(firstRow, lastRow, c[1], c[1]), true));
			}
			return series;
		}
	}

	private TrendSheet() {
	}

	static Layout write(XSSFSheet sheet, Styles styles, Labels labels, ScopeSeries series, ScopeSeries city,
			boolean team) {
		SheetWriter w = new SheetWriter(sheet, styles);
		List<YearMonth> months = series.months();
		String[] monthLabels = months.stream().map(labels::axisMonth).toArray(String[]::new);
		w.title(labels.get(team ? "trends.title.team" : "trends.title.owner"),
				labels.format("trends.subtitle", labels.month(months.get(0)), labels.month(series.month)));
		int titleRows = w.rowIndex() + 1;
		w.newRow();
		w.spanning(labels.get("trends.note"), styles.noteLine);
		// the charts first, two a row and a row a printed page; the tables after them
		int chartsTop = w.nextRowIndex() + 1;
		int chartRows = (HEADLINE.size() + BLOCKS.size() + 1) / 2;
		w.skipRows(1 + chartRows * (CHART_HEIGHT + 1));
		List<ChartToDraw> charts = new ArrayList<>();

		// the 12-month figures: the scope, and the city beside an owner's
		sheet.setRowBreak(w.nextRowIndex() - 1);
		w.newRow();
		w.text(0, labels.get("trends.headline"), styles.section, false);
		List<String> header = new ArrayList<>(List.of(labels.get("trends.month")));
		Map<String, int[]> columns = new HashMap<>();
		for (Block block : HEADLINE) {
			int column = header.size();
			header.add(labels.get("indicator." + block.indicator()) + (team ? "" : " · " + labels.get("trends.ours")));
			if (!team) {
				header.add(labels.get("indicator." + block.indicator()) + " · " + labels.get("trends.city"));
			}
			columns.put(block.indicator(), new int[] { column, team ? column : column + 1 });
		}
		int headerRow = w.header(header);
		numberHeaders(sheet, styles, headerRow, header.size());
		int first = w.nextRowIndex();
		for (YearMonth month : months) {
			w.newRow();
			w.date(0, month.atDay(1), Styles.MONTH);
			for (Block block : HEADLINE) {
				int[] c = columns.get(block.indicator());
				w.number(c[0], series.value(Category.ALL, block.indicator(), month), block.format());
				if (!team) {
					w.number(c[1], city.value(Category.ALL, block.indicator(), month), block.format());
				}
			}
		}
		int last = w.rowIndex();
		w.listTable("Trend_12_maanden", headerRow, last, header);
		Layout layout = new Layout(sheet, monthLabels, first, last, columns, team);
		for (Block block : HEADLINE) {
			charts.add(new ChartToDraw(labels.get("indicator." + block.indicator()),
					layout.headlineSeries(block.indicator(), labels), block, false));
		}

		List<String> categories = ScopeSeries.categories();
		for (Block block : BLOCKS) {
			// each table starts a printed page
			sheet.setRowBreak(w.nextRowIndex() - 1);
			charts.add(block(w, styles, labels, series, block, categories));
		}
		for (int i = 0; i < charts.size(); i++) {
			ChartToDraw chart = charts.get(i);
			int top = chartsTop + (i / 2) * (CHART_HEIGHT + 1);
			int left = i % 2 == 0 ? 0 : CHART_SPLIT_COLUMN;
			int right = i % 2 == 0 ? CHART_SPLIT_COLUMN : categories.size() + 1;
			Charts.line(sheet, new Charts.Place(left, top, right, top + CHART_HEIGHT), chart.title(), monthLabels,
					layout.monthCells(), chart.lines(), chart.block().format(), chart.block().share(),
					chart.firstIsTotal());
			if (i % 2 == 1) {
				sheet.setRowBreak(top + CHART_HEIGHT);
			}
		}
		w.fixWidth(0, LABEL_WIDTH);
		for (int c = 1; c <= categories.size(); c++) {
			w.fixWidth(c, VALUE_WIDTH);
		}
		// Each table starts a page with its own header row; the title rows stay in view.
		w.finish(-1);
		sheet.createFreezePane(0, titleRows);
		return layout;
	}

	/** A chart to draw once its table is written. */
	private record ChartToDraw(String title, List<Charts.Series> lines, Block block, boolean firstIsTotal) {
	}

	private static ChartToDraw block(SheetWriter w, Styles styles, Labels labels, ScopeSeries series, Block block,
			List<String> categories) {
		XSSFSheet sheet = (XSSFSheet) w.sheet;
		String title = labels.get("indicator." + block.indicator()) + " — " + labels.get("trends.chart.suffix");
		w.newRow();
		w.text(0, title, styles.section, false);
		List<String> without = new ArrayList<>();
		for (String category : categories) {
			if (!series.hasAny(category, block.indicator())) {
				without.add(labels.category(category));
			}
		}
		if (!without.isEmpty()) {
			w.newRow();
			w.spanning(labels.format("trends.without", String.join(", ", without)), styles.noteLine);
		}
		List<String> header = new ArrayList<>();
		header.add(labels.get("trends.month"));
		categories.forEach(c -> header.add(labels.category(c)));
		int headerRow = w.header(header);
		numberHeaders(sheet, styles, headerRow, header.size());
		int first = w.nextRowIndex();
		for (YearMonth month : series.months()) {
			w.newRow();
			w.date(0, month.atDay(1), Styles.MONTH);
			for (int c = 0; c < categories.size(); c++) {
				w.number(1 + c, series.value(categories.get(c), block.indicator(), month), block.format());
			}
		}
		int last = w.rowIndex();
		w.listTable("Trend_" + block.indicator(), headerRow, last, header);
		List<Charts.Series> lines = new ArrayList<>();
		// the shares' chart shows all categories too; for counts and rates it would dwarf
		// the categories (the 12-month figures show it); a category without any figure
		// gets no line
		for (int c = block.share() ? 0 : 1; c < categories.size(); c++) {
			if (series.hasAny(categories.get(c), block.indicator())) {
				lines.add(new Charts.Series(labels.category(categories.get(c)), sheet,
						new CellRangeAddress(first, last, 1 + c, 1 + c)));
			}
		}
		return new ChartToDraw(title, lines, block, block.share());
	}

	/** The headers over the month's figures right-aligned, above their numbers. */
	private static void numberHeaders(XSSFSheet sheet, Styles styles, int headerRow, int columns) {
		for (int c = 1; c < columns; c++) {
			sheet.getRow(headerRow).getCell(c).setCellStyle(styles.numberHeader);
		}
	}

}
