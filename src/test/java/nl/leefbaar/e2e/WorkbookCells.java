package nl.leefbaar.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Reading a written workbook back: labels of its bundle, tables found by their header,
 * cells as figures.
 */
final class WorkbookCells {

	private WorkbookCells() {
	}

	/**
	 * The labels of src/main/resources/i18n/workbook[_en].properties, as a reader of the
	 * workbook sees them.
	 */
	static Properties labels(String language) throws IOException {
		String name = language.equals("nl") ? "i18n/workbook.properties" : "i18n/workbook_" + language + ".properties";
		Properties labels = new Properties();
		try (Reader reader = new InputStreamReader(WorkbookCells.class.getClassLoader().getResourceAsStream(name),
				StandardCharsets.UTF_8)) {
			labels.load(reader);
		}
		return labels;
	}

	/**
	 * A table of a sheet: its header row and the column of each key, found by the
	 * header's labels.
	 */
	record Table(Sheet sheet, int headerRow, Map<String, Integer> columns) {
		int column(String key) {
			return columns.get(key);
		}

		/** The data rows under the header, up to the first empty row. */
		List<Row> rows() {
			List<Row> rows = new ArrayList<>();
			for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (row == null || row.getPhysicalNumberOfCells() == 0) {
					break;
				}
				rows.add(row);
			}
			return rows;
		}
	}

	/**
	 * Finds the header row whose cells are the labels of {@code keys} (with
	 * {@code prefix}), in any order; two columns with the same label are taken in the
	 * order the keys name them.
	 */
	static Table table(Sheet sheet, Properties labels, String prefix, List<String> keys) {
		String first = labels.getProperty(prefix + keys.get(0));
		for (int r = 0; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			if (row == null || row.getLastCellNum() < keys.size()) {
				continue;
			}
			List<String> header = new ArrayList<>();
			for (int c = 0; c < row.getLastCellNum(); c++) {
				header.add(text(row.getCell(c)));
			}
			if (!header.contains(first)) {
				continue;
			}
			Map<String, Integer> columns = new HashMap<>();
			List<Boolean> used = new ArrayList<>(header.stream().map(h -> false).toList());
			for (String key : keys) {
				String label = labels.getProperty(prefix + key);
				assertThat(label).as("label of " + prefix + key).isNotNull();
				int column = -1;
				for (int c = 0; c < header.size(); c++) {
					if (!used.get(c) && label.equals(header.get(c))) {
						column = c;
						break;
					}
				}
				assertThat(column).as("column '" + label + "' in " + header).isNotNegative();
				used.set(column, true);
				columns.put(key, column);
			}
			return new Table(sheet, r, columns);
		}
		throw new AssertionError("no header with '" + first + "' on sheet " + sheet.getSheetName());
	}

	/**
	 * The first header row that holds the labels of every key (with {@code prefix}): one
	 * list among several on a sheet.
	 */
	static Table tableWithAll(Sheet sheet, Properties labels, String prefix, List<String> keys) {
		for (int r = 0; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			if (row == null) {
				continue;
			}
			List<String> header = new ArrayList<>();
			for (int c = 0; c < row.getLastCellNum(); c++) {
				header.add(text(row.getCell(c)));
			}
			Map<String, Integer> columns = new HashMap<>();
			for (String key : keys) {
				int column = header.indexOf(labels.getProperty(prefix + key));
				if (column >= 0) {
					columns.put(key, column);
				}
			}
			if (columns.size() == keys.size()) {
				return new Table(sheet, r, columns);
			}
		}
		throw new AssertionError("no header with " + keys + " on sheet " + sheet.getSheetName());
	}

	static String text(Cell cell) {
		if (cell == null) {
			return null;
		}
		return switch (cell.getCellType()) {
			case STRING -> cell.getStringCellValue();
			case NUMERIC -> String.valueOf(cell.getNumericCellValue());
			case BLANK -> null;
			default -> cell.toString();
		};
	}

	/**
	 * A number cell's value; null for a cell that is not there or blank; fails for text
	 * where a figure belongs.
	 */
	static Double number(Cell cell) {
		if (cell == null || cell.getCellType() == CellType.BLANK) {
			return null;
		}
		assertThat(cell.getCellType())
			.as("cell " + cell.getAddress() + " of " + cell.getSheet().getSheetName() + ": '" + cell + "'")
			.isEqualTo(CellType.NUMERIC);
		return cell.getNumericCellValue();
	}

	/** Both missing, or equal to 1e-9 relative. */
	static void assertSame(String what, Double shown, Double expected) {
		if (expected == null) {
			assertThat(shown).as(what + ": missing in the CSV, so empty in the workbook").isNull();
			return;
		}
		assertThat(shown).as(what + ": the CSV has " + expected).isNotNull();
		double tolerance = 1e-9 * Math.max(Math.abs(expected), Math.abs(shown));
		assertThat(Math.abs(shown - expected)).as(what + ": shown " + shown + ", CSV " + expected)
			.isLessThanOrEqualTo(tolerance);
	}

}
