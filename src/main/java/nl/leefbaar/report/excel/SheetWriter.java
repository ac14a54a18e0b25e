package nl.leefbaar.report.excel;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.leefbaar.indicators.stats.Change;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Writes one sheet row by row (the only way a streaming sheet can be written), keeps
 * track of the widest content per column so that the widths fit without POI's slow
 * auto-size, and applies outputs.md's "Rules for every workbook" that belong to a sheet:
 * a frozen header and a filter on every list ({@link #finishTable}, {@link #listTable}),
 * printing at a readable scale with the header row repeated ({@link #finish},
 * {@link SheetLayout}), the table of contents ({@link #tableOfContents}), explained
 * blanks ({@link #blank}) and changes that say better or worse only when a test does
 * ({@link #change}). The page header and footer are {@link Pages}'. Every text goes in
 * with {@code setCellValue(String)}: a name like {@code =HYPERLINK(..)} or
 * {@code +31 10 ...} stays text and never becomes a formula.
 */
final class SheetWriter {

	private static final int MAX_WIDTH_CHARS = 60;

	final Sheet sheet;

	final Styles styles;

	private final Map<Integer, Integer> widths = new HashMap<>();

	private final Map<Integer, Integer> fixed = new HashMap<>();

	private int nextRow;

	private Row row;

	/** Columns that identify a row (id, name): frozen on screen, repeated on paper. */
	private int identifyingColumns;

	SheetWriter(Sheet sheet, Styles styles) {
		this.sheet = sheet;
		this.styles = styles;
	}

	int rowIndex() {
		return row == null ? -1 : row.getRowNum();
	}

	int nextRowIndex() {
		return nextRow;
	}

	Row newRow() {
		row = sheet.createRow(nextRow++);
		return row;
	}

	void skipRows(int count) {
		nextRow += count;
	}

	/**
	 * The pixels of a spanning text's line ({@link #spanning}): its row is as high as the
	 * text's lines at this width, and the text spans at least this much of the columns
	 * below it. Narrow enough that those columns are on the first printed page of a table
	 * wider than a page (LibreOffice draws columns wider than Excel).
	 */
	static final int SPANNING_PIXELS = 560;

	/** The rows of spanning texts, joined over the columns in {@link #finish}. */
	private final List<Integer> spanningRows = new ArrayList<>();

	/** The sheet's title and, below it, the subtitle over the table's width. */
	void title(String title, String subtitle) {
		newRow().setHeightInPoints(24);
		text(0, title, styles.title, false);
		if (subtitle != null) {
			newRow();
			spanning(subtitle, styles.subtitle);
		}
	}

	/**
	 * A line of text in the current row that wraps over the columns below it, however
	 * long the first column: the cell is joined with those to its right when the widths
	 * are known ({@link #finish}); the row is made as high as its lines now, as a
	 * streamed row cannot change later. The style must wrap.
	 */
	void spanning(String text, CellStyle style) {
		text(0, text, style, false);
		float points = sheet.getWorkbook().getFontAt(style.getFontIndex()).getFontHeightInPoints();
		// a character of ordinary text is about 0.6 of the font's size in pixels wide
		int lines = (int) Math.ceil(text.length() * points * 0.6 / SPANNING_PIXELS);
		row.setHeightInPoints(Math.max(row.getHeightInPoints(), lines * points * 1.35f));
		spanningRows.add(row.getRowNum());
	}

	/** Each spanning text's cell joined with those to its right up to its width. */
	private void joinSpanningCells(int lastColumn) {
		for (int spanning : spanningRows) {
			int column = 0;
			double pixels = SheetLayout.widthInPixels(sheet, 0);
			while (pixels < SPANNING_PIXELS && column < Math.max(lastColumn, 30)) {
				column++;
				pixels = SheetLayout.widthInPixels(sheet, column);
			}
			if (column > 0) {
				sheet.addMergedRegion(new CellRangeAddress(spanning, spanning, 0, column));
			}
		}
	}

	/**
	 * A header row; returns its index. Header words count for the column width, long
	 * labels wrap.
	 */
	int header(List<String> labels) {
		return header(0, labels);
	}

	int header(int firstColumn, List<String> labels) {
		Row header = newRow();
		int lines = 1;
		for (int i = 0; i < labels.size(); i++) {
			Cell cell = header.createCell(firstColumn + i);
			cell.setCellValue(labels.get(i));
			cell.setCellStyle(styles.header);
			int longestWord = 0;
			for (String word : labels.get(i).split("\\s+")) {
				longestWord = Math.max(longestWord, word.length());
			}
			// header words are bold and must not break inside: about a fifth wider than
			// plain text; a column of fixed width keeps its width unless a word needs
			// more
			int wordWidth = (int) Math.ceil(longestWord * 1.2) + 1;
			int width = Math.max(wordWidth, Math.min(labels.get(i).length(), 12));
			Integer fixedWidth = fixed.get(firstColumn + i);
			if (fixedWidth != null) {
				width = Math.max(fixedWidth, wordWidth);
				fixed.put(firstColumn + i, width);
			}
			else {
				fit(firstColumn + i, width);
			}
			// The data may widen the column later, but a streamed header row cannot grow
			// then:
			// make it tall enough for the narrowest column (the factor leaves room for
			// word breaks).
			lines = Math.max(lines, (int) Math.ceil(labels.get(i).length() * 1.2 / width));
		}
		header.setHeightInPoints(Math.min(5, lines) * 14.5f);
		return header.getRowNum();
	}

	/**
	 * The first line of the first sheet: a link to every sheet of the workbook
	 * (outputs.md: a table of contents). Sheet names come from the labels, never from the
	 * data.
	 */
	void tableOfContents(List<String> sheetNames, Labels labels) {
		Row links = newRow();
		links.setHeightInPoints(18);
		text(0, labels.get("toc.label"), styles.header, false);
		CreationHelper helper = sheet.getWorkbook().getCreationHelper();
		for (int i = 0; i < sheetNames.size(); i++) {
			String name = sheetNames.get(i);
			Cell cell = links.createCell(1 + i);
			cell.setCellValue(name);
			cell.setCellStyle(styles.link);
			Hyperlink link = helper.createHyperlink(HyperlinkType.DOCUMENT);
			link.setAddress("'" + name.replace("'", "''") + "'!A1");
			cell.setHyperlink(link);
			fit(1 + i, name.length() + 2);
		}
	}

	/**
	 * An explained blank (outputs.md, "Missing is not zero"): "–" with the reason in a
	 * word; the Toelichting explains each reason.
	 */
	void blank(int column, Missing reason, Labels labels) {
		String text = reason.cellText(labels);
		Cell cell = row.createCell(column);
		cell.setCellValue(text);
		cell.setCellStyle(styles.blank);
		fit(column, text.length() + 1);
	}

	/**
	 * A number, or an explained blank when it is missing.
	 */
	void numberOrBlank(int column, Double value, String format, Missing reason, Labels labels) {
		if (value == null || value.isNaN() || value.isInfinite()) {
			blank(column, reason, labels);
		}
		else {
			number(column, value, format);
		}
	}

	/**
	 * A change against an earlier period in two cells (outputs.md, "Better or worse means
	 * significant"): the change in its unit (% for counts and rates, percentage points
	 * for shares) and, beside it, the verdict in words with an arrow: better or worse
	 * only when the test says so, otherwise "no clear change". Without a change (no
	 * earlier figure) both cells are an explained blank.
	 */
	void change(int column, Change change, Polarity polarity, Labels labels) {
		if (change == null) {
			blank(column, Missing.NO_EARLIER, labels);
			return;
		}
		String format = labels
			.get(change.unit() == Change.Unit.PERCENT ? "format.change.percent" : "format.change.points");
		if (change.estimate() == null) {
			blank(column, Missing.TOO_FEW, labels);
		}
		else {
			number(column, change.estimate(), styles.number(format));
		}
		Change.Verdict verdict = polarity == Polarity.NEUTRAL
				? (change.significant() ? null : Change.Verdict.NO_CLEAR_CHANGE)
				: change.verdict(polarity == Polarity.HIGHER_IS_BETTER);
		String word;
		if (verdict == null) {
			word = labels.get(change.direction() > 0 ? "change.higher" : "change.lower");
		}
		else {
			word = labels.get("change." + verdict.name().toLowerCase(Locale.ROOT));
		}
		String arrow = !change.significant() ? "" : change.direction() > 0 ? "▲ " : "▼ ";
		text(column + 1, arrow + word, styles.verdict(verdict == null ? Change.Verdict.NO_CLEAR_CHANGE : verdict));
	}

	/** The id and name columns (the first {@code count}) identify a row. */
	void identifyingColumns(int count) {
		identifyingColumns = count;
	}

	void text(int column, String value) {
		text(column, value, styles.text, true);
	}

	void text(int column, String value, CellStyle style) {
		text(column, value, style, true);
	}

	/**
	 * A text cell; {@code countWidth} false for titles and notes that may run over empty
	 * cells.
	 */
	void text(int column, String value, CellStyle style, boolean countWidth) {
		if (value == null || value.isEmpty()) {
			return;
		}
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
		if (countWidth) {
			fit(column, value.length() + 2);
		}
	}

	/**
	 * A long text that wraps within a column of {@code widthChars}; the row grows to show
	 * all its lines.
	 */
	void wrapped(int column, String value, CellStyle style, int widthChars) {
		if (value == null || value.isEmpty()) {
			return;
		}
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
		// a column of n "0"-widths holds about 1.15 n characters of ordinary text
		int lines = (int) Math.ceil(value.length() / (widthChars * 1.15));
		row.setHeightInPoints(Math.max(row.getHeightInPoints(), lines * 13f + 2));
	}

	/** A column of fixed width, whatever its content. */
	void fixWidth(int column, int chars) {
		fixed.put(column, chars);
	}

	/** A number cell, left empty when the figure is missing. */
	void number(int column, Double value, String format) {
		number(column, value, styles.number(format));
	}

	void number(int column, Double value, CellStyle style) {
		if (value == null || value.isNaN() || value.isInfinite()) {
			return;
		}
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
		fit(column, numberWidth(value));
	}

	void date(int column, LocalDate value) {
		date(column, value, Styles.DATE);
	}

	void date(int column, LocalDate value, String format) {
		if (value != null) {
			Cell cell = row.createCell(column);
			cell.setCellValue(value);
			cell.setCellStyle(styles.number(format));
			fit(column, 11);
		}
	}

	void dateTime(int column, LocalDateTime value) {
		if (value != null) {
			Cell cell = row.createCell(column);
			cell.setCellValue(value);
			cell.setCellStyle(styles.number(Styles.DATE_TIME));
			fit(column, 17);
		}
	}

	void fit(int column, int chars) {
		widths.merge(column, chars, Math::max);
	}

	private static int numberWidth(double value) {
		double magnitude = Math.abs(value);
		int digits = magnitude < 1 ? 1 : (int) Math.floor(Math.log10(magnitude)) + 1;
		return digits + digits / 3 + 6;
	}

	/**
	 * A sheet of one list: column widths from the content, the header row and the
	 * identifying columns frozen, an autofilter over the list, and the print setup with
	 * the header row repeated on every page.
	 */
	void finishTable(int headerRow, int lastColumn) {
		sheet.createFreezePane(identifyingColumns, headerRow + 1);
		if (rowIndex() > headerRow) {
			sheet.setAutoFilter(new CellRangeAddress(headerRow, rowIndex(), 0, lastColumn));
		}
		finish(headerRow);
	}

	/**
	 * One of several lists on a sheet (a sheet has one autofilter): an Excel table with
	 * its own filter buttons ({@link SheetLayout#listTable}).
	 */
	void listTable(String name, int headerRow, int lastRow, List<String> headers) {
		SheetLayout.listTable(sheet, name, headerRow, lastRow, headers);
	}

	/**
	 * Column widths and print setup, repeating one row (a list's header) on every page
	 * after its first; -1 repeats nothing.
	 */
	void finish(int repeatingRow) {
		finish(repeatingRow, repeatingRow);
	}

	/**
	 * Column widths and print setup ({@link SheetLayout#print}): the rows first..last
	 * repeated at the top of every page after their first.
	 */
	void finish(int firstRepeatingRow, int repeatingRow) {
		widths.forEach((column, chars) -> sheet.setColumnWidth(column,
				Math.min(MAX_WIDTH_CHARS, Math.max(6, chars + 1)) * 256));
		fixed.forEach((column, chars) -> sheet.setColumnWidth(column, chars * 256));
		int last = 0;
		for (int column : widths.keySet()) {
			last = Math.max(last, column);
		}
		for (int column : fixed.keySet()) {
			last = Math.max(last, column);
		}
		joinSpanningCells(last);
		SheetLayout.print(sheet, last, identifyingColumns, firstRepeatingRow, repeatingRow);
	}

}
