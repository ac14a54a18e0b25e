package nl.leefbaar.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What /work/shared/spec/ fixes, written out here on purpose rather than taken from the
 * product's constants: the tests check the product against the contract, not against
 * itself.
 */
final class Contract {

	static final List<String> INDICATORS_HEADER = List.of("period", "level", "unit_id", "unit_name", "category",
			"indicator", "value", "numerator", "denominator", "ci_low", "ci_high", "flag");
	static final List<String> EFFECTS_HEADER = List.of("activity_id", "type", "complex_id", "neighbourhood_code",
			"date", "category", "window_days", "before", "after", "rate_ratio", "ci_low", "ci_high", "p_value",
			"comparison_before", "comparison_after", "comparison_rate_ratio", "effect_vs_comparison", "flag",
			"effect_ci_low", "effect_ci_high");
	static final Set<String> FLAGS = Set.of("", "high", "elevated", "in range", "reduced", "low", "incomplete_lookback",
			"suppressed");

	/** input-format.md, canonical report categories. */
	static final List<String> CATEGORIES = List.of("neighbour_nuisance", "pollution", "damage", "safety", "social",
			"public_space", "other");
	static final List<String> LEVELS = List.of("complex", "neighbourhood", "city");

	/**
	 * Counts of reports or people: the small-number rules show 1..4 as nothing but
	 * suppressed.
	 */
	static final Set<String> PEOPLE_COUNTS = Set.of("reports", "reports_12m", "open_overdue", "participants");

	/** outputs.md, charts/. */
	static final List<String> CHARTS = List.of("rate-trend", "repeat-trend", "funnel", "ranking", "activity-effect",
			"concentration");

	record Row(List<String> levels, List<String> categories) {
	}

	/**
	 * The table at the end of indicators.md: indicator -> the levels and categories it
	 * has rows for.
	 */
	static final Map<String, Row> TABLE = table();

	private static Map<String, Row> table() {
		List<String> each = CATEGORIES;
		List<String> eachAndAll = new ArrayList<>(CATEGORIES);
		eachAndAll.add("all");
		List<String> all = List.of("all");
		List<String> everyLevel = LEVELS;
		Map<String, Row> table = new LinkedHashMap<>();
		for (String indicator : List.of("reports", "reports_12m", "report_rate", "report_rate_12m", "repeat_rate",
				"repeat_rate_12m", "dwelling_repeat_rate", "dwelling_repeat_rate_12m")) {
			table.put(indicator, new Row(everyLevel, eachAndAll));
		}
		table.put("hotspots", new Row(everyLevel, each));
		table.put("concentration_top10_12m", new Row(List.of("neighbourhood", "city"), all));
		for (String indicator : List.of("days_to_close_median", "days_to_close_p90", "closed_within_target_share",
				"open_overdue")) {
			table.put(indicator, new Row(everyLevel, eachAndAll));
		}
		for (String indicator : List.of("follow_up_share", "activities", "participants", "participation_rate_12m")) {
			table.put(indicator, new Row(everyLevel, all));
		}
		table.put("liveability_index", new Row(everyLevel, all));
		return table;
	}

	private Contract() {
	}

}
