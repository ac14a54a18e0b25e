package nl.leefbaar.report.excel;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Writes one sheet row by row (the only way a streaming sheet can be written), keeps
 * track of the widest content per column so that the widths fit without POI's slow
 * auto-size, and sets up printing. Every text goes in with {@code setCellValue(String)}:
 * a name like {@code =HYPERLINK(..)} or {@code +31 10 ...} stays text and never becomes a
 * formula.
 */
final class SheetWriter {

	private static final int MAX_WIDTH_CHARS = 60;

	/**
	 * Beyond this many characters of column width a landscape A4 page shrinks the text
	 * too far.
	 */
	private static final int WIDE_TABLE_CHARS = 200;

	final Sheet sheet;

	final Styles styles;

	private final Map<Integer, Integer> widths = new HashMap<>();

	private final Map<Integer, Integer> fixed = new HashMap<>();

	private int nextRow;

	private Row row;

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

	void title(String title, String subtitle) {
		newRow().setHeightInPoints(24);
		text(0, title, styles.title, false);
		if (subtitle != null) {
			newRow();
			text(0, subtitle, styles.subtitle, false);
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
			// plain text
			int width = Math.max((int) Math.ceil(longestWord * 1.2) + 1, Math.min(labels.get(i).length(), 12));
			fit(firstColumn + i, width);
			// The data may widen the column later, but a streamed header row cannot grow
			// then:
			// make it tall enough for the narrowest column (the factor leaves room for
			// word breaks).
			lines = Math.max(lines, (int) Math.ceil(labels.get(i).length() * 1.2 / width));
		}
		header.setHeightInPoints(Math.min(5, lines) * 14.5f);
		return header.getRowNum();
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
		if (value != null) {
			Cell cell = row.createCell(column);
			cell.setCellValue(value);
			cell.setCellStyle(styles.number(Styles.DATE));
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
	 * Column widths from the content, a frozen header with autofilter, and the print
	 * setup.
	 */
	void finishTable(int headerRow, int lastColumn) {
		sheet.createFreezePane(0, headerRow + 1);
		if (rowIndex() > headerRow) {
			sheet.setAutoFilter(new CellRangeAddress(headerRow, rowIndex(), 0, lastColumn));
		}
		finish(headerRow);
	}

	/**
	 * Column widths and print setup: landscape, fit to one page wide, the header repeated
	 * on every page.
	 */
	void finish(int repeatingRow) {
		finish(repeatingRow, repeatingRow);
	}

	/**
	 * As {@link #finish(int)}, repeating the rows first..last (the title, on sheets of
	 * several tables).
	 */
	void finish(int firstRepeatingRow, int repeatingRow) {
		widths.forEach((column, chars) -> sheet.setColumnWidth(column,
				Math.min(MAX_WIDTH_CHARS, Math.max(6, chars + 1)) * 256));
		fixed.forEach((column, chars) -> sheet.setColumnWidth(column, chars * 256));
		PrintSetup print = sheet.getPrintSetup();
		print.setLandscape(true);
		// a wide table (the neighbourhood comparison) stays readable on A3 instead of
		// shrinking on A4
		int totalChars = widths.values().stream().mapToInt(c -> Math.min(MAX_WIDTH_CHARS, c)).sum()
				+ fixed.values().stream().mapToInt(Integer::intValue).sum();
		print.setPaperSize(totalChars > WIDE_TABLE_CHARS ? PrintSetup.A3_PAPERSIZE : PrintSetup.A4_PAPERSIZE);
		print.setFitWidth((short) 1);
		print.setFitHeight((short) 0);
		sheet.setFitToPage(true);
		sheet.setAutobreaks(true);
		if (repeatingRow >= 0) {
			sheet.setRepeatingRows(CellRangeAddress.valueOf((firstRepeatingRow + 1) + ":" + (repeatingRow + 1)));
		}
	}

}
