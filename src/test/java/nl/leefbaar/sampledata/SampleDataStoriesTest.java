package nl.leefbaar.sampledata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import nl.leefbaar.indicators.stats.RiseTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stories from the field are in the default sample, where the README says they are.
 */
class SampleDataStoriesTest {

	private static final int WINDOW_DAYS = 180;

	/** Window A's share of the days of the hotspot test's two windows (90 / 455). */
	private static final double SHARE = 90.0 / 455;

	private final SampleFixture sample = SampleFixture.get();

	@Test
	void pollutionFallsClearlyAfterTheStairwellCleanupButNotAtTheNeighboursWithout() {
		// given
		SampleDataGenerator.Story story = sample.story("cleanup");
		LocalDate cleanup = story.date();
		Set<String> comparison = complexesIn(story.neighbourhoodCode());
		comparison.remove(story.complexId());

		// when
		int before = count(Set.of(story.complexId()), "pollution", cleanup.minusDays(WINDOW_DAYS), cleanup);
		int after = count(Set.of(story.complexId()), "pollution", cleanup, cleanup.plusDays(WINDOW_DAYS));
		int comparisonBefore = count(comparison, "pollution", cleanup.minusDays(WINDOW_DAYS), cleanup);
		int comparisonAfter = count(comparison, "pollution", cleanup, cleanup.plusDays(WINDOW_DAYS));

		// then
		assertEquals("C00008", story.complexId());
		assertTrue(before >= 30, "before: " + before);
		assertTrue(after * 3 < before, "before " + before + ", after " + after);
		assertTrue(comparisonAfter >= 0.8 * comparisonBefore,
				"comparison before " + comparisonBefore + ", after " + comparisonAfter);
		int laterYear = count(Set.of(story.complexId()), "pollution", cleanup.plusDays(WINDOW_DAYS),
				cleanup.plusDays(WINDOW_DAYS + 365));
		double laterPerWindow = laterYear * (double) WINDOW_DAYS / 365;
		assertTrue(laterPerWindow * 2 < before, "stays lower: " + laterYear + " in the year after");
	}

	@Test
	void noOtherActivityAddressesPollutionInTheCleanupNeighbourhood() {
		SampleDataGenerator.Story story = sample.story("cleanup");
		Set<String> neighbourhood = complexesIn(story.neighbourhoodCode());

		List<String> others = sample.activities.stream()
			.filter(a -> neighbourhood.contains(a.get("complex_id")) && a.get("addresses_category").equals("pollution"))
			.map(a -> a.get("activity_id"))
			.toList();

		assertEquals(story.activityIds(), others);
	}

	@Test
	void publicSpaceReportsFallSomewhatAfterTheGreeningMorning() {
		SampleDataGenerator.Story story = sample.story("greening");
		LocalDate greening = story.date();

		int before = count(Set.of(story.complexId()), "public_space", greening.minusDays(WINDOW_DAYS), greening);
		int after = count(Set.of(story.complexId()), "public_space", greening, greening.plusDays(WINDOW_DAYS));

		assertTrue(after < before * 0.75, "before " + before + ", after " + after);
		Map<String, String> activity = activity(story.activityIds().get(0));
		assertEquals("greening", activity.get("type"));
		assertEquals("public_space", activity.get("addresses_category"));
	}

	@Test
	void neighbourNuisanceComesBackAtTheSameDwellingsUntilMediation() {
		// given
		SampleDataGenerator.Story story = sample.story("mediation");
		LocalDate mediation = LocalDate.parse(activity(story.activityIds().get(1)).get("date"));
		List<Map<String, String>> nuisance = sample.reports.stream()
			.filter(r -> r.get("complex_id").equals(story.complexId())
					&& sample.category(r).equals("neighbour_nuisance") && !r.get("dwelling_ref").isEmpty())
			.toList();

		// when
		double[] beforeRepeats = dwellingRepeats(nuisance, story.date().minusDays(365), story.date());
		double[] afterRepeats = dwellingRepeats(nuisance, mediation.plusDays(30), mediation.plusDays(395));

		// then
		assertEquals("Hof van Spangen, blok B", complex(story.complexId()).get("name"));
		assertTrue(beforeRepeats[0] / beforeRepeats[1] > 0.6,
				"repeat share before: " + beforeRepeats[0] / beforeRepeats[1]);
		assertTrue(afterRepeats[0] / afterRepeats[1] < 0.3, "repeat share after: " + afterRepeats[0] / afterRepeats[1]);
		assertTrue(nuisance.stream()
			.anyMatch(r -> r.get("follow_up").equals("mediation")
					&& story.dwellingRefs().contains(r.get("dwelling_ref"))));
	}

