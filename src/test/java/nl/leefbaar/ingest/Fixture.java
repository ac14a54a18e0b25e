package nl.leefbaar.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import nl.leefbaar.ingest.csv.CsvReader;

/**
 * An input folder written by a test: two neighbourhoods, two complexes, and whatever the
 * test adds.
 */
final class Fixture {

	static final String REPORTS_HEADER = "report_id,complex_id,dwelling_ref,category,reported_at,closed_at,channel,follow_up";
	static final String ACTIVITIES_HEADER = "activity_id,complex_id,neighbourhood_code,type,date,participants,addresses_category";

	final Path input;

	final Path output;

	Fixture(Path root) throws IOException {
		this.input = Files.createDirectories(root.resolve("in"));
		this.output = root.resolve("out");
		write("neighbourhoods.csv", """
				neighbourhood_code,name,district
				BU01,Oude Westen,Centrum
				BU02,Afrikaanderwijk,Feijenoord
				""");
		write("complexes.csv", """
				complex_id,name,neighbourhood_code,owner,dwellings
				C1,Gouvernestraat,BU01,Woonstad,120
				C2,Pretorialaan,BU02,Havensteder,80
				""");
	}

	Fixture write(String file, String text) throws IOException {
		Files.writeString(input.resolve(file), text, StandardCharsets.UTF_8);
		return this;
	}

	Fixture writeBytes(String file, byte[] bytes) throws IOException {
		Files.write(input.resolve(file), bytes);
		return this;
	}

	/** reports.csv with the standard header and these rows. */
	Fixture reports(String... rows) throws IOException {
		return write("reports.csv", REPORTS_HEADER + "\n" + String.join("\n", rows) + "\n");
	}

	Fixture activities(String... rows) throws IOException {
		return write("activities.csv", ACTIVITIES_HEADER + "\n" + String.join("\n", rows) + "\n");
	}

	/** The rows of the reject file of the last run (header left out). */
	List<String> rejectLines(ImportResult result) throws IOException {
		List<String> lines = Files.readAllLines(result.rejectsFile());
		return lines.subList(1, lines.size());
	}

	/** The records of a reject file: file, line, column, reason, raw. */
	static List<List<String>> rejects(Path rejectsFile) throws IOException {
		List<List<String>> records = new ArrayList<>();
		try (CsvReader reader = CsvReader.open(rejectsFile)) {
			while (reader.next()) {
				records.add(reader.fields());
			}
		}
		return records;
	}

	/** The one reject of a file at a line: [file, line, column, reason, raw]. */
	static List<String> reject(ImportResult result, String file, long line) throws IOException {
		return rejects(result.rejectsFile()).stream()
			.filter(r -> r.get(0).equals(file) && r.get(1).equals(Long.toString(line)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no reject for " + file + " line " + line));
	}

}
