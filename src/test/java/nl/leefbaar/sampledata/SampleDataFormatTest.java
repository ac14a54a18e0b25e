package nl.leefbaar.sampledata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.leefbaar.domain.ActivityType;
import nl.leefbaar.domain.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated files follow input-format.md, and the same seed gives the same bytes. */
class SampleDataFormatTest {

	private static final List<String> FILES = List.of("neighbourhoods.csv", "complexes.csv", "activities.csv",
			"reports.csv");

	private static final Pattern DUTCH_TIMESTAMP = Pattern.compile("\\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2}");

	private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private final SampleFixture sample = SampleFixture.get();

	@Test
	void sameSeedWritesByteIdenticalFiles(@TempDir Path first, @TempDir Path second) throws Exception {
		// given
		SampleDataGenerator.Options options = SampleDataGenerator.Options.defaults().withReports(5_000);

		// when
		SampleDataGenerator.generate(first, options);
		SampleDataGenerator.generate(second, options);

		// then
		for (String file : FILES) {
			assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)), file);
		}
	}

	@Test
	void committedSampleDataIsWhatTheDefaultRunWrites() throws Exception {
		Path committed = Path.of("sample-data");
		assumeTrue(Files.isDirectory(committed), "no sample-data/ here");

		for (String file : FILES) {
			assertEquals(-1L, Files.mismatch(committed.resolve(file), sample.dir.resolve(file)),
					file + " differs from a fresh default run: regenerate sample-data/ (see its README)");
		}
	}

	@Test
	void anotherSeedWritesOtherReports(@TempDir Path first, @TempDir Path second) throws Exception {
		SampleDataGenerator.Options options = SampleDataGenerator.Options.defaults().withReports(2_000);

		SampleDataGenerator.generate(first, options);
		SampleDataGenerator.generate(second, options.withSeed(7));

		assertFalse(Files.mismatch(first.resolve("reports.csv"), second.resolve("reports.csv")) < 0);
	}

	@Test
	void reportsFileIsADutchExportWithBomSemicolonsAndCrlf() throws Exception {
		byte[] bytes = Files.readAllBytes(sample.dir.resolve("reports.csv"));
		String text = new String(bytes, StandardCharsets.UTF_8);

		assertArrayEquals(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, Arrays.copyOf(bytes, 3));
		assertTrue(text.startsWith("\uFEFFreport_id;complex_id;dwelling_ref;category;reported_at;closed_at;channel;"
				+ "follow_up;omschrijving\r\n"));
		long lineFeeds = text.chars().filter(c -> c == '\n').count();
		long crlf = text.split("\r\n", -1).length - 1;
		assertEquals(1, lineFeeds - crlf, "only the one quoted description holds a bare line feed");
		for (Map<String, String> report : sample.reports) {
			assertTrue(DUTCH_TIMESTAMP.matcher(report.get("reported_at")).matches(), report.toString());
			String closed = report.get("closed_at");
			assertTrue(closed.isEmpty() || DUTCH_TIMESTAMP.matcher(closed).matches(), report.toString());
		}
	}

	@Test
	void reportsCarryAnUnknownFreeTextColumnThatNeedsQuotingSometimes() {
		assertTrue(sample.reports.get(0).containsKey("omschrijving"));
		assertTrue(sample.reports.stream().anyMatch(r -> r.get("omschrijving").contains(";")));
		assertTrue(sample.reports.stream().anyMatch(r -> r.get("omschrijving").contains("\n")));
	}

	@Test
	void commaFilesUseIsoDatesAndQuoteNamesPerRfc4180() throws Exception {
		String complexes = Files.readString(sample.dir.resolve("complexes.csv"));
		assertTrue(complexes.contains("\"Hof van Spangen, blok B\""));
		assertTrue(complexes.contains("\"Seniorenflat \"\"De Zeilmaker\"\"\""));
		Set<String> names = sample.complexes.stream().map(c -> c.get("name")).collect(Collectors.toSet());
		assertTrue(names.contains("Hof van Spangen, blok B"));
		assertTrue(names.contains("Seniorenflat \"De Zeilmaker\""));
		for (Map<String, String> activity : sample.activities) {
			assertTrue(ISO_DATE.matcher(activity.get("date")).matches(), activity.toString());
		}
	}

	@Test
	void everyComplexHasPositiveDwellingsAndAKnownNeighbourhood() {
		Set<String> codes = sample.neighbourhoods.stream()
			.map(n -> n.get("neighbourhood_code"))
			.collect(Collectors.toSet());
		assertEquals(12, codes.size());
		assertEquals(80, sample.complexes.size());
		for (Map<String, String> complex : sample.complexes) {
			int dwellings = Integer.parseInt(complex.get("dwellings"));
			assertTrue(dwellings >= 20 && dwellings <= 300, complex.toString());
			assertTrue(codes.contains(complex.get("neighbourhood_code")), complex.toString());
		}
	}

	@Test
	void everyReportBelongsToAnExistingComplexAndHasAUniqueId() {
		Set<String> complexes = sample.complexes.stream().map(c -> c.get("complex_id")).collect(Collectors.toSet());
		Set<String> ids = new HashSet<>();
		for (Map<String, String> report : sample.reports) {
			assertTrue(complexes.contains(report.get("complex_id")), report.toString());
			assertTrue(ids.add(report.get("report_id")), report.toString());
		}
		assertEquals(sample.summary.reports(), sample.reports.size());
	}

	@Test
	void reportsAreClosedNeverBeforeTheyCameInAndNeverAfterTheExport() {
		LocalDate from = SampleDataGenerator.DEFAULT_FROM;
		LocalDate to = SampleDataGenerator.DEFAULT_TO;
		for (Map<String, String> report : sample.reports) {
			var reported = SampleFixture.instant(report.get("reported_at"));
			assertFalse(reported.toLocalDate().isBefore(from) || reported.toLocalDate().isAfter(to), report.toString());
			if (!report.get("closed_at").isEmpty()) {
				var closed = SampleFixture.instant(report.get("closed_at"));
				assertFalse(closed.isBefore(reported), report.toString());
				assertFalse(closed.toLocalDate().isAfter(to), report.toString());
			}
		}
	}

	@Test
	void allSourceCategoriesMapThroughTheDefaultMappingExceptAHandfulOnPurpose() {
		List<String> unmapped = sample.reports.stream()
			.map(r -> r.get("category"))
			.filter(c -> !sample.mapping.containsKey(c.trim().toLowerCase(Locale.ROOT)))
			.toList();
		assertFalse(unmapped.isEmpty());
		assertTrue(unmapped.size() <= 10, unmapped.toString());
		assertEquals(Set.of(Vocabulary.UNMAPPED), Set.copyOf(unmapped));
		assertEquals(unmapped.size(), sample.summary.unmappedReports());
	}

	@Test
	void canonicalCategoriesComeInRoughlyTheFieldsProportions() {
		Map<String, Long> counts = sample.reports.stream()
			.collect(Collectors.groupingBy(sample::category, Collectors.counting()));
		Map<String, Double> expected = Map.of("neighbour_nuisance", 0.25, "pollution", 0.25, "damage", 0.20, "safety",
				0.10, "social", 0.10, "public_space", 0.07, "other", 0.03);
		expected.forEach((category, share) -> {
			double actual = counts.get(category) / (double) sample.reports.size();
			assertEquals(share, actual, 0.03, category);
		});
	}

	@Test
	void dwellingRefsArePseudonymousAndMissingForAboutAQuarter() {
		Pattern ref = Pattern.compile("W-[0-9a-f]{6}");
		long empty = 0;
		for (Map<String, String> report : sample.reports) {
			String dwelling = report.get("dwelling_ref");
			if (dwelling.isEmpty()) {
				empty++;
			}
			else {
				assertTrue(ref.matcher(dwelling).matches(), report.toString());
			}
		}
		double share = empty / (double) sample.reports.size();
		assertTrue(share > 0.18 && share < 0.33, "share without dwelling: " + share);
	}

	@Test
	void channelsFollowUpsAndActivitiesUseTheContractsCodes() {
		Set<String> channels = Set.of("phone", "app", "web", "walk-in", "staff");
		Set<String> followUps = Set.of("visit", "conversation", "referral", "accompaniment", "mediation", "none", "");
		for (Map<String, String> report : sample.reports) {
			assertTrue(channels.contains(report.get("channel")), report.toString());
			assertTrue(followUps.contains(report.get("follow_up")), report.toString());
		}
		Set<String> complexes = sample.complexes.stream().map(c -> c.get("complex_id")).collect(Collectors.toSet());
		for (Map<String, String> activity : sample.activities) {
			assertTrue(ActivityType.fromCode(activity.get("type")).isPresent(), activity.toString());
			boolean atComplex = !activity.get("complex_id").isEmpty();
			assertTrue(atComplex != !activity.get("neighbourhood_code").isEmpty(), activity.toString());
			assertTrue(!atComplex || complexes.contains(activity.get("complex_id")), activity.toString());
			String participants = activity.get("participants");
			assertTrue(participants.isEmpty() || Integer.parseInt(participants) >= 0, activity.toString());
			String addresses = activity.get("addresses_category");
			assertTrue(addresses.isEmpty() || Category.fromCode(addresses).isPresent(), activity.toString());
		}
		assertTrue(sample.activities.size() >= 150 && sample.activities.size() <= 600);
	}

	@Test
	void rejectsAPeriodThatEndsBeforeItStarts(@TempDir Path out) {
		var options = new SampleDataGenerator.Options(1, 100, 0, LocalDate.of(2025, 1, 1), LocalDate.of(2024, 1, 1));

		var error = assertThrows(IllegalArgumentException.class, () -> SampleDataGenerator.generate(out, options));

		assertTrue(error.getMessage().contains("--to"));
	}

}
