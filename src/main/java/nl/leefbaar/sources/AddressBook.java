package nl.leefbaar.sources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import nl.leefbaar.ingest.ImportException;
import nl.leefbaar.ingest.PullContext;
import nl.leefbaar.ingest.csv.CsvException;
import nl.leefbaar.ingest.csv.CsvReader;

/**
 * {@code addresses.csv} of the input folder (input-format.md): the owner's dwellings by
 * address, to place a report that a source locates by address. Internal: an address is
 * never written anywhere, not even into the reject file (a bad row is rejected naming its
 * line and column, without its text). Matching is exact on the postcode without spaces in
 * upper case, the house number, the letter and the addition (both upper case, empty when
 * absent).
 */
final class AddressBook {

	static final String FILE = "addresses.csv";

	private static final List<String> COLUMNS = List.of("complex_id", "postcode", "house_number", "house_letter",
			"house_number_addition", "dwelling_ref");

	private static final Pattern POSTCODE = Pattern.compile("[1-9][0-9]{3}[A-Z]{2}");

	/** Where an address lies: its complex and the dwelling's pseudonymous reference. */
	record Dwelling(String complexId, String dwellingRef) {
	}

	private final Map<String, Dwelling> byAddress;

	private AddressBook(Map<String, Dwelling> byAddress) {
		this.byAddress = byAddress;
	}

	/** The book of the input folder; the source that needs it fails without it. */
	static AddressBook read(Path input, String source, PullContext context) throws IOException {
		Path file = input.resolve(FILE);
		if (!Files.isRegularFile(file)) {
			throw new ImportException(source + ": " + FILE + " is missing in " + input
					+ " (the owner's dwellings by address, to place the reports of " + source + ")");
		}
		Map<String, Dwelling> byAddress = new HashMap<>();
		try (CsvReader reader = CsvReader.open(file)) {
			if (reader.header() == null) {
				throw new ImportException(
						FILE + ": empty file (expected the header " + String.join(",", COLUMNS) + ")");
			}
			int[] at = COLUMNS.stream().mapToInt(reader.header()::indexOf).toArray();
			for (int i = 0; i < 3; i++) {
				if (at[i] < 0) {
					throw new ImportException(FILE + ": missing required column " + COLUMNS.get(i) + " (columns: "
							+ String.join(",", COLUMNS) + ")");
				}
			}
			while (reader.next()) {
				String line = Long.toString(reader.line());
				String complex = value(reader, at[0]);
				String postcode = postcode(value(reader, at[1]));
				String number = value(reader, at[2]);
				if (complex.isEmpty() || number.isEmpty()) {
					context.reject(FILE, line, complex.isEmpty() ? "complex_id" : "house_number",
							"missing value (required)");
				}
				else if (!POSTCODE.matcher(postcode).matches()) {
					context.reject(FILE, line, "postcode", "not a Dutch postcode (1234AB)");
				}
				else {
					String key = key(postcode, number, value(reader, at[3]), value(reader, at[4]));
					String dwelling = value(reader, at[5]);
					if (byAddress.putIfAbsent(key,
							new Dwelling(complex, dwelling.isEmpty() ? null : dwelling)) != null) {
						context.reject(FILE, line, "postcode",
								"the same address as an earlier line (the first line of an address is kept)");
					}
				}
			}
		}
		catch (CsvException e) {
			throw new ImportException(FILE + ": " + e.getMessage() + "; the file is refused as a whole");
		}
		return new AddressBook(byAddress);
	}

	/** The dwelling at an address, or null when it is no dwelling of a complex. */
	Dwelling find(String postcode, String number, String letter, String addition) {
		if (postcode == null || number == null) {
			return null;
		}
		return byAddress.get(key(postcode(postcode), number.trim(), letter, addition));
	}

	int size() {
		return byAddress.size();
	}

	private static String key(String postcode, String number, String letter, String addition) {
		return postcode + '|' + number.trim() + '|' + upper(letter) + '|' + upper(addition);
	}

	private static String postcode(String text) {
		return text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
	}

	private static String upper(String text) {
		return text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
	}

	private static String value(CsvReader reader, int index) {
		return index < 0 ? "" : reader.get(index).trim();
	}

}
