package nl.leefbaar.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import nl.leefbaar.support.CsvRecords;

/**
 * Reads an export back field by field (RFC 4180, comma or semicolon), header included.
 */
final class Csv {

	private Csv() {
	}

	static List<List<String>> read(Path file) throws IOException {
		return CsvRecords.read(file);
	}

	static boolean isNumber(String field) {
		try {
			Double.parseDouble(field);
			return !field.isBlank();
		}
		catch (NumberFormatException e) {
			return false;
		}
	}

}
