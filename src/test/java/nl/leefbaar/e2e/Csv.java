package nl.leefbaar.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.leefbaar.support.CsvRecords;

/**
 * An exported CSV read back per RFC 4180 (quotes, doubled quotes, line breaks in quotes).
 */
record Csv(List<String> header, List<Map<String, String>> rows, List<List<String>> records) {

	static Csv read(Path file) throws IOException {
		List<List<String>> records = CsvRecords.read(file);
		List<String> header = records.get(0);
		List<Map<String, String>> rows = new ArrayList<>();
		for (List<String> record : records.subList(1, records.size())) {
			Map<String, String> row = new LinkedHashMap<>();
			for (int i = 0; i < header.size() && i < record.size(); i++) {
				row.put(header.get(i), record.get(i));
			}
			rows.add(row);
		}
		return new Csv(header, rows, records.subList(1, records.size()));
	}

	/** An empty field is a missing figure. */
	static Double number(String field) {
		return field == null || field.isEmpty() ? null : Double.valueOf(field);
	}
}
