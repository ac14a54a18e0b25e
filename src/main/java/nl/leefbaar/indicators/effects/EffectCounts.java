package nl.leefbaar.indicators.effects;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.leefbaar.indicators.effects.ActivityEffectService.Counts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The counts behind the activity effects as of month m (indicators.md, Activity effect):
 * each activity's window, its complex's own reports before and after, and its comparison
 * group's. Linear in reports + activities + complexes: the activities once, the reports'
 * days once (one array per complex and category, in the order of an index, dropped once
 * counted), and three arrays of days per neighbourhood and category
 * ({@link ComparisonGroups}).
 * <p>
 * The window w = min(B, d - first report day, last day of m - d + 1) depends on the day d
 * alone, and so does the comparison group (the neighbourhood's complexes without an
 * activity addressing the category dated d - B to d + B): every activity with the same
 * neighbourhood, category and day has the same comparison counts, which
 * {@link ComparisonGroups} holds for every day. The own counts are binary searches in the
 * complex's sorted days.
 */
final class EffectCounts {

	private static final Logger log = LoggerFactory.getLogger(EffectCounts.class);

	/**
	 * An activity with an effect row: its days before and after d, its window, and (when
	 * the window is at least the minimum) its own counts, its comparison group's size and
	 * counts (null without a group).
	 */
	record Counted(String activityId, String type, String complexId, String neighbourhoodCode, LocalDate date,
			String category, int daysBefore, int daysAfter, int window, Counts own, int comparisonComplexes,
			Counts comparison) {

		boolean counted(int minWindow) {
			return window >= minWindow;
		}

		int day() {
			return (int) date.toEpochDay();
		}
	}

	/** An activity at a complex that addresses a category, whatever its date. */
	record Activity(String activityId, String type, String complexId, String neighbourhoodCode, LocalDate date,
			String category) {

		int day() {
			return (int) date.toEpochDay();
		}
	}

	/** A complex's reports of one category. */
	private record ComplexCategory(String complexId, String category) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	private final int end;

	private final int window;

	private final int minWindow;

	private EffectCounts(NamedParameterJdbcTemplate jdbc, LocalDate monthEnd, int window, int minWindow) {
		if (window < 0 || minWindow < 0) {
			throw new IllegalStateException(
					"the effect window and its minimum must be at least 0 days, were " + window + " and " + minWindow);
		}
		this.jdbc = jdbc;
		this.end = (int) monthEnd.toEpochDay();
		this.window = window;
		this.minWindow = minWindow;
	}

	/**
	 * The activities with an effect row as of the month ending on monthEnd (at a complex,
	 * with a category, dated up to monthEnd), by date and id, with their counts. window
	 * is B, minWindow the shortest window that is counted.
	 */
	static List<Counted> count(NamedParameterJdbcTemplate jdbc, LocalDate monthEnd, int window, int minWindow) {
		return new EffectCounts(jdbc, monthEnd, window, minWindow).count();
	}

