package nl.leefbaar.sampledata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The default sample, generated once per test JVM (about a second), and what the tests
 * read from it.
 */
final class SampleFixture {

	static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
	static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

	private static SampleFixture instance;

	final Path dir;

	final SampleDataGenerator.Summary summary;

	final List<Map<String, String>> reports;

	final List<Map<String, String>> complexes;

	final List<Map<String, String>> neighbourhoods;

	final List<Map<String, String>> activities;

	final Map<String, String> mapping;

	private SampleFixture() throws IOException {
		dir = Files.createTempDirectory("sample-data-test");
		dir.toFile().deleteOnExit();
		summary = SampleDataGenerator.generate(dir, SampleDataGenerator.Options.defaults());
		reports = CsvTestReader.read(dir.resolve("reports.csv"), ';');
		complexes = CsvTestReader.read(dir.resolve("complexes.csv"), ',');
		neighbourhoods = CsvTestReader.read(dir.resolve("neighbourhoods.csv"), ',');
		activities = CsvTestReader.read(dir.resolve("activities.csv"), ',');
		mapping = defaultMapping();
		for (String name : List.of("reports.csv", "complexes.csv", "neighbourhoods.csv", "activities.csv")) {
			dir.resolve(name).toFile().deleteOnExit();
		}
	}

	static synchronized SampleFixture get() {
		if (instance == null) {
			try {
				instance = new SampleFixture();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return instance;
	}

	/** The shipped default mapping, keyed by lower-cased trimmed source category. */
	static Map<String, String> defaultMapping() throws IOException {
		try (InputStream in = SampleFixture.class.getResourceAsStream("/category-mapping-default.csv")) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			Map<String, String> mapping = new HashMap<>();
			List<List<String>> records = CsvTestReader.records(text, ',');
			for (List<String> record : records.subList(1, records.size())) {
				mapping.put(record.get(0).trim().toLowerCase(Locale.ROOT), record.get(1).trim());
			}
			return mapping;
		}
	}

	/**
	 * The canonical category of a report per the default mapping; unmapped goes to other.
	 */
	String category(Map<String, String> report) {
		return mapping.getOrDefault(report.get("category").trim().toLowerCase(Locale.ROOT), "other");
	}

	/**
	 * A Dutch local timestamp as java.time resolves it in Europe/Amsterdam (DST gap moves
	 * forward).
	 */
	static ZonedDateTime instant(String dutch) {
		return ZonedDateTime.of(LocalDateTime.parse(dutch, DUTCH), AMSTERDAM);
	}

	SampleDataGenerator.Story story(String key) {
		return summary.stories().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
	}

}
