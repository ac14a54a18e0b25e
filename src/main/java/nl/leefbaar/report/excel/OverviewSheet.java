package nl.leefbaar.report.excel;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nl.leefbaar.domain.Category;
import nl.leefbaar.indicators.stats.Change;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Overzicht, the answer in 30 seconds (outputs.md, Managers): first Aandacht, the
 * complexes that need attention this month with the reason in words and the figure behind
 * it; then the headline figures of the dashboard's complexes with last month, last year
 * and the change (better or worse only when a test says so; for an owner, the city beside
 * them); then the charts that matter: the 12-month rate and the dwelling repeat rate over
 * 24 months against the city, and the funnel plot of the dashboard's complexes.
 * <p>
 * Both lists share one column grid: the Aandacht list's reason runs over the columns the
 * headline figures use for their numbers (merged, wrapped).
 */
final class OverviewSheet {

	/** How a headline figure's change is tested. */
	enum Kind {

		/** a count per month (or at the month's end), the dwellings as exposure */
		COUNT,
		/** a rate per 100 dwellings: its numerator over its denominator */
		RATE,
		/** a share x / n: Fisher's exact test */
		SHARE,
		/** no test (the index): the difference without a verdict */
		NONE

	}

	/** A headline figure of category all: its format, test and which way is good. */
	record Headline(String indicator, String format, Kind kind, Polarity polarity) {
	}

	static final List<Headline> HEADLINES = List.of(
			new Headline("reports", Styles.INTEGER, Kind.COUNT, Polarity.LOWER_IS_BETTER),
			new Headline("report_rate_12m", Styles.DECIMAL, Kind.RATE, Polarity.LOWER_IS_BETTER),
			new Headline("dwelling_repeat_rate", Styles.PERCENT, Kind.SHARE, Polarity.LOWER_IS_BETTER),
			new Headline("dwelling_repeat_rate_12m", Styles.PERCENT, Kind.SHARE, Polarity.LOWER_IS_BETTER),
			new Headline("closed_within_target_share", Styles.PERCENT, Kind.SHARE, Polarity.HIGHER_IS_BETTER),
			new Headline("open_overdue", Styles.INTEGER, Kind.COUNT, Polarity.LOWER_IS_BETTER),
			new Headline("activities", Styles.INTEGER, Kind.COUNT, Polarity.NEUTRAL),
			new Headline("participants", Styles.INTEGER, Kind.COUNT, Polarity.NEUTRAL),
			new Headline("liveability_index", Styles.DECIMAL, Kind.NONE, Polarity.HIGHER_IS_BETTER));

	/** Column widths (characters) of the grid both lists share. */
	private static final int[] WIDTHS = { 36, 17, 16, 16, 27, 14, 16, 27, 14 };

	/** The Aandacht reason's merged columns, and their width in characters. */
	private static final int REASON_FIRST = 4;

	private static final int REASON_LAST = 8;

	private OverviewSheet() {
	}

	/** What the sheet shows, for one dashboard. */
	record Content(DashboardScope scope, String title, ScopeSeries series, ScopeSeries city,
			List<AttentionList.Entry> attention, AttentionText text, int complexes, TrendSheet.Layout trends,
			Optional<byte[]> funnelPng) {
	}

	static void write(XSSFSheet sheet, Styles styles, Labels labels, List<String> sheetNames, Content content) {
		YearMonth m = content.series().month;
		SheetWriter w = new SheetWriter(sheet, styles);
		w.tableOfContents(sheetNames, labels);
		w.title(content.title(), content.scope().team() ? labels.format("overview.subtitle.team", content.complexes())
				: labels.format("overview.subtitle.owner", content.complexes()));
		int titleRows = w.rowIndex() + 1;
		// the grid's widths first: the header rows are as tall as these widths need
		for (int c = 0; c < WIDTHS.length; c++) {
			w.fixWidth(c, WIDTHS[c]);
		}

		attention(w, styles, labels, content);
		headlines(w, styles, labels, content, m);
		w.finish(-1);
		// the title and the table of contents stay in view; the page is the month at a
		// glance
		sheet.createFreezePane(0, titleRows);
		charts(sheet, labels, content, w.rowIndex() + 2);
		sheet.setZoom(90);
	}

