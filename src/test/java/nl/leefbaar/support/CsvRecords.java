package nl.leefbaar.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV back for assertions, independently of the importer's reader: RFC 4180
 * quotes, doubled quotes and line breaks inside quotes, an optional BOM, CRLF or LF.
 * Header included.
 */
public final class CsvRecords {

	private CsvRecords() {
	}

	/**
	 * The records of a file whose delimiter is the one its header line uses (`;` or `,`).
	 */
	public static List<List<String>> read(Path file) throws IOException {
		String text = Files.readString(file, StandardCharsets.UTF_8);
		int firstLineEnd = text.indexOf('\n');
		String header = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
		return parse(text, header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',');
	}

	public static List<List<String>> parse(String text, char delimiter) {
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"' && field.length() == 0) {
				quoted = true;
			}
			else if (c == delimiter) {
				record.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				record.add(field.toString());
				field.setLength(0);
				records.add(record);
				record = new ArrayList<>();
			}
			else {
				field.append(c);
			}
		}
		if (field.length() > 0 || !record.isEmpty()) {
			record.add(field.toString());
			records.add(record);
		}
		return records;
	}

}