	@Test
	void paymentArrearsStopAfterAccompanimentToTheDebtHelpDesk() {
		SampleDataGenerator.Story story = sample.story("accompaniment");
		for (int i = 0; i < story.activityIds().size(); i++) {
			Map<String, String> activity = activity(story.activityIds().get(i));
			LocalDate date = LocalDate.parse(activity.get("date"));
			String dwelling = story.dwellingRefs().get(i);
			List<LocalDate> arrears = sample.reports.stream()
				.filter(r -> r.get("complex_id").equals(story.complexId()) && r.get("dwelling_ref").equals(dwelling)
						&& r.get("category").endsWith("achterstand"))
				.map(r -> SampleFixture.instant(r.get("reported_at")).toLocalDate())
				.toList();

			assertEquals("accompaniment", activity.get("type"));
			assertEquals("1", activity.get("participants"));
			assertTrue(arrears.stream().filter(d -> d.isBefore(date)).count() >= 2, dwelling + ": " + arrears);
			assertTrue(arrears.stream().filter(d -> !d.isBefore(date)).count() <= 1, dwelling + ": " + arrears);
		}
	}

	@Test
	void neighbourhoodWideMeetingsNameANeighbourhoodAndNoComplex() {
		SampleDataGenerator.Story story = sample.story("meetings");

		List<Map<String, String>> meetings = sample.activities.stream()
			.filter(a -> a.get("complex_id").isEmpty())
			.toList();

		assertTrue(meetings.size() >= 12);
		assertTrue(meetings.stream().allMatch(a -> a.get("type").equals("meeting")));
		assertEquals(story.activityIds(),
				meetings.stream()
					.filter(a -> a.get("neighbourhood_code").equals(story.neighbourhoodCode()))
					.map(a -> a.get("activity_id"))
					.toList());
	}

	@Test
	void havenstedersPollutionRisesIntoAHotspotInOctober2026() {
		assertRisingHotspot(sample.story("rise-havensteder"), "Havensteder", "pollution");
	}

	@Test
	void woonstadsDamageRisesIntoAHotspotThatIsNewInOctober2026() {
		SampleDataGenerator.Story story = sample.story("rise-woonstad");

		assertRisingHotspot(story, "Woonstad Rotterdam", "damage");
		// September's windows (3 July - 30 September 2026 against the 365 days before):
		// no hotspot yet, so October's is new
		int[] september = windows(story.complexId(), "damage", YearMonth.of(2026, 9));
		assertTrue(september[0] < 3 || RiseTest.pValue(september[0], september[1], SHARE) >= 0.01,
				"September: n " + september[0] + ", b " + september[1]);
	}

	@Test
	void vestiasSafetyReportsRiseIntoAHotspotInOctober2026() {
		assertRisingHotspot(sample.story("rise-vestia"), "Vestia", "safety");
	}

	@Test
	void everyOwnerHasARisingComplex() {
		Set<String> owners = sample.complexes.stream()
			.map(c -> c.get("owner"))
			.filter(o -> !o.isEmpty())
			.collect(Collectors.toSet());
		Set<String> rising = sample.summary.stories()
			.stream()
			.filter(s -> s.key().startsWith("rise-"))
			.map(s -> complex(s.complexId()).get("owner"))
			.collect(Collectors.toSet());

		assertEquals(owners, rising);
	}

	/**
	 * The story's complex belongs to the owner, its reports of the category run at more
	 * than twice the year before in August - October 2026, and October's windows make it
	 * a hotspot by a wide margin (indicators.md: n >= 3 and p < 0.01).
	 */
	private void assertRisingHotspot(SampleDataGenerator.Story story, String owner, String category) {
		assertEquals(owner, complex(story.complexId()).get("owner"));
		int lastMonths = count(Set.of(story.complexId()), category, LocalDate.of(2026, 8, 1),
				LocalDate.of(2026, 11, 1));
		int yearBefore = count(Set.of(story.complexId()), category, LocalDate.of(2025, 8, 1),
				LocalDate.of(2025, 11, 1));
		assertTrue(lastMonths > 2 * yearBefore, "August - October 2026: " + lastMonths + ", 2025: " + yearBefore);
		int[] october = windows(story.complexId(), category, YearMonth.of(2026, 10));
		double p = RiseTest.pValue(october[0], october[1], SHARE);
		assertTrue(october[0] >= 3 && p < 0.001, "October: n " + october[0] + ", b " + october[1] + ", p " + p);
	}

