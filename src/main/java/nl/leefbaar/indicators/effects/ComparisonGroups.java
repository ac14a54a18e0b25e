package nl.leefbaar.indicators.effects;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.leefbaar.indicators.effects.ActivityEffectService.Counts;

/**
 * The comparison groups of the activity effects (indicators.md, Activity effect) for
 * every neighbourhood, category and day d at once, without pairing activities and
 * complexes: on day d the group is the neighbourhood's complexes without an activity
 * addressing the category dated d - B to d + B, counted in the windows before = [d - w,
 * d) and after = [d, d + w), w = min(B, d - first report day, last day of m - d + 1).
 * <ul>
 * <li>The window's ends move forward with d, so a report on day t lies in the before
 * windows of the days d in [t + 1, last(t)] and in the after windows of [first(t), t]:
 * one range of days each.</li>
 * <li>A complex is out of the group on the days of its spans: its activities addressing
 * the category, each widened by B on both sides, overlapping ones merged. Its reports
 * count on the days of their ranges outside its spans. A span is at least 2B + 1 days
 * long and a range at most B, so that is again one range, cut by the span the report's
 * day lies in, or by the spans just before and after it.</li>
 * <li>A range adds its report from its first day on and takes it off after its last day;
 * a span takes its complex off the group the same way ({@link DayChanges}). Running sums
 * over the days of a neighbourhood and category then give the group's counts and the
 * complexes it leaves out on every day.</li>
 * </ul>
 * Work: each activity and each report once. Memory: the spans, and three arrays of days
 * per neighbourhood and category with an activity to count.
 */
final class ComparisonGroups {

	/** Before any day, after any day: the span before or after that does not exist. */
	private static final int NONE_BEFORE = Integer.MIN_VALUE / 4;

	private static final int NONE_AFTER = Integer.MAX_VALUE / 4;

	private record Key(String neighbourhoodCode, String category) {
	}

	private record ComplexKey(String complexId, String neighbourhoodCode, String category) {
		Key group() {
			return new Key(neighbourhoodCode, category);
		}
	}

	/** One neighbourhood and category. */
	private record Group(DayChanges before, DayChanges after, DayChanges leftOut) {
	}

	private final Map<Key, Group> groups = new HashMap<>();

	private final Map<ComplexKey, Spans> spans = new HashMap<>();

	private final int end;

	private final int window;

	/**
	 * The groups of the counted activities' neighbourhoods and categories, with every
	 * activity's span leaving its complex out; days from the first report's day (or the
	 * first counted activity's, if earlier) to end.
	 */
	ComparisonGroups(List<EffectCounts.Counted> counted, List<EffectCounts.Activity> activities, int start, int end,
			int window) {
		this.end = end;
		this.window = window;
		int first = start;
		for (EffectCounts.Counted s : counted) {
			first = Math.min(first, s.day());
		}
		for (EffectCounts.Counted s : counted) {
			Key key = new Key(s.neighbourhoodCode(), s.category());
			if (!groups.containsKey(key)) {
				groups.put(key,
						new Group(new DayChanges(first, end), new DayChanges(first, end), new DayChanges(first, end)));
			}
		}
		Map<ComplexKey, List<Integer>> activityDays = new HashMap<>();
		for (EffectCounts.Activity a : activities) {
			ComplexKey key = new ComplexKey(a.complexId(), a.neighbourhoodCode(), a.category());
			if (groups.containsKey(key.group())) {
				activityDays.computeIfAbsent(key, k -> new ArrayList<>()).add(a.day());
			}
		}
		activityDays.forEach((key, days) -> {
			Spans complexSpans = Spans.of(days, window);
			spans.put(key, complexSpans);
			DayChanges leftOut = groups.get(key.group()).leftOut();
			for (int i = 0; i < complexSpans.count(); i++) {
				leftOut.add(complexSpans.first(i), complexSpans.last(i));
			}
		});
	}

	/**
	 * A complex's reports of a category (their days, sorted): each counts for the days
	 * whose before or after window holds it while its complex is in the group. start is
	 * the first report's day.
	 */
	void addReports(String complexId, String neighbourhoodCode, String category, int[] days, int start) {
		ComplexKey key = new ComplexKey(complexId, neighbourhoodCode, category);
		Group group = groups.get(key.group());
		if (group == null) {
			return;
		}
		Spans complexSpans = spans.getOrDefault(key, Spans.NONE);
		int span = -1; // the last span that starts on or before the report's day
		for (int t : days) {
			while (span + 1 < complexSpans.count() && complexSpans.first(span + 1) <= t) {
				span++;
			}
			boolean inSpan = span >= 0 && t <= complexSpans.last(span);
			int previousEnd = inSpan ? (span >= 1 ? complexSpans.last(span - 1) : NONE_BEFORE)
					: (span >= 0 ? complexSpans.last(span) : NONE_BEFORE);
			int nextStart = span + 1 < complexSpans.count() ? complexSpans.first(span + 1) : NONE_AFTER;
			// before: d in [t + 1, last(t)], last(t) the last d whose window starts at or
			// before t, outside the spans
			int beforeFrom = (inSpan ? complexSpans.last(span) : t) + 1;
			int beforeTo = Math.min(t + Math.min(window, (end - t + 1) / 2), nextStart - 1);
			// after: d in [first(t), t], first(t) the first d whose window ends after t,
			// outside the spans
			int afterFrom = Math.max(Math.max(t - window + 1, start + (t - start) / 2 + 1), previousEnd + 1);
			int afterTo = inSpan ? complexSpans.first(span) - 1 : t;
			group.before().add(beforeFrom, beforeTo);
			group.after().add(afterFrom, afterTo);
		}
	}

	/** Turns the changes into counts; call once, after the last reports. */
	void runningSums() {
		for (Group group : groups.values()) {
			group.before().runningSum();
			group.after().runningSum();
			group.leftOut().runningSum();
		}
	}

	/**
	 * The complexes of the neighbourhood out of the group on that day (those with an
	 * activity addressing the category within B days).
	 */
	int complexesLeftOut(String neighbourhoodCode, String category, int day) {
		return groups.get(new Key(neighbourhoodCode, category)).leftOut().at(day);
	}

	/** The group's reports in the before and after windows of that day. */
	Counts counts(String neighbourhoodCode, String category, int day) {
		Group group = groups.get(new Key(neighbourhoodCode, category));
		return new Counts(group.before().at(day), group.after().at(day));
	}

	/** One complex's merged spans in one category, in order. */
	private record Spans(int[] firsts, int[] lasts) {

		static final Spans NONE = new Spans(new int[0], new int[0]);

		/**
		 * Each activity's day widened by window on both sides, overlapping ones merged.
		 */
		static Spans of(List<Integer> activityDays, int window) {
			int[] sorted = activityDays.stream().mapToInt(Integer::intValue).sorted().toArray();
			int[] firsts = new int[sorted.length];
			int[] lasts = new int[sorted.length];
			int n = 0;
			for (int day : sorted) {
				if (n > 0 && day - window <= lasts[n - 1]) {
					lasts[n - 1] = day + window;
				}
				else {
					firsts[n] = day - window;
					lasts[n] = day + window;
					n++;
				}
			}
			return new Spans(Arrays.copyOf(firsts, n), Arrays.copyOf(lasts, n));
		}

		int count() {
			return firsts.length;
		}

		int first(int span) {
			return firsts[span];
		}

		int last(int span) {
			return lasts[span];
		}
	}

}
