package nl.leefbaar.report.excel;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import nl.leefbaar.indicators.stats.Change;
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
 * comma by the reader's locale. Colours come from {@link Palette} (Okabe-Ito) and never
 * say anything alone.
 */
final class Styles {

	static final String INTEGER = "#,##0";
	static final String DECIMAL = "0.0";
	static final String DECIMAL2 = "0.00";
	static final String PERCENT = "0.0%";
	static final String P_VALUE = "0.000";

	/** A p-value of a test that flags below 0.01 (hotspots). */
	static final String P_VALUE_SMALL = "0.0000";
	static final String DATE = "yyyy-mm-dd";
	static final String DATE_TIME = "yyyy-mm-dd hh:mm";

	/** A month as a date: "nov 2024" (the month's name in the reader's language). */
	static final String MONTH = "mmm yyyy";
	static final String PLAIN = "0";
	static final String GENERAL = "General";

	private final Workbook workbook;

	final CellStyle title;

	final CellStyle subtitle;

	/** The heading of a part of a sheet ("Aandacht", "Kerncijfers"). */
	final CellStyle section;

	final CellStyle header;

	/** A header over a column of numbers: right-aligned, as they are. */
	final CellStyle numberHeader;

	final CellStyle text;

	final CellStyle wrapped;

	final CellStyle note;

	final CellStyle noteLine;

	final CellStyle markGood;

	final CellStyle markBad;

	final CellStyle markNeutral;

	/** A hyperlink: blue and underlined (the underline says it, not the colour). */
	final CellStyle link;

	/** An explained blank ("–"): grey, right-aligned like the numbers around it. */
	final CellStyle blank;

	/** The trend at a glance: bars of eight heights in a font that has them. */
	final CellStyle spark;

	private final Map<String, CellStyle> numbers = new HashMap<>();

	private final Map<Change.Verdict, CellStyle> verdicts = new EnumMap<>(Change.Verdict.class);

	private final Map<Band, CellStyle> bandText = new EnumMap<>(Band.class);

	private final Map<Band, CellStyle> bandIndex = new EnumMap<>(Band.class);

	private final Map<String, CellStyle> flagText = new HashMap<>();

	Styles(Workbook workbook) {
		this.workbook = workbook;
		XSSFFont bold = font(true, 11, null);
		title = style(font(true, 16, null), null, null);
		subtitle = style(font(false, 11, Palette.rgb(0x40, 0x40, 0x40)), null, null);
		// over the width of the table below it (SheetWriter.spanning)
		subtitle.setWrapText(true);
		section = style(font(true, 13, Palette.BLACK), null, null);
		header = style(bold, Palette.HEADER_FILL, null);
		header.setWrapText(true);
		header.setVerticalAlignment(VerticalAlignment.TOP);
		header.setBorderBottom(BorderStyle.THIN);
		numberHeader = workbook.createCellStyle();
		numberHeader.cloneStyleFrom(header);
		numberHeader.setAlignment(HorizontalAlignment.RIGHT);
		text = style(null, null, null);
		// a little room on the left, so that a text never touches the number of the
		// column before
		text.setIndention((short) 1);
		wrapped = style(null, null, null);
		wrapped.setWrapText(true);
		wrapped.setVerticalAlignment(VerticalAlignment.TOP);
		note = style(font(false, 9, Palette.NEUTRAL), null, null);
		note.setWrapText(true);
		note.setVerticalAlignment(VerticalAlignment.TOP);
		noteLine = style(font(false, 9, Palette.NEUTRAL), null, null);
		// over the width of the table below it (SheetWriter.spanning)
		noteLine.setWrapText(true);
		markGood = style(font(true, 12, Palette.BETTER), null, null);
		markBad = style(font(true, 12, Palette.WORSE), null, null);
		markNeutral = style(font(true, 12, Palette.NEUTRAL), null, null);
		verdicts.put(Change.Verdict.BETTER, style(font(true, 11, Palette.BETTER), null, null));
		verdicts.put(Change.Verdict.WORSE, style(font(true, 11, Palette.WORSE), null, null));
		verdicts.put(Change.Verdict.NO_CLEAR_CHANGE, style(font(false, 11, Palette.NEUTRAL), null, null));
		XSSFFont underlined = font(false, 11, Palette.BLUE);
		underlined.setUnderline(Font.U_SINGLE);
		link = style(underlined, null, null);
		blank = style(font(false, 11, Palette.NEUTRAL), null, null);
		blank.setAlignment(HorizontalAlignment.RIGHT);
		XSSFFont bars = font(false, 11, Palette.BLUE);
		bars.setFontName("DejaVu Sans");
		spark = style(bars, null, null);
		for (String format : new String[] { INTEGER, DECIMAL, DECIMAL2, PERCENT, P_VALUE, DATE, DATE_TIME, PLAIN,
				GENERAL }) {
			numbers.put(format, style(null, null, format));
		}
		bandFills();
		flagFills();
	}

	/**
	 * Index bands: blue for better, grey around the reference, orange to vermillion
	 * behind.
	 */
	private void bandFills() {
		byte[][] fills = { Palette.tint(Palette.BLUE, 0.6), Palette.rgb(0xf2, 0xf2, 0xf2),
				Palette.tint(Palette.ORANGE, 0.55), Palette.tint(Palette.VERMILLION, 0.4) };
		for (Band band : Band.values()) {
			bandText.put(band, centred(style(null, fills[band.ordinal()], null)));
			bandIndex.put(band, style(null, fills[band.ordinal()], DECIMAL));
		}
	}

	/**
	 * Funnel flags: the two strong flags in the full colour with white bold text, the two
	 * mild ones in a tint; the flag word is in the cell.
	 */
	private void flagFills() {
		byte[] white = Palette.rgb(0xff, 0xff, 0xff);
		flagText.put("high", centred(style(font(true, 11, white), Palette.VERMILLION, null)));
		flagText.put("elevated", centred(style(null, Palette.tint(Palette.ORANGE, 0.55), null)));
		flagText.put("in range", centred(style(null, null, null)));
		flagText.put("reduced", centred(style(null, Palette.tint(Palette.SKY_BLUE, 0.55), null)));
		flagText.put("low", centred(style(font(true, 11, white), Palette.BLUE, null)));
		flagText.put("incomplete_lookback", centred(style(font(false, 11, Palette.NEUTRAL), null, null)));
	}

	private static CellStyle centred(CellStyle style) {
		style.setAlignment(HorizontalAlignment.CENTER);
		return style;
	}

	/**
	 * A right-aligned number in this format; made once per format (the formats in use are
	 * a few constants and the labels' change formats).
	 */
	CellStyle number(String format) {
		return numbers.computeIfAbsent(format, f -> style(null, null, f));
	}

	/** The word of a change's verdict: blue for better, vermillion for worse, grey. */
	CellStyle verdict(Change.Verdict verdict) {
		return verdicts.get(verdict);
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

}
