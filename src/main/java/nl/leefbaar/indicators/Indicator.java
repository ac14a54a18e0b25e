package nl.leefbaar.indicators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import nl.leefbaar.domain.Category;
import nl.leefbaar.domain.Level;

/**
 * The indicators of indicators.md's table, in its order: which levels and categories each
 * has, and what kind of figure it is (which decides its interval and its small-number
 * rule).
 */
public enum Indicator {

	REPORTS("reports", Kind.COUNT, true, true, Level.values()),
	REPORTS_12M("reports_12m", Kind.COUNT, true, true, Level.values()),
	REPORT_RATE("report_rate", Kind.RATE, true, true, Level.values()),
	REPORT_RATE_12M("report_rate_12m", Kind.RATE, true, true, Level.values()),
	REPEAT_RATE("repeat_rate", Kind.SHARE, true, true, Level.values()),
	REPEAT_RATE_12M("repeat_rate_12m", Kind.SHARE, true, true, Level.values()),
	DWELLING_REPEAT_RATE("dwelling_repeat_rate", Kind.SHARE, true, true, Level.values()),
	DWELLING_REPEAT_RATE_12M("dwelling_repeat_rate_12m", Kind.SHARE, true, true, Level.values()),
	HOTSPOTS("hotspots", Kind.PLAIN, true, false, Level.values()),
	CONCENTRATION_TOP10_12M("concentration_top10_12m", Kind.SHARE, false, true, Level.NEIGHBOURHOOD, Level.CITY),
	DAYS_TO_CLOSE_MEDIAN("days_to_close_median", Kind.DAYS, true, true, Level.values()),
	DAYS_TO_CLOSE_P90("days_to_close_p90", Kind.DAYS, true, true, Level.values()),
	CLOSED_WITHIN_TARGET_SHARE("closed_within_target_share", Kind.SHARE, true, true, Level.values()),
	OPEN_OVERDUE("open_overdue", Kind.COUNT, true, true, Level.values()),
	FOLLOW_UP_SHARE("follow_up_share", Kind.SHARE, false, true, Level.values()),
	ACTIVITIES("activities", Kind.PLAIN, false, true, Level.values()),
	PARTICIPANTS("participants", Kind.COUNT, false, true, Level.values()),
	PARTICIPATION_RATE_12M("participation_rate_12m", Kind.RATE, false, true, Level.values()),
	LIVEABILITY_INDEX("liveability_index", Kind.PLAIN, false, true, Level.values());

	/**
	 * COUNT: a count of reports or people (small-number rule on the value); RATE: per 100
	 * dwellings (Garwood interval); SHARE: x out of n (Wilson interval); DAYS: a
	 * percentile of handling times; PLAIN: a number with no interval and no small-number
	 * rule.
	 */
	public enum Kind {

		COUNT, RATE, SHARE, DAYS, PLAIN

	}

	private final String code;

	private final Kind kind;

	private final boolean perCategory;

	private final boolean forAll;

	/** An EnumSet: a month asks it for each of its 3 million figures. */
	private final Set<Level> levels;

	Indicator(String code, Kind kind, boolean perCategory, boolean forAll, Level... levels) {
		this.code = code;
		this.kind = kind;
		this.perCategory = perCategory;
		this.forAll = forAll;
		this.levels = EnumSet.noneOf(Level.class);
		this.levels.addAll(Arrays.asList(levels));
	}

	public String code() {
		return code;
	}

	public Kind kind() {
		return kind;
	}

	public boolean appliesTo(Level level) {
		return levels.contains(level);
	}

	/**
	 * The categories of this indicator in indicators.csv: each canonical one and/or
	 * {@code all}.
	 */
	public List<String> categories() {
		List<String> categories = new ArrayList<>();
		if (perCategory) {
			categories.addAll(Category.codes());
		}
		if (forAll) {
			categories.add(Category.ALL);
		}
		return categories;
	}

	/**
	 * Whether {@link #categories()} holds this category (a canonical code or
	 * {@code all}), without a list.
	 */
	boolean hasCategory(String category) {
		return Category.ALL.equals(category) ? forAll : perCategory;
	}

	/**
	 * Rows of indicators.csv per unit of this level: the sum of categories over the
	 * indicators.
	 */
	public static int rowsPerUnit(Level level) {
		int rows = 0;
		for (Indicator indicator : values()) {
			if (indicator.appliesTo(level)) {
				rows += indicator.categories().size();
			}
		}
		return rows;
	}

}