	private static void attention(SheetWriter w, Styles styles, Labels labels, Content content) {
		w.skipRows(1);
		w.newRow();
		w.text(0, labels.get("overview.attention"), styles.section, false);
		w.newRow();
		w.spanning(labels.get("overview.attention.note"), styles.noteLine);
		boolean team = content.scope().team();
		List<String> headers = new ArrayList<>(List.of(labels.get("column.complex"), labels.get("column.complex_id"),
				labels.get("column.neighbourhood"), team ? labels.get("column.owner") : ""));
		headers.add(labels.get("overview.attention.reason"));
		int header = w.header(headers);
		w.sheet.addMergedRegion(new CellRangeAddress(header, header, REASON_FIRST, REASON_LAST));
		int reasonWidth = 0;
		for (int c = REASON_FIRST; c <= REASON_LAST; c++) {
			reasonWidth += WIDTHS[c];
		}
		if (content.attention().isEmpty()) {
			w.newRow();
			w.text(0, labels.get("overview.attention.none"), styles.note, false);
			return;
		}
		for (AttentionList.Entry entry : content.attention()) {
			w.newRow();
			w.text(0, entry.complex().name(), styles.wrapped);
			w.text(1, entry.complex().id());
			w.text(2, entry.complex().neighbourhoodName(), styles.wrapped);
			if (team) {
				w.text(3, entry.complex().owner(), styles.wrapped);
			}
			String reason = content.text().reason(entry.reason());
			if (!entry.others().isEmpty()) {
				reason += "; " + labels.get("attention.also") + " " + content.text().others(entry);
			}
			w.wrapped(REASON_FIRST, reason, styles.wrapped, reasonWidth);
			w.sheet.addMergedRegion(new CellRangeAddress(w.rowIndex(), w.rowIndex(), REASON_FIRST, REASON_LAST));
		}
		w.sheet.setAutoFilter(new CellRangeAddress(header, w.rowIndex(), 0, REASON_FIRST));
	}

	private static void headlines(SheetWriter w, Styles styles, Labels labels, Content content, YearMonth m) {
		w.skipRows(1);
		w.newRow();
		w.text(0, labels.get("overview.headlines"), styles.section, false);
		w.newRow();
		w.spanning(labels.get("overview.marks"), styles.noteLine);
		boolean owner = !content.scope().team();
		List<String> headers = new ArrayList<>(
				List.of(labels.get("overview.figure"), labels.month(m), labels.month(m.minusMonths(1)),
						labels.get("overview.change"), labels.get("overview.verdict"), labels.month(m.minusYears(1)),
						labels.get("overview.change_year"), labels.get("overview.verdict_year")));
		if (owner) {
			headers.add(labels.format("overview.city", labels.month(m)));
		}
		int header = w.header(headers);
		for (Headline headline : HEADLINES) {
			if (owner && headline.kind() == Kind.NONE) {
				// an owner has no index of its own: each complex has one (Complexen)
				continue;
			}
			ScopeSeries s = content.series();
			w.newRow();
			w.text(0, labels.get("headline." + headline.indicator()));
			Figure now = s.figure(Category.ALL, headline.indicator(), m);
			w.numberOrBlank(1, now.value(), headline.format(), Missing.of(now.flag()), labels);
			Figure lastMonth = s.figure(Category.ALL, headline.indicator(), m.minusMonths(1));
			w.numberOrBlank(2, lastMonth.value(), headline.format(), Missing.of(lastMonth.flag()), labels);
			change(w, 3, labels, s, headline, m, m.minusMonths(1));
			Figure lastYear = s.figure(Category.ALL, headline.indicator(), m.minusYears(1));
			w.numberOrBlank(5, lastYear.value(), headline.format(), Missing.of(lastYear.flag()), labels);
			change(w, 6, labels, s, headline, m, m.minusYears(1));
			if (owner) {
				Figure city = content.city().figure(Category.ALL, headline.indicator(), m);
				w.numberOrBlank(8, city.value(), headline.format(), Missing.of(city.flag()), labels);
			}
		}
		w.listTable("Kerncijfers", header, w.rowIndex(), headers.stream().map(h -> h.isEmpty() ? "-" : h).toList());
	}

