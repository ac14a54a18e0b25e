package nl.leefbaar.report.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import nl.leefbaar.indicators.stats.Change;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * outputs.md's "Rules for every workbook" as SheetWriter and Pages apply them, on a
 * workbook written the way the dashboards are (a plain sheet first, then streamed ones)
 * and read back.
 */
class WorkbookRulesTests {

	static final Labels NL = Labels.of(Locale.forLanguageTag("nl"));

	static final Labels EN = Labels.of(Locale.ENGLISH);

	static final List<String> SHEETS = List.of("Overzicht", "Lijst", "Twee lijsten", "Breed");

	private XSSFWorkbook written(Labels labels) throws Exception {
		XSSFWorkbook template = new XSSFWorkbook();
		Styles styles = new Styles(template);
		SHEETS.forEach(template::createSheet);
		SheetWriter first = new SheetWriter(template.getSheet("Overzicht"), styles);
		first.tableOfContents(SHEETS, labels);
		first.title("Titel", null);
		first.finish(-1);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(template, 10)) {
			list(workbook.getSheet("Lijst"), styles, labels);
			twoLists(workbook.getSheet("Twee lijsten"), styles);
			wide(workbook.getSheet("Breed"), styles);
			Pages.mark(workbook, "Leefbaarheid Wonen & Co, oktober 2026", LocalDate.of(2026, 10, 31), labels);
			workbook.write(bytes);
			workbook.dispose();
		}
		return new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()));
	}

	/** 300 rows under a header; two identifying columns; blanks and changes. */
	private static void list(Sheet sheet, Styles styles, Labels labels) {
		SheetWriter w = new SheetWriter(sheet, styles);
		w.title("Lijst", null);
		int header = w.header(List.of("Id", "Naam", "Waarde", "Verschil", "Oordeel"));
		for (int i = 0; i < 300; i++) {
			w.newRow();
			w.text(0, "C" + i);
			w.text(1, "Complex " + i);
			if (i == 0) {
				w.blank(2, Missing.LOOKBACK, labels);
				w.change(3, null, Polarity.LOWER_IS_BETTER, labels);
			}
			else {
				w.number(2, (double) i, Styles.INTEGER);
				// 12 against 3 reports on the same dwellings: significant, and worse
				w.change(3, i == 1 ? Change.ofCounts(12, 100, 3, 100) : Change.ofCounts(10, 100, 2, 50),
						Polarity.LOWER_IS_BETTER, labels);
			}
		}
		w.identifyingColumns(2);
		w.finishTable(header, 4);
	}

	private static void twoLists(Sheet sheet, Styles styles) {
		SheetWriter w = new SheetWriter(sheet, styles);
		w.title("Twee lijsten", null);
		List<String> first = List.of("Complex", "Aantal");
		int firstHeader = w.header(first);
		for (int i = 0; i < 5; i++) {
			w.newRow();
			w.text(0, "C" + i);
			w.number(1, (double) i, Styles.INTEGER);
		}
		w.listTable("Eerste", firstHeader, w.rowIndex(), first);
		w.skipRows(1);
		List<String> second = List.of("Woning", "Meldingen", "Herhaald");
		int secondHeader = w.header(second);
		for (int i = 0; i < 200; i++) {
			w.newRow();
			w.text(0, "W-" + i);
			w.number(1, (double) i, Styles.INTEGER);
			w.number(2, (double) i / 2, Styles.INTEGER);
		}
		w.listTable("Tweede", secondHeader, w.rowIndex(), second);
		w.finish(secondHeader);
	}

	/** 30 columns of 12 characters: too wide to fit one page width readably. */
	private static void wide(Sheet sheet, Styles styles) {
		SheetWriter w = new SheetWriter(sheet, styles);
		List<String> header = new ArrayList<>();
		for (int c = 0; c < 30; c++) {
			header.add("Kolom nummer " + c);
		}
		int headerRow = w.header(header);
		for (int r = 0; r < 50; r++) {
			w.newRow();
			for (int c = 0; c < 30; c++) {
				w.text(c, "waarde " + r + "-" + c);
			}
		}
		w.identifyingColumns(2);
		w.finishTable(headerRow, 29);
	}

	@Test
	void theFirstSheetStartsWithALinkToEverySheet() throws Exception {
		try (XSSFWorkbook workbook = written(NL)) {
			Row toc = workbook.getSheetAt(0).getRow(0);
			assertThat(toc.getCell(0).getStringCellValue()).isEqualTo("Inhoud");
			for (int i = 0; i < SHEETS.size(); i++) {
				var cell = toc.getCell(1 + i);
				assertThat(cell.getStringCellValue()).isEqualTo(SHEETS.get(i));
				assertThat(cell.getHyperlink().getType()).isEqualTo(HyperlinkType.DOCUMENT);
				assertThat(cell.getHyperlink().getAddress()).isEqualTo("'" + SHEETS.get(i) + "'!A1");
				// a link is underlined: the colour is not the only sign
				assertThat(((XSSFCellStyle) cell.getCellStyle()).getFont().getUnderline()).isNotZero();
			}
		}
	}

	@Test
	void aListHasItsHeaderAndIdentifyingColumnsFrozenAFilterAndItsHeaderRepeatedOnPaper() throws Exception {
		try (XSSFWorkbook workbook = written(NL)) {
			XSSFSheet sheet = workbook.getSheet("Lijst");
			int header = 1;
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) (header + 1));
			assertThat(sheet.getPaneInformation().getVerticalSplitPosition()).isEqualTo((short) 2);
			assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A2:E302");
			assertThat(sheet.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("2:2"));
			// five columns fit one landscape page width: fitted to it (which never
			// enlarges), so that a viewer drawing columns a little wider keeps them on it
			assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
			assertThat(sheet.getFitToPage()).isTrue();
			assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
			assertThat(sheet.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
		}
	}

	@Test
	void aFixedWidthColumnIsWidenedToItsHeadersLongestWordSoThatNoWordBreaks() throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("Smal");
			SheetWriter w = new SheetWriter(sheet, new Styles(workbook));
			w.fixWidth(0, 11);
			w.fixWidth(1, 40);
			int header = w.header(List.of("Complexnummer", "Complex"));
			w.finish(header);

			// 13 bold characters: 13 * 1.2 + 1 rounded up; a wider fixed column keeps its
			// width
			assertThat(sheet.getColumnWidth(0)).isEqualTo(17 * 256);
			assertThat(sheet.getColumnWidth(1)).isEqualTo(40 * 256);
		}
	}

	@Test
	void aTableTooWideForOneReadablePageRunsOverSeveralWithItsIdColumnsRepeated() throws Exception {
		try (XSSFWorkbook workbook = written(NL)) {
			XSSFSheet sheet = workbook.getSheet("Breed");
			assertThat(sheet.getFitToPage()).isFalse();
			assertThat(sheet.getPrintSetup().getScale()).isEqualTo(SheetLayout.WIDE_TABLE_SCALE);
			assertThat(sheet.getRepeatingColumns()).isEqualTo(CellRangeAddress.valueOf("A:B"));
			assertThat(sheet.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("1:1"));
		}
	}

	@Test
	void everyListOfASheetWithSeveralIsAnExcelTableWithItsOwnFilter() throws Exception {
		try (XSSFWorkbook workbook = written(NL)) {
			XSSFSheet sheet = workbook.getSheet("Twee lijsten");
			List<XSSFTable> tables = sheet.getTables();
			assertThat(tables).extracting(XSSFTable::getName).containsExactly("Eerste", "Tweede");
			assertThat(tables.get(0).getArea().formatAsString()).isEqualTo("A2:B7");
			assertThat(tables.get(1).getArea().formatAsString()).isEqualTo("A9:C209");
			assertThat(tables.get(1).getColumns()).extracting(c -> c.getName())
				.containsExactly("Woning", "Meldingen", "Herhaald");
			assertThat(tables.get(1).getCTTable().getAutoFilter()).isNotNull();
			// the long list last, its header repeated on the pages after its first
			assertThat(sheet.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("9:9"));
		}
	}

	@Test
	void everySheetPrintsTheTitleTheDataDateAndPageXOfY() throws Exception {
		try (XSSFWorkbook workbook = written(NL)) {
			for (Sheet sheet : workbook) {
				// an ampersand of a name is doubled, so that it prints as itself
				assertThat(sheet.getHeader().getLeft()).isEqualTo("Leefbaarheid Wonen && Co, oktober 2026");
				assertThat(sheet.getHeader().getRight()).isEqualTo("data t/m 31 oktober 2026");
				assertThat(sheet.getFooter().getLeft()).isEqualTo("&A");
				assertThat(sheet.getFooter().getRight()).isEqualTo("pagina &P van &N");
			}
		}
		try (XSSFWorkbook workbook = written(EN)) {
			assertThat(workbook.getSheetAt(1).getHeader().getRight()).isEqualTo("data up to 31 October 2026");
			assertThat(workbook.getSheetAt(1).getFooter().getRight()).isEqualTo("page &P of &N");
		}
	}

	@Test
	void aMissingFigureIsAnExplainedBlankAndAChangeSaysBetterOrWorseOnlyWhenTested() throws Exception {
		try (XSSFWorkbook workbook = written(NL)) {
			Sheet sheet = workbook.getSheet("Lijst");
			Row missing = sheet.getRow(2);
			assertThat(missing.getCell(2).getStringCellValue()).isEqualTo("– terugblik");
			assertThat(missing.getCell(3).getStringCellValue()).isEqualTo("– geen eerder cijfer");
			Row significant = sheet.getRow(3);
			// (12 / 100) / (3 / 100) - 1 = +300 %, p 0.035: worse, with an arrow and a
			// word
			assertThat(significant.getCell(3).getNumericCellValue()).isEqualTo(300.0);
			assertThat(significant.getCell(3).getCellStyle().getDataFormatString()).contains("%");
			assertThat(significant.getCell(4).getStringCellValue()).isEqualTo("▲ slechter");
			Row unclear = sheet.getRow(4);
			assertThat(unclear.getCell(3).getNumericCellValue()).isEqualTo(150.0);
			assertThat(unclear.getCell(4).getStringCellValue()).isEqualTo("geen duidelijke verandering");
		}
	}

	@Test
	void aShareChangeIsInPercentagePointsAndANeutralFigureRisesWithoutBeingBetter() throws Exception {
		try (XSSFWorkbook template = new XSSFWorkbook()) {
			Styles styles = new Styles(template);
			SheetWriter w = new SheetWriter(template.createSheet("S"), styles);
			w.newRow();
			w.change(0, Change.ofShares(12, 100, 25, 100), Polarity.LOWER_IS_BETTER, NL);
			w.change(2, Change.ofCounts(12, 100, 3, 100), Polarity.NEUTRAL, NL);
			Row row = template.getSheet("S").getRow(0);
			assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(-13.0, Offset.offset(1e-9));
			assertThat(row.getCell(0).getCellStyle().getDataFormatString()).contains("%-punt");
			assertThat(row.getCell(1).getStringCellValue()).isEqualTo("▼ beter");
			assertThat(row.getCell(3).getStringCellValue()).isEqualTo("▲ hoger");
		}
	}

	@Test
	void goodAndBadColoursAreOkabeItoBlueAndVermillion() throws Exception {
		try (XSSFWorkbook template = new XSSFWorkbook()) {
			Styles styles = new Styles(template);
			assertThat(rgb(styles.verdict(Change.Verdict.BETTER))).isEqualTo("0072b2");
			assertThat(rgb(styles.verdict(Change.Verdict.WORSE))).isEqualTo("d55e00");
			assertThat(((XSSFCellStyle) styles.flag("high")).getFillForegroundXSSFColor().getARGBHex())
				.endsWith("D55E00");
		}
	}

	private static String rgb(CellStyle style) {
		return HexFormat.of().formatHex(((XSSFCellStyle) style).getFont().getXSSFColor().getRGB());
	}

}
