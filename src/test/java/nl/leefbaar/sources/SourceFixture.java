package nl.leefbaar.sources;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.leefbaar.ingest.ImportResult;
import nl.leefbaar.ingest.ImportService;
import nl.leefbaar.ingest.RecordSource;
import nl.leefbaar.ingest.csv.CsvReader;
import nl.leefbaar.schedule.SourceDefinition;
import nl.leefbaar.support.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An input folder for the sources' tests: two neighbourhoods, two complexes, the owner's
 * dwellings by address and a category mapping for Signalen's slugs; no reports.csv (the
 * reports come from the sources).
 */
final class SourceFixture {

	/** Fast retries and a short timeout, so that the failure tests take milliseconds. */
	static SourceSettings fast(SourceSettings settings) {
		return settings.withRetryWaits(List.of(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(40)))
			.withRequestTimeout(Duration.ofMillis(800));
	}

	final Path input;

	final Path output;

	SourceFixture(Path root) throws IOException {
		input = Files.createDirectories(root.resolve("in"));
		output = root.resolve("out");
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
		// a space in the postcode and a lower-case letter: matched after normalising
		write("addresses.csv", """
				complex_id,postcode,house_number,house_letter,house_number_addition,dwelling_ref
				C1,3011 AB,10,,,D-0010
				C1,3011AB,12,a,,D-0012A
				C1,3011AB,12,,2,D-0012-2
				C2,3072 XK,5,,,D-0505
				C2,3072XK,7,,,
				""");
		write("category-mapping.csv", """
				source_category,category
				afval/grofvuil,pollution
				overlast-van-en-door-personen-of-groepen/jongerenoverlast,safety
				Rommel in portiek,pollution
				Burenoverlast,neighbour_nuisance
				Schade,damage
				""");
	}

	SourceFixture write(String file, String text) throws IOException {
		Files.writeString(input.resolve(file), text, StandardCharsets.UTF_8);
		return this;
	}

	static SignalenSource signalen(FakeSignalen server, SourceSettings settings, Watermarks watermarks) {
		return signalen("signalen", server, settings, watermarks);
	}

	static SignalenSource signalen(String name, FakeSignalen server, SourceSettings settings, Watermarks watermarks) {
		SourceDefinition.Signalen definition = new SourceDefinition.Signalen(name, server.url(), server.tokenUrl(),
				FakeSignalen.CLIENT_ID, "TEST_SIGNALEN_SECRET");
		return new SignalenSource(definition, settings, watermarks,
				Map.of("TEST_SIGNALEN_SECRET", FakeSignalen.SECRET)::get);
	}

	ImportResult pull(ImportService importService, RecordSource... sources) {
		return importService.importFolder(input, output, null, List.of(sources));
	}

	/** The records of a reject file: file, line, column, reason, raw. */
	static List<List<String>> rejects(ImportResult result) throws IOException {
		List<List<String>> records = new ArrayList<>();
		try (CsvReader reader = CsvReader.open(result.rejectsFile())) {
			while (reader.next()) {
				records.add(reader.fields());
			}
		}
		return records;
	}

	static void clear(JdbcTemplate jdbc) {
		TestDatabase.clearDomainTables(jdbc);
		jdbc.update("delete from source_watermark");
	}

}
