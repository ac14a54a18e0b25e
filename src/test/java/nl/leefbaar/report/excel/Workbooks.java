package nl.leefbaar.report.excel;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reading written workbooks back in tests. */
final class Workbooks {

	private Workbooks() {
	}

	static XSSFWorkbook open(Path file) throws Exception {
		try (InputStream in = Files.newInputStream(file)) {
			return new XSSFWorkbook(in);
		}
	}

	static List<String> sheetNames(Workbook workbook) {
		List<String> names = new ArrayList<>();
		workbook.forEach(sheet -> names.add(sheet.getSheetName()));
		return names;
	}

	/** The first row whose cell in column 0 holds exactly this text, as a header row. */
	static int rowStartingWith(Sheet sheet, String text) {
		for (Row row : sheet) {
			Cell cell = row.getCell(0);
			if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
				return row.getRowNum();
			}
		}
		throw new AssertionError("no row starting with '" + text + "' on " + sheet.getSheetName());
	}

	static Row rowWith(Sheet sheet, int column, String text, int fromRow) {
		for (Row row : sheet) {
			if (row.getRowNum() <= fromRow) {
				continue;
			}
			Cell cell = row.getCell(column);
			if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
				return row;
			}
		}
		return null;
	}

	/** The number in a cell, or null when the cell is empty. */
	static Double number(Row row, int column) {
		Cell cell = row.getCell(column);
		if (cell == null || cell.getCellType() == CellType.BLANK) {
			return null;
		}
		if (cell.getCellType() != CellType.NUMERIC) {
			throw new AssertionError(
					"not a number at " + cell.getAddress() + " on " + row.getSheet().getSheetName() + ": " + cell);
		}
		return cell.getNumericCellValue();
	}

	static String text(Row row, int column) {
		Cell cell = row.getCell(column);
		if (cell == null || cell.getCellType() == CellType.BLANK) {
			return null;
		}
		return cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : cell.toString();
	}

	/** Every cell of the workbook, for scans (formulas, forbidden texts). */
	static List<Cell> cells(Workbook workbook) {
		List<Cell> cells = new ArrayList<>();
		for (Sheet sheet : workbook) {
			for (Row row : sheet) {
				row.forEach(cells::add);
			}
		}
		return cells;
	}

}