	/** The change of a headline figure and its verdict, or the difference untested. */
	private static void change(SheetWriter w, int column, Labels labels, ScopeSeries s, Headline headline,
			YearMonth now, YearMonth before) {
		if (headline.kind() == Kind.NONE) {
			Double a = s.value(Category.ALL, headline.indicator(), now);
			Double b = s.value(Category.ALL, headline.indicator(), before);
			if (a == null || b == null) {
				w.blank(column, Missing.NO_EARLIER, labels);
			}
			else {
				w.number(column, a - b, Styles.DECIMAL);
				w.blank(column + 1, Missing.NOT_TESTED, labels);
			}
			return;
		}
		w.change(column, change(s, headline, now, before), headline.polarity(), labels);
	}

	/** The tested change, or null when either period lacks its figure. */
	static Change change(ScopeSeries s, Headline headline, YearMonth now, YearMonth before) {
		String indicator = headline.indicator();
		Figure a = s.figure(Category.ALL, indicator, now);
		Figure b = s.figure(Category.ALL, indicator, before);
		return switch (headline.kind()) {
			case COUNT -> {
				Double dwellingsNow = s.figure(Category.ALL, "report_rate", now).denominator();
				Double dwellingsBefore = s.figure(Category.ALL, "report_rate", before).denominator();
				yield a.value() == null || b.value() == null || !positive(dwellingsNow) || !positive(dwellingsBefore)
						? null
						: Change.ofCounts(Math.round(a.value()), dwellingsNow, Math.round(b.value()), dwellingsBefore);
			}
			case RATE -> a.value() == null || b.value() == null || !positive(a.denominator())
					|| !positive(b.denominator()) || a.numerator() == null || b.numerator() == null ? null
							: Change.ofCounts(Math.round(a.numerator()), a.denominator(), Math.round(b.numerator()),
									b.denominator());
			case SHARE ->
				a.value() == null || b.value() == null || !positive(a.denominator()) || !positive(b.denominator())
						? null : Change.ofShares(Math.round(a.numerator()), Math.round(a.denominator()),
								Math.round(b.numerator()), Math.round(b.denominator()));
			case NONE -> null;
		};
	}

	private static boolean positive(Double value) {
		return value != null && value > 0;
	}

	/**
	 * Two native charts of the 12-month figures against the city (a direction without the
	 * seasons of monthly figures) and the funnel plot of the dashboard's complexes.
	 */
	private static void charts(XSSFSheet sheet, Labels labels, Content content, int top) {
		TrendSheet.Layout trends = content.trends();
		int height = 20;
		Charts.line(sheet, new Charts.Place(0, top, 4, top + height), labels.get("overview.chart.rate"),
				trends.monthLabels(), trends.monthCells(), trends.headlineSeries("report_rate_12m", labels),
				Styles.DECIMAL, false, true);
		content.funnelPng().ifPresent(png -> picture(sheet, png, new Charts.Place(4, top, 9, top + height)));
		int second = top + height + 1;
		Charts.line(sheet, new Charts.Place(0, second, 4, second + height), labels.get("overview.chart.repeat"),
				trends.monthLabels(), trends.monthCells(), trends.headlineSeries("dwelling_repeat_rate_12m", labels),
				Styles.PERCENT, true, true);
		// a page break before the charts: the lists print on the first page, the charts
		// on the next
		sheet.setRowBreak(top - 2);
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
