package nl.leefbaar.report.excel;

import java.util.List;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableStyleInfo;

/**
 * The parts of outputs.md's "Rules for every workbook" that lie over a written sheet: the
 * print setup (readable scale, repeated header rows and identifying columns) and the
 * Excel tables that give each of several lists on a sheet its own filter.
 */
final class SheetLayout {

	/**
	 * The printable width of a landscape A4 page with POI's default margins (0.7 inch
	 * left and right), in pixels at 96 dpi, the unit of column widths.
	 */
	static final double A4_LANDSCAPE_PIXELS = (11.69 - 1.4) * 96;

	/**
	 * A sheet is fitted to one page width only when that keeps the text at least this
	 * large (11 points become 7.7): a wider table prints over several pages instead, its
	 * identifying columns repeated.
	 */
	static final double MIN_READABLE_SCALE = 0.7;

	/** The print scale of a table too wide for one readable page width. */
	static final short WIDE_TABLE_SCALE = 85;

	private SheetLayout() {
	}

	/**
	 * An Excel table over the header row and the rows below it (a sheet has one
	 * autofilter; a table has its own filter buttons). The header cells must hold the
	 * texts given, distinct and not empty (Excel requires it). Nothing for a list without
	 * rows.
	 */
	static void listTable(Sheet sheet, String name, int headerRow, int lastRow, List<String> headers) {
		if (lastRow <= headerRow) {
			return;
		}
		XSSFSheet xssf = sheet instanceof SXSSFSheet streamed
				? ((SXSSFWorkbook) streamed.getWorkbook()).getXSSFWorkbook().getSheet(sheet.getSheetName())
				: (XSSFSheet) sheet;
		AreaReference area = new AreaReference(new CellReference(headerRow, 0),
				new CellReference(lastRow, headers.size() - 1), SpreadsheetVersion.EXCEL2007);
		XSSFTable table = xssf.createTable(area);
		table.setName(name);
		table.setDisplayName(name);
		table.getCTTable().addNewAutoFilter().setRef(area.formatAsString());
		CTTableStyleInfo style = table.getCTTable().addNewTableStyleInfo();
		// no banding or fill of its own: the sheet's styles (flags, bands) stay visible
		style.setName("TableStyleLight1");
		style.setShowRowStripes(false);
		style.setShowColumnStripes(false);
		for (int i = 0; i < headers.size(); i++) {
			table.getCTTable().getTableColumns().getTableColumnArray(i).setName(headers.get(i));
		}
	}

	/**
	 * Print setup of a sheet whose column widths are set: landscape A4, fitted to one
	 * page width when that stays readable ({@link #MIN_READABLE_SCALE}), otherwise at
	 * {@link #WIDE_TABLE_SCALE} % over as many page widths as it takes with the
	 * identifying columns repeated; the rows first..last repeated at the top of every
	 * page after their first (LibreOffice and Excel start repeating them on the page
	 * after the one they stand on); -1 repeats nothing.
	 */
	static void print(Sheet sheet, int lastColumn, int identifyingColumns, int firstRepeatingRow, int repeatingRow) {
		PrintSetup print = sheet.getPrintSetup();
		print.setLandscape(true);
		print.setPaperSize(PrintSetup.A4_PAPERSIZE);
		double scale = A4_LANDSCAPE_PIXELS / widthInPixels(sheet, lastColumn);
		if (scale >= MIN_READABLE_SCALE) {
			print.setFitWidth((short) 1);
			print.setFitHeight((short) 0);
			// fitted also when it seems to fit: LibreOffice draws columns a little wider
			// than Excel, and fitting never enlarges
			sheet.setFitToPage(true);
		}
		else {
			sheet.setFitToPage(false);
			print.setScale(WIDE_TABLE_SCALE);
			// across, then down: a row's columns are on consecutive pages
			print.setLeftToRight(true);
			if (identifyingColumns > 0) {
				sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, identifyingColumns - 1));
			}
		}
		sheet.setAutobreaks(true);
		if (repeatingRow >= 0) {
			sheet.setRepeatingRows(CellRangeAddress.valueOf((firstRepeatingRow + 1) + ":" + (repeatingRow + 1)));
		}
	}

	/**
	 * The width of columns 0..last as Excel draws it: a column of w characters is 7w + 5
	 * pixels.
	 */
	static double widthInPixels(Sheet sheet, int lastColumn) {
		double pixels = 0;
		for (int column = 0; column <= lastColumn; column++) {
			pixels += sheet.getColumnWidth(column) / 256.0 * 7 + 5;
		}
		return pixels;
	}

}
