package nl.leefbaar.indicators.effects;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import nl.leefbaar.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The windows and counts of {@link EffectCounts} (one pass over the reports' days) equal
 * those of counting every activity against every complex of its neighbourhood (the SQL
 * until issue 23, kept in {@code bench/effects-own-counts.sql} and
 * {@code bench/effects-pairwise-comparison.sql}), on seeded random cities and for several
 * months, windows B and minimum windows: shortened windows at both ends, activities on
 * the same day, before the data and after the month, without a category or for a whole
 * neighbourhood, overlapping spans and spans that meet on one day, a neighbourhood of one
 * complex.
 */
@SpringBootTest
class EffectsAgreeWithPairwiseCountingTests {

	private static final String[] CATEGORIES = { "pollution", "social", "damage" };

	private static final String[] MONTH_ENDS = { "2023-02-28", "2023-07-31", "2023-12-31", "2024-06-30", "2024-12-31" };

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	NamedParameterJdbcTemplate named;

	@BeforeEach
	void clean() {
		TestDatabase.clearDomainTables(jdbc);
	}

	@Test
	void countsEqualThoseOfCountingEveryPair() throws IOException {
		String pairwise = resource("bench/effects-pairwise-comparison.sql");
		String ownCounts = resource("bench/effects-own-counts.sql");
		int compared = 0;
		for (long seed = 1; seed <= 3; seed++) {
			TestDatabase.clearDomainTables(jdbc);
			randomCity(new SplittableRandom(seed));
			for (String monthEnd : MONTH_ENDS) {
				for (int[] windows : new int[][] { { 180, 30 }, { 45, 0 }, { 7, 5 }, { 1, 1 } }) {
					MapSqlParameterSource parameters = new MapSqlParameterSource()
						.addValue("monthEnd", LocalDate.parse(monthEnd))
						.addValue("window", windows[0])
						.addValue("minWindow", windows[1]);
					Map<String, List<Object>> expected = new TreeMap<>();
					named.query(ownCounts, parameters, rs -> {
						expected.put(rs.getString("activity_id"),
								new ArrayList<>(List.of(rs.getInt("days_before"), rs.getInt("days_after"),
										rs.getInt("window_days"), String.valueOf(rs.getObject("before")),
										String.valueOf(rs.getObject("after")))));
					});
					named.query(pairwise, parameters, rs -> {
						expected.get(rs.getString("activity_id"))
							.addAll(List.of(rs.getInt("complexes"), rs.getInt("before"), rs.getInt("after")));
					});
					Map<String, List<Object>> actual = new TreeMap<>();
					for (EffectCounts.Counted c : EffectCounts.count(named, LocalDate.parse(monthEnd), windows[0],
							windows[1])) {
						boolean counted = c.counted(windows[1]);
						List<Object> row = new ArrayList<>(List.of(c.daysBefore(), c.daysAfter(), c.window(),
								counted ? String.valueOf(c.own().before()) : "null",
								counted ? String.valueOf(c.own().after()) : "null"));
						if (c.comparison() != null) {
							row.addAll(
									List.of(c.comparisonComplexes(), c.comparison().before(), c.comparison().after()));
						}
						actual.put(c.activityId(), row);
					}
					assertThat(actual)
						.as("seed %d, month end %s, B %d, minimum %d", seed, monthEnd, windows[0], windows[1])
						.isEqualTo(expected);
					compared += (int) expected.values().stream().filter(row -> row.size() > 5).count();
				}
			}
		}
		assertThat(compared).as("activities with a comparison group, compared").isGreaterThan(500);
	}

	/**
	 * Four neighbourhoods of 1 to 7 complexes; reports from 2023-01-01 on; activities
	 * from before the data to after the last month, often in runs on nearby days.
	 */
	private void randomCity(SplittableRandom random) {
		List<String> complexes = new ArrayList<>();
		List<String> neighbourhoods = List.of("N1", "N2", "N3", "N4");
		int[] sizes = { 1, 3 + random.nextInt(3), 5 + random.nextInt(3), 2 };
		for (int n = 0; n < neighbourhoods.size(); n++) {
			jdbc.update("insert into neighbourhood (neighbourhood_code, name) values (?, ?)", neighbourhoods.get(n),
					"Wijk " + n);
			for (int i = 0; i < sizes[n]; i++) {
				String id = "C" + n + i;
				complexes.add(id);
				jdbc.update(
						"insert into complex (complex_id, name, neighbourhood_code, dwellings) values (?, ?, ?, 100)",
						id, "Complex " + id, neighbourhoods.get(n));
			}
		}
		LocalDate first = LocalDate.of(2023, 1, 1);
		List<Object[]> reports = new ArrayList<>();
		reports.add(new Object[] { "R0", complexes.get(0), "damage", first.toString() });
		for (int r = 1; r < 1500; r++) {
			String complex = complexes.get(random.nextInt(complexes.size()));
			String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
			reports.add(new Object[] { "R" + r, complex, category, first.plusDays(random.nextInt(760)).toString() });
		}
		jdbc.batchUpdate("""
				insert into report (report_id, complex_id, source_category, category, reported_at, reported_day)
				values (?, ?, 'x', ?, (cast(? as date) + time '12:00') at time zone 'Europe/Amsterdam', cast(? as date))
				""", reports.stream().map(r -> new Object[] { r[0], r[1], r[2], r[3], r[3] }).toList());
		List<Object[]> activities = new ArrayList<>();
		LocalDate day = first.minusDays(60);
		for (int a = 0; a < 160; a++) {
			// runs of activities on the same or nearby days, then a jump
			day = random.nextInt(4) == 0 ? first.plusDays(random.nextInt(900) - 60)
					: day.plusDays(random.nextInt(3) == 0 ? 0 : random.nextInt(200));
			String complex = complexes.get(random.nextInt(complexes.size()));
			boolean wide = random.nextInt(12) == 0;
			String category = random.nextInt(10) == 0 ? null : CATEGORIES[random.nextInt(CATEGORIES.length)];
			activities.add(new Object[] { "A" + a, wide ? null : complex,
					wide ? neighbourhoods.get(random.nextInt(neighbourhoods.size())) : null, day.toString(),
					category });
		}
		// Spans that meet on exactly one day (two activities 2B apart) for B = 180, 45, 7
		// and
		// 1, with an activity of a neighbour on that day.
		String[][] meeting = { { "C20", "2023-06-01", "2024-05-26", "C21", "2023-11-28" },
				{ "C22", "2023-03-01", "2023-05-30", "C23", "2023-04-15" },
				{ "C24", "2023-09-01", "2023-09-15", "C21", "2023-09-08" },
				{ "C23", "2024-02-01", "2024-02-03", "C22", "2024-02-02" } };
		for (String[] edge : meeting) {
			activities.add(new Object[] { "E" + activities.size(), edge[0], null, edge[1], "pollution" });
			activities.add(new Object[] { "E" + activities.size(), edge[0], null, edge[2], "pollution" });
			activities.add(new Object[] { "E" + activities.size(), edge[3], null, edge[4], "pollution" });
		}
		jdbc.batchUpdate("""
				insert into activity (activity_id, complex_id, neighbourhood_code, type, date, addresses_category)
				values (?, ?, ?, 'cleanup', cast(? as date), ?)
				""", activities);
	}

	private static String resource(String path) throws IOException {
		try (InputStream in = EffectsAgreeWithPairwiseCountingTests.class.getClassLoader().getResourceAsStream(path)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
