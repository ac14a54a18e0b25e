package nl.leefbaar.report.excel;

import java.time.YearMonth;
import java.util.List;

import nl.leefbaar.report.charts.ChartRenderer;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Kaart, the advisor's first sheet: the neighbourhoods on a map coloured by the index
 * band, then one map per headline indicator coloured by its flag (words in the legend,
 * names and values on the map). The maps are the charts' own PNGs; without boundaries the
 * sheet says why in words.
 */
final class MapSheet {

	static final List<String> MAPS = List.of("map-index", "map-report-rate", "map-repeat-rate");

	/**
	 * Rows a map takes at the default row height: 1920 x 1080 drawn at 960 x 540 pixels.
	 */
	private static final int ROWS_PER_MAP = 28;

	private static final int COLUMNS_PER_MAP = 14;

	private MapSheet() {
	}

	static void write(Workbook workbook, Sheet sheet, Styles styles, Labels labels, YearMonth month,
			ChartRenderer.Rendered rendered, List<String> sheetNames) {
		SheetWriter w = new SheetWriter(sheet, styles);
		w.tableOfContents(sheetNames, labels);
		w.title(labels.format("map.title", labels.month(month)), labels.get("map.subtitle"));
		var boundaries = rendered.set().boundaries();
		if (!boundaries.present()) {
			w.newRow();
			w.text(0, labels.get("map.none"), styles.text, false);
			w.finish(-1);
			return;
		}
		Drawing<?> drawing = sheet.createDrawingPatriarch();
		int row = w.nextRowIndex() + 1;
		for (String name : MAPS) {
			byte[] png = rendered.png().get(name);
			if (png == null) {
				continue;
			}
			int picture = workbook.addPicture(png, Workbook.PICTURE_TYPE_PNG);
			ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
			anchor.setCol1(0);
			anchor.setRow1(row);
			anchor.setCol2(COLUMNS_PER_MAP);
			anchor.setRow2(row + ROWS_PER_MAP);
			anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_DONT_RESIZE);
			drawing.createPicture(anchor, picture);
			row += ROWS_PER_MAP + 1;
			// one map a printed page, never cut in two
			sheet.setRowBreak(row - 1);
		}
		for (int c = 0; c < COLUMNS_PER_MAP; c++) {
			sheet.setColumnWidth(c, 10 * 256);
		}
		sheet.getPrintSetup().setLandscape(true);
		sheet.setFitToPage(true);
		sheet.getPrintSetup().setFitWidth((short) 1);
		sheet.getPrintSetup().setFitHeight((short) 0);
		sheet.setAutobreaks(true);
	}

}
