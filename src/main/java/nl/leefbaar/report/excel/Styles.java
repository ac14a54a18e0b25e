package nl.leefbaar.report.excel;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;

/**
 * The cell styles of one workbook, created once before any row is written (a workbook
 * holds at most 64,000 styles; one per cell would also make the file slow to open).
 * Number formats are locale-neutral ({@code 0.0}); Excel and LibreOffice show the decimal
 * comma by the reader's locale.
 */
final class Styles {

	static final String INTEGER = "#,##0";
	static final String DECIMAL = "0.0";
	static final String DECIMAL2 = "0.00";
	static final String PERCENT = "0.0%";
	static final String P_VALUE = "0.000";
	static final String DATE = "yyyy-mm-dd";
	static final String DATE_TIME = "yyyy-mm-dd hh:mm";
	static final String PLAIN = "0";
	static final String GENERAL = "General";

	// Colours: fills from ColorBrewer's RdYlBu (readable with the common colour-vision
	// deficiencies).
	private static final byte[] GOOD = rgb(0x1a, 0x98, 0x50);

	private static final byte[] BAD = rgb(0xd7, 0x30, 0x27);

	private final Workbook workbook;

	final CellStyle title;

	final CellStyle subtitle;

	final CellStyle header;

	final CellStyle text;

	final CellStyle wrapped;

	final CellStyle note;

	final CellStyle noteLine;

	final CellStyle markGood;

	final CellStyle markBad;

	final CellStyle markNeutral;

	private final Map<String, CellStyle> numbers = new HashMap<>();

	private final Map<Band, CellStyle> bandText = new EnumMap<>(Band.class);

	private final Map<Band, CellStyle> bandIndex = new EnumMap<>(Band.class);

	private final Map<String, CellStyle> flagText = new HashMap<>();

	Styles(Workbook workbook) {
		this.workbook = workbook;
		XSSFFont bold = font(true, 11, null);
		title = style(font(true, 16, null), null, null);
		subtitle = style(font(false, 11, rgb(0x40, 0x40, 0x40)), null, null);
		header = style(bold, rgb(0xd9, 0xe1, 0xf2), null);
		header.setWrapText(true);
		header.setVerticalAlignment(VerticalAlignment.TOP);
		header.setBorderBottom(BorderStyle.THIN);
		text = style(null, null, null);
		// a little room on the left, so that a text never touches the number of the
		// column before
		text.setIndention((short) 1);
		wrapped = style(null, null, null);
		wrapped.setWrapText(true);
		wrapped.setVerticalAlignment(VerticalAlignment.TOP);
		note = style(font(false, 9, rgb(0x59, 0x59, 0x59)), null, null);
		note.setWrapText(true);
		note.setVerticalAlignment(VerticalAlignment.TOP);
		noteLine = style(font(false, 9, rgb(0x59, 0x59, 0x59)), null, null);
		markGood = style(font(true, 12, GOOD), null, null);
		markBad = style(font(true, 12, BAD), null, null);
		markNeutral = style(font(true, 12, rgb(0x7f, 0x7f, 0x7f)), null, null);
		for (String format : new String[] { INTEGER, DECIMAL, DECIMAL2, PERCENT, P_VALUE, DATE, DATE_TIME, PLAIN,
				GENERAL }) {
			numbers.put(format, style(null, null, format));
		}
		bandFills();
		flagFills();
	}

	private void bandFills() {
		byte[][] fills = { rgb(0x91, 0xcf, 0x60), rgb(0xf2, 0xf2, 0xf2), rgb(0xfe, 0xe0, 0x90), rgb(0xf4, 0x6d, 0x43) };
		for (Band band : Band.values()) {
			bandText.put(band, centred(style(null, fills[band.ordinal()], null)));
			bandIndex.put(band, style(null, fills[band.ordinal()], DECIMAL));
		}
	}

	private void flagFills() {
		flagText.put("high", centred(style(font(true, 11, rgb(0xff, 0xff, 0xff)), rgb(0xd7, 0x30, 0x27), null)));
		flagText.put("elevated", centred(style(null, rgb(0xfc, 0x8d, 0x59), null)));
		flagText.put("in range", centred(style(null, null, null)));
		flagText.put("reduced", centred(style(null, rgb(0xab, 0xd9, 0xe9), null)));
		flagText.put("low", centred(style(font(true, 11, rgb(0xff, 0xff, 0xff)), rgb(0x45, 0x75, 0xb4), null)));
		flagText.put("incomplete_lookback", centred(style(font(false, 11, rgb(0x7f, 0x7f, 0x7f)), null, null)));
	}

	private static CellStyle centred(CellStyle style) {
		style.setAlignment(HorizontalAlignment.CENTER);
		return style;
	}

	CellStyle number(String format) {
		CellStyle style = numbers.get(format);
		if (style == null) {
			throw new IllegalArgumentException("no style for number format " + format);
		}
		return style;
	}

	CellStyle band(Band band) {
		return band == null ? text : bandText.get(band);
	}

	CellStyle index(Band band) {
		return band == null ? number(DECIMAL) : bandIndex.get(band);
	}

	CellStyle flag(String flag) {
		return flag == null ? text : flagText.getOrDefault(flag, text);
	}

	private XSSFFont font(boolean bold, int points, byte[] colour) {
		XSSFFont font = (XSSFFont) workbook.createFont();
		font.setBold(bold);
		font.setFontHeightInPoints((short) points);
		font.setFontName("Calibri");
		if (colour != null) {
			font.setColor(new XSSFColor(colour, null));
		}
		return font;
	}

	private CellStyle style(Font font, byte[] fill, String format) {
		XSSFCellStyle style = (XSSFCellStyle) workbook.createCellStyle();
		// rows grow where a text wraps; every cell of such a row then starts at the top
		style.setVerticalAlignment(VerticalAlignment.TOP);
		if (font != null) {
			style.setFont(font);
		}
		if (fill != null) {
			style.setFillForegroundColor(new XSSFColor(fill, null));
			style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		}
		if (format != null) {
			style.setDataFormat(workbook.createDataFormat().getFormat(format));
			style.setAlignment(HorizontalAlignment.RIGHT);
		}
		return style;
	}

	private static byte[] rgb(int r, int g, int b) {
		return new byte[] { (byte) r, (byte) g, (byte) b };
	}

}
