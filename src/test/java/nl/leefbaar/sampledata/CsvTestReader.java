package nl.leefbaar.sampledata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.leefbaar.support.CsvRecords;

/**
 * A tiny RFC 4180 reader for the tests: optional BOM, CRLF or LF, quoted fields with
 * newlines.
 */
final class CsvTestReader {

	private CsvTestReader() {
	}

	/** Rows as maps from lower-cased header name to value. */
	static List<Map<String, String>> read(Path file, char delimiter) throws IOException {
		List<List<String>> records = records(Files.readString(file, StandardCharsets.UTF_8), delimiter);
		List<String> header = records.get(0).stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
		List<Map<String, String>> rows = new ArrayList<>();
		for (List<String> record : records.subList(1, records.size())) {
			if (record.size() != header.size()) {
				throw new IllegalStateException(
						file + ": " + record.size() + " fields, header has " + header.size() + ": " + record);
			}
			Map<String, String> row = new LinkedHashMap<>();
			for (int i = 0; i < header.size(); i++) {
				row.put(header.get(i), record.get(i));
			}
			rows.add(row);
		}
		return rows;
	}

	static List<List<String>> records(String text, char delimiter) {
		return CsvRecords.parse(text, delimiter);
	}

}
