package nl.leefbaar.report.excel;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import nl.leefbaar.domain.Category;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Overzicht: the month in one screen. The city's headline figures with their change
 * against last month and last year, a mark coloured by whether the change is good news,
 * the 12-month trend; the reports per category against a year ago; the charts that
 * matter.
 */
final class OverviewSheet {

	/**
	 * A headline figure; {@code higherIsGood} colours its marks, {@code trend} names the
	 * monthly series of its trend.
	 */
	record Headline(String indicator, String format, boolean higherIsGood, String trend, boolean missingIsZero) {
	}

	static final List<Headline> HEADLINES = List.of(new Headline("reports", Styles.INTEGER, false, "reports", true),
			new Headline("report_rate_12m", Styles.DECIMAL, false, "report_rate", true),
			new Headline("dwelling_repeat_rate", Styles.PERCENT, false, "dwelling_repeat_rate", false),
			new Headline("dwelling_repeat_rate_12m", Styles.PERCENT, false, null, false),
			new Headline("closed_within_target_share", Styles.PERCENT, true, "closed_within_target_share", false),
			new Headline("open_overdue", Styles.INTEGER, false, "open_overdue", true),
			new Headline("activities", Styles.INTEGER, true, "activities", true),
			new Headline("participants", Styles.INTEGER, true, "participants", true),
			new Headline("liveability_index", Styles.DECIMAL, true, null, false));

	static final int HEADLINE_HEADER_ROW = 3;

	private OverviewSheet() {
	}

	static void write(XSSFSheet sheet, Styles styles, Labels labels, CitySeries series, TrendSheet.Layout trends,
			Optional<byte[]> funnelPng) {
		YearMonth m = series.month;
		SheetWriter w = new SheetWriter(sheet, styles);
		w.tableOfContents(CorporationDashboardWriter.SHEETS.stream()
			.map(name -> CorporationDashboardWriter.sheetName(labels, name))
			.toList(), labels);
		w.title(labels.format("overview.title", labels.month(m)), labels.get("overview.subtitle"));
		w.skipRows(1);
		int header = w.header(List.of(labels.get("overview.figure"), labels.month(m), labels.month(m.minusMonths(1)),
				labels.get("overview.change"), labels.get("overview.change_pct"), "", labels.month(m.minusYears(1)),
				labels.get("overview.change"), labels.get("overview.change_pct"), "", labels.get("trend.slope"),
				labels.get("trend.p"), labels.get("trend.direction")));
		for (Headline headline : HEADLINES) {
			w.newRow();
			w.text(0, labels.get("headline." + headline.indicator()));
			Double now = series.value(Category.ALL, headline.indicator(), m);
			w.number(1, now, headline.format());
			change(w, 2, now, series.value(Category.ALL, headline.indicator(), m.minusMonths(1)), headline);
			change(w, 6, now, series.value(Category.ALL, headline.indicator(), m.minusYears(1)), headline);
			if (headline.trend() != null) {
				double[] values = series.last12(Category.ALL, headline.trend(), headline.missingIsZero());
				if (values != null) {
					Trend trend = Trend.ols(values);
					w.number(10, trend.slope(),
							headline.format().equals(Styles.PERCENT) ? Styles.PERCENT : Styles.DECIMAL2);
					w.number(11, trend.pValue(), Styles.P_VALUE);
					w.text(12, labels.get("trend." + trend.direction()));
				}
			}
		}
		w.newRow();
		w.text(0, labels.get("overview.marks"), styles.noteLine, false);

		w.skipRows(1);
		w.header(List.of(labels.get("overview.category"), labels.month(m), labels.month(m.minusYears(1)),
				labels.get("overview.change")));
		int firstCategory = w.nextRowIndex();
		for (String category : Category.codes()) {
			w.newRow();
			w.text(0, labels.category(category));
			Double now = series.value(category, "reports", m);
			Double before = series.value(category, "reports", m.minusYears(1));
			w.number(1, now, Styles.INTEGER);
			w.number(2, before, Styles.INTEGER);
			w.number(3, now == null || before == null ? null : now - before, Styles.INTEGER);
		}
		int lastCategory = w.rowIndex();
		w.finish(header);
		sheet.setColumnWidth(5, 4 * 256);
		sheet.setColumnWidth(9, 4 * 256);

		int top = lastCategory + 2;
		Charts.line(sheet, new Charts.Place(0, top, 5, top + 18), labels.get("overview.chart.rate"), trends.sheet(),
				trends.months("report_rate"), List.of(new Charts.Series(labels.category(Category.ALL), trends.sheet(),
						trends.values("report_rate", 0))),
				Styles.DECIMAL2, true);
		Charts.bars(sheet, new Charts.Place(5, top, 13, top + 18), labels.get("overview.chart.categories"), sheet,
				new CellRangeAddress(firstCategory, lastCategory, 0, 0),
				List.of(new Charts.Series(labels.month(m), sheet,
						new CellRangeAddress(firstCategory, lastCategory, 1, 1)),
						new Charts.Series(labels.month(m.minusYears(1)), sheet,
								new CellRangeAddress(firstCategory, lastCategory, 2, 2))),
				Styles.INTEGER);
		int second = top + 19;
		Charts.line(sheet, new Charts.Place(0, second, 5, second + 18), labels.get("overview.chart.repeat"),
				trends.sheet(), trends.months("dwelling_repeat_rate"),
				List.of(new Charts.Series(labels.category(Category.ALL), trends.sheet(),
						trends.values("dwelling_repeat_rate", 0))),
				Styles.PERCENT, true);
		funnelPng.ifPresent(png -> picture(sheet, png, new Charts.Place(5, second, 13, second + 18)));
		sheet.setZoom(90);
		// The month in one screen, and on one printed page.
		sheet.getPrintSetup().setFitHeight((short) 1);
	}

	/** The value a period ago, the change, the change in % and the coloured mark. */
	private static void change(SheetWriter w, int column, Double now, Double before, Headline headline) {
		w.number(column, before, headline.format());
		if (now == null || before == null) {
			return;
		}
		double change = now - before;
		w.number(column + 1, change, headline.format());
		w.number(column + 2, before == 0 ? null : change / Math.abs(before), Styles.PERCENT);
		if (change == 0) {
			w.text(column + 3, "=", w.styles.markNeutral);
		}
		else {
			boolean good = (change > 0) == headline.higherIsGood();
			w.text(column + 3, change > 0 ? "▲" : "▼", good ? w.styles.markGood : w.styles.markBad);
		}
	}

	private static void picture(XSSFSheet sheet, byte[] png, Charts.Place place) {
		int index = sheet.getWorkbook().addPicture(png, Workbook.PICTURE_TYPE_PNG);
		XSSFDrawing drawing = sheet.createDrawingPatriarch();
		XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, place.firstColumn(), place.firstRow(),
				place.lastColumn(), place.lastRow());
		anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_AND_RESIZE);
		drawing.createPicture(anchor, index);
	}

}