	/**
	 * [n, b]: a complex's reports of a category on the 90 days that end with the month
	 * and on the 365 days before them.
	 */
	private int[] windows(String complexId, String category, YearMonth month) {
		LocalDate end = month.atEndOfMonth().plusDays(1);
		LocalDate windowStart = end.minusDays(90);
		int n = count(Set.of(complexId), category, windowStart, end);
		int b = count(Set.of(complexId), category, windowStart.minusDays(365), windowStart);
		return new int[] { n, b };
	}

	@Test
	void storiesKeepTheirComplexesAndActivityIdsForAnySeed(@TempDir Path out) throws Exception {
		var other = SampleDataGenerator.generate(out,
				SampleDataGenerator.Options.defaults().withSeed(99).withReports(3_000));

		for (SampleDataGenerator.Story story : sample.summary.stories()) {
			SampleDataGenerator.Story same = other.stories()
				.stream()
				.filter(s -> s.key().equals(story.key()))
				.findFirst()
				.orElseThrow();
			assertEquals(story.complexId(), same.complexId(), story.key());
			assertEquals(story.activityIds(), same.activityIds(), story.key());
			assertEquals(story.dwellingRefs(), same.dwellingRefs(), story.key());
		}
	}

	@Test
	void complexesDifferMoreThanChanceSoFunnelFlagsShowSomething() {
		Map<String, Integer> reports = new HashMap<>();
		for (Map<String, String> r : sample.reports) {
			reports.merge(r.get("complex_id"), 1, Integer::sum);
		}
		double totalReports = sample.reports.size();
		double totalDwellings = sample.complexes.stream().mapToInt(c -> Integer.parseInt(c.get("dwellings"))).sum();
		double chi2 = 0;
		for (Map<String, String> complex : sample.complexes) {
			double expected = totalReports / totalDwellings * Integer.parseInt(complex.get("dwellings"));
			double observed = reports.getOrDefault(complex.get("complex_id"), 0);
			chi2 += (observed - expected) * (observed - expected) / expected;
		}
		double dispersion = chi2 / (sample.complexes.size() - 1);
		assertTrue(dispersion > 5, "dispersion " + dispersion);
	}

	/**
	 * [repeats, reports] among reports in [from, to), look-back over all earlier reports.
	 */
	private static double[] dwellingRepeats(List<Map<String, String>> reports, LocalDate from, LocalDate to) {
		Map<String, ZonedDateTime> last = new HashMap<>();
		double repeats = 0;
		double total = 0;
		for (Map<String, String> r : reports.stream()
			.sorted(java.util.Comparator
				.comparing((Map<String, String> x) -> SampleFixture.instant(x.get("reported_at")))
				.thenComparing(x -> x.get("report_id")))
			.toList()) {
			ZonedDateTime at = SampleFixture.instant(r.get("reported_at"));
			ZonedDateTime previous = last.put(r.get("dwelling_ref"), at);
			LocalDate day = at.toLocalDate();
			if (!day.isBefore(from) && day.isBefore(to)) {
				total++;
				if (previous != null && !previous.plusDays(90).isBefore(at)) {
					repeats++;
				}
			}
		}
		return new double[] { repeats, total };
	}

	private int count(Set<String> complexes, String category, LocalDate from, LocalDate to) {
		return (int) sample.reports.stream()
			.filter(r -> complexes.contains(r.get("complex_id")) && sample.category(r).equals(category))
			.map(r -> SampleFixture.instant(r.get("reported_at")).toLocalDate())
			.filter(d -> !d.isBefore(from) && d.isBefore(to))
			.count();
	}

	private Set<String> complexesIn(String neighbourhood) {
		return sample.complexes.stream()
			.filter(c -> c.get("neighbourhood_code").equals(neighbourhood))
			.map(c -> c.get("complex_id"))
			.collect(Collectors.toSet());
	}

	private Map<String, String> complex(String id) {
		return sample.complexes.stream().filter(c -> c.get("complex_id").equals(id)).findFirst().orElseThrow();
	}

	private Map<String, String> activity(String id) {
		return sample.activities.stream().filter(a -> a.get("activity_id").equals(id)).findFirst().orElseThrow();
	}

}