	private List<Counted> count() {
		long started = System.nanoTime();
		LocalDate dataStart = jdbc.getJdbcTemplate()
			.queryForObject("select min(reported_day) from report", LocalDate.class);
		// Without any report there is nothing before: 0 days.
		int start = dataStart == null ? end : (int) dataStart.toEpochDay();
		List<Activity> activities = jdbc.query(EffectQueries.ACTIVITIES,
				(rs, row) -> new Activity(rs.getString("activity_id"), rs.getString("type"), rs.getString("complex_id"),
						rs.getString("neighbourhood_code"), rs.getObject("date", LocalDate.class),
						rs.getString("category")));
		List<Counted> subjects = new ArrayList<>();
		for (Activity a : activities) {
			if (a.day() <= end) {
				int daysBefore = dataStart == null ? 0 : a.day() - start;
				int daysAfter = end - a.day() + 1;
				subjects.add(new Counted(a.activityId(), a.type(), a.complexId(), a.neighbourhoodCode(), a.date(),
						a.category(), daysBefore, daysAfter, Math.min(window, Math.min(daysBefore, daysAfter)), null, 0,
						null));
			}
		}
		List<Counted> counted = subjects.stream().filter(s -> s.counted(minWindow)).toList();
		if (counted.isEmpty()) {
			return subjects;
		}
		ComparisonGroups groups = new ComparisonGroups(counted, activities, start, end, window);
		long read = System.nanoTime();
		Map<String, Counts> own = readReports(counted, groups, start);
		long reports = System.nanoTime();
		groups.runningSums();
		Map<String, Integer> complexes = new HashMap<>();
		jdbc.getJdbcTemplate()
			.query("select neighbourhood_code, count(*) as complexes from complex group by neighbourhood_code", rs -> {
				complexes.put(rs.getString("neighbourhood_code"), rs.getInt("complexes"));
			});
		List<Counted> result = new ArrayList<>(subjects.size());
		for (Counted s : subjects) {
			if (!s.counted(minWindow)) {
				result.add(s);
				continue;
			}
			int groupSize = complexes.get(s.neighbourhoodCode())
					- groups.complexesLeftOut(s.neighbourhoodCode(), s.category(), s.day());
			result
				.add(new Counted(s.activityId(), s.type(), s.complexId(), s.neighbourhoodCode(), s.date(), s.category(),
						s.daysBefore(), s.daysAfter(), s.window(), own.getOrDefault(s.activityId(), new Counts(0, 0)),
						groupSize, groupSize > 0 ? groups.counts(s.neighbourhoodCode(), s.category(), s.day()) : null));
		}
		log.debug("effect counts: activities and spans {} ms, reports' days {} ms, groups {} ms",
				(read - started) / 1_000_000, (reports - read) / 1_000_000, (System.nanoTime() - reports) / 1_000_000);
		return result;
	}

	/**
	 * One pass over the reports' days: each complex's days go to its comparison group and
	 * give its counted activities their own counts (by activity id).
	 */
	private Map<String, Counts> readReports(List<Counted> counted, ComparisonGroups groups, int start) {
		Map<ComplexCategory, List<Counted>> at = new HashMap<>();
		for (Counted s : counted) {
			at.computeIfAbsent(new ComplexCategory(s.complexId(), s.category()), key -> new ArrayList<>()).add(s);
		}
		Map<String, Counts> own = new HashMap<>();
		MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("monthEnd", LocalDate.ofEpochDay(end))
			.addValue("categories", counted.stream().map(Counted::category).distinct().toArray(String[]::new));
		jdbc.query(EffectQueries.REPORT_DAYS, parameters, rs -> {
			String complexId = rs.getString("complex_id");
			String category = rs.getString("category");
			int[] days = days(rs.getString("days"));
			groups.addReports(complexId, rs.getString("neighbourhood_code"), category, days, start);
			for (Counted s : at.getOrDefault(new ComplexCategory(complexId, category), List.of())) {
				int d = s.day();
				int from = lowerBound(days, d);
				own.put(s.activityId(),
						new Counts(from - lowerBound(days, d - s.window()), lowerBound(days, d + s.window()) - from));
			}
		});
		return own;
	}

	/** The index of the first day at or after d (days sorted). */
	private static int lowerBound(int[] days, int d) {
		int low = 0;
		int high = days.length;
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (days[middle] < d) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return low;
	}

	/** The days of PostgreSQL's text form of an integer array, {@code {19662,19670}}. */
	static int[] days(String array) {
		int count = 0;
		for (int i = 1; i < array.length() - 1; i++) {
			if (array.charAt(i) == ',') {
				count++;
			}
		}
		int[] days = new int[array.length() > 2 ? count + 1 : 0];
		int n = 0;
		int value = 0;
		boolean negative = false;
		for (int i = 1; i < array.length(); i++) {
			char c = array.charAt(i);
			if (c == ',' || c == '}') {
				if (i > 1) {
					days[n++] = negative ? -value : value;
				}
				value = 0;
				negative = false;
			}
			else if (c == '-') {
				negative = true;
			}
			else {
				value = value * 10 + (c - '0');
			}
		}
		return days;
	}

}
