package nl.leefbaar.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Property-style tests as plain loops over a seeded Random (reproducible; a failure names
 * its case): random rows written as CSV in any of the allowed dialects read back exactly,
 * and random damage to a file never ends in anything but a row, a problem or a
 * CsvException.
 */
class CsvReaderPropertyTests {

	private static final String ALPHABET = "abcXYZ019 ,;\"\r\n\tëé€-=+@'\\";

	@Test
	void randomRowsRoundTripExactly() throws IOException {
		Random random = new Random(20260701);
		for (int round = 0; round < 1000; round++) {
			int columns = 1 + random.nextInt(6);
			// one column: the header has no delimiter to detect, and the default is the
			// comma
			char delimiter = columns > 1 && random.nextBoolean() ? ';' : ',';
			String newline = random.nextBoolean() ? "\r\n" : "\n";
			List<List<String>> rows = new ArrayList<>();
			List<String> header = new ArrayList<>();
			for (int c = 0; c < columns; c++) {
				header.add("col" + c);
			}
			int count = random.nextInt(20);
			for (int r = 0; r < count; r++) {
				List<String> row = new ArrayList<>();
				for (int c = 0; c < columns; c++) {
					row.add(randomValue(random));
				}
				if (columns == 1 && row.get(0).isEmpty()) {
					row.set(0, "x"); // a lone empty field is a blank line, which readers
										// skip
				}
				rows.add(row);
			}
			StringBuilder text = new StringBuilder(random.nextBoolean() ? "\uFEFF" : "");
			text.append(String.join(String.valueOf(delimiter), header)).append(newline);
			List<Long> lines = new ArrayList<>();
			long line = 2;
			for (List<String> row : rows) {
				lines.add(line);
				for (int c = 0; c < columns; c++) {
					if (c > 0) {
						text.append(delimiter);
					}
					String value = row.get(c);
					boolean mustQuote = value.indexOf(delimiter) >= 0 || value.indexOf('"') >= 0
							|| value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
					if (mustQuote || random.nextInt(4) == 0) {
						text.append('"').append(value.replace("\"", "\"\"")).append('"');
					}
					else {
						text.append(value);
					}
					line += value.chars().filter(ch -> ch == '\n').count();
				}
				text.append(newline);
				line++;
			}
			if (random.nextBoolean() && !rows.isEmpty()) {
				text.setLength(text.length() - newline.length()); // no newline at the end
			}
			CsvReader reader = new CsvReader(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)),
					1 << 12);
			assertThat(reader.header()).as("case %d", round).isEqualTo(header);
			for (int r = 0; r < rows.size(); r++) {
				assertThat(reader.next()).as("case %d row %d", round, r).isTrue();
				assertThat(reader.fields()).as("case %d row %d", round, r).isEqualTo(rows.get(r));
				assertThat(reader.line()).as("case %d row %d", round, r).isEqualTo(lines.get(r));
				assertThat(reader.problem()).isNull();
			}
			assertThat(reader.next()).as("case %d end", round).isFalse();
		}
	}

	@Test
	void randomDamageNeverCrashesTheReader() throws IOException {
		Random random = new Random(7);
		byte[] base = ("report_id;complex_id;category;reported_at;omschrijving\r\n"
				+ "R1;C1;Lekkage;02-06-2025 10:15;\"water \"\"veel\"\"\r\nuit plafond\"\r\n"
				+ "R2;C2;Zoë € overlast;2025-06-02T10:15+02:00;\r\n")
			.getBytes(StandardCharsets.UTF_8);
		int refused = 0;
		for (int round = 0; round < 1000; round++) {
			byte[] bytes = base.clone();
			int mutations = 1 + random.nextInt(5);
			for (int m = 0; m < mutations && bytes.length > 0; m++) {
				int at = random.nextInt(bytes.length);
				switch (random.nextInt(3)) {
					case 0 -> bytes[at] = (byte) random.nextInt(256);
					case 1 -> bytes[at] = (byte) "\"\r\n;,".charAt(random.nextInt(5));
					default -> bytes = Arrays.copyOf(bytes, at); // truncate
				}
			}
			try {
				CsvReader reader = new CsvReader(new ByteArrayInputStream(bytes), 64);
				long lastLine = 0;
				while (reader.next()) {
					assertThat(reader.line()).isGreaterThan(lastLine);
					lastLine = reader.line();
					reader.fields();
					reader.raw();
					reader.problem();
				}
			}
			catch (CsvException e) {
				refused++;
				assertThat(e.offset()).isBetween(0L, (long) bytes.length);
			}
		}
		assertThat(refused).isGreaterThan(0).isLessThan(1000);
	}

	private static String randomValue(Random random) {
		int length = random.nextInt(8);
		StringBuilder value = new StringBuilder();
		for (int i = 0; i < length; i++) {
			value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return value.toString();
	}

}
