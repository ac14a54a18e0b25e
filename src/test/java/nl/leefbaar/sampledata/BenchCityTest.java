package nl.leefbaar.sampledata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench city of issue 23 (bench/generate.sh city): few large neighbourhoods and a set
 * number of activities per complex, with the stories at their ids.
 */
class BenchCityTest {

	@Test
	void complexesFillTheRealNeighbourhoodsUpToTheirSizeThenNumberedCopies(@TempDir Path out) throws Exception {
		// 12 real neighbourhoods of 50 hold 600 complexes; 8 copies of 50 the other 400
		var options = SampleDataGenerator.Options.defaults()
			.withReports(20_000)
			.withComplexes(1_000)
			.withComplexesPerNeighbourhood(50);

		var summary = SampleDataGenerator.generate(out, options);

		List<Map<String, String>> complexes = CsvTestReader.read(out.resolve("complexes.csv"), ',');
		Map<String, Long> sizes = complexes.stream()
			.collect(Collectors.groupingBy(c -> c.get("neighbourhood_code"), TreeMap::new, Collectors.counting()));
		assertEquals(20, summary.neighbourhoods());
		assertEquals(20, sizes.size());
		assertTrue(sizes.values().stream().allMatch(n -> n == 50), sizes.toString());
		assertEquals(12, sizes.keySet().stream().filter(code -> code.startsWith("BU0599")).count());
		// the first 80 keep their blocks: C00008 opens Tarwewijk, as in the sample
		assertEquals("BU05991571", neighbourhoodOf(complexes, "C00008"));
		assertEquals("BU05990112", neighbourhoodOf(complexes, "C00081"), "the 81st fills up Oude Westen");
	}

	@Test
	void aFewLargeNeighbourhoodsLeaveTheLastOneSmaller(@TempDir Path out) throws Exception {
		// 12 x 40 = 480 > 200: the first real neighbourhoods are filled in turn, no
		// copies
		var summary = SampleDataGenerator.generate(out,
				SampleDataGenerator.Options.defaults()
					.withReports(5_000)
					.withComplexes(200)
					.withComplexesPerNeighbourhood(40));

		Map<String, Long> sizes = CsvTestReader.read(out.resolve("complexes.csv"), ',')
			.stream()
			.collect(Collectors.groupingBy(c -> c.get("neighbourhood_code"), TreeMap::new, Collectors.counting()));
		assertEquals(12, summary.neighbourhoods());
		// Oude Westen 7 + 33, Tarwewijk 8 + 32, Carnisse 7 + 33, Bloemhof 7 + 22, the
		// rest
		// their base blocks
		assertEquals(40, sizes.get("BU05990112"));
		assertEquals(40, sizes.get("BU05991571"));
		assertEquals(40, sizes.get("BU05991573"));
		assertEquals(29, sizes.get("BU05991015"));
		assertEquals(7, sizes.get("BU05991016"));
		assertEquals(200, sizes.values().stream().mapToLong(Long::longValue).sum());
	}

	@Test
	void activitiesPerComplexAndYearSetTheActivityCountAndTheStoriesKeepTheirIds(@TempDir Path out) throws Exception {
		// 1,000 complexes x 3 a year x 3 years: about 9,000 random activities (a Poisson
		// sum: sd about 95), fewer for the categories kept plain for the stories'
		// comparison
		// groups, plus those that end a spell and the stories' and meetings
		var options = SampleDataGenerator.Options.defaults()
			.withReports(20_000)
			.withComplexes(1_000)
			.withComplexesPerNeighbourhood(50)
			.withActivitiesPerComplexYear(3);

		var summary = SampleDataGenerator.generate(out, options);

		List<Map<String, String>> activities = CsvTestReader.read(out.resolve("activities.csv"), ',');
		assertEquals(summary.activities(), activities.size());
		assertTrue(activities.size() > 8_500 && activities.size() < 9_800, "activities: " + activities.size());
		var cleanup = summary.stories().stream().filter(s -> s.key().equals("cleanup")).findFirst().orElseThrow();
		assertEquals("C00008", cleanup.complexId());
		assertEquals(List.of("A000001"), cleanup.activityIds());
		// the clean-up's comparison group is the whole neighbourhood, now 50 complexes:
		// none
		// of them has a pollution activity of its own
		Set<String> tarwewijk = CsvTestReader.read(out.resolve("complexes.csv"), ',')
			.stream()
			.filter(c -> c.get("neighbourhood_code").equals("BU05991571"))
			.map(c -> c.get("complex_id"))
			.collect(Collectors.toSet());
		assertEquals(50, tarwewijk.size());
		assertEquals(List.of("A000001"), activities.stream()
			.filter(a -> tarwewijk.contains(a.get("complex_id")) && a.get("addresses_category").equals("pollution"))
			.map(a -> a.get("activity_id"))
			.toList());
	}

	@Test
	void rejectsAnActivityRateOutOfRange(@TempDir Path out) {
		var options = SampleDataGenerator.Options.defaults().withReports(1_000).withActivitiesPerComplexYear(-1);

		var error = assertThrows(IllegalArgumentException.class, () -> SampleDataGenerator.generate(out, options));

		assertTrue(error.getMessage().contains("--activities-per-complex-year"), error.getMessage());
	}

	private static String neighbourhoodOf(List<Map<String, String>> complexes, String id) {
		return complexes.stream()
			.filter(c -> c.get("complex_id").equals(id))
			.findFirst()
			.orElseThrow()
			.get("neighbourhood_code");
	}

}
