package nl.leefbaar.report.excel;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import nl.leefbaar.indicators.stats.Change;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Activiteiten (outputs.md): first the result per activity type (before, after, the ratio
 * with its interval, the comparison group's ratio and the effect against it with its
 * interval, and what that says in words), then the month's activities, then the effect of
 * each activity; an activity too recent or too early to measure says so.
 */
final class ActivitySheet {

	/** The per-activity table's columns; the team's has the owner after the complex. */
	static final List<String> EFFECT_COLUMNS = List.of("activity_id", "type", "complex_id", "complex", "owner", "date",
			"category", "window_days", "before", "after", "rate_ratio", "ci_low", "ci_high", "p_value",
			"comparison_before", "comparison_after", "comparison_rate_ratio", "effect_vs_comparison", "effect_ci_low",
			"effect_ci_high", "flag");

	static final List<String> TYPE_COLUMNS = List.of("type", "category", "before", "after", "rate_ratio", "ci_low",
			"ci_high", "comparison_rate_ratio", "effect_vs_comparison", "effect_ci_low", "effect_ci_high",
			"conclusion");

	/** At most this many activities' effects, the newest first (the CSV has them all). */
	static final int MAX_EFFECTS = 2000;

	private ActivitySheet() {
	}

	static List<String> effectColumns(boolean team) {
		return team ? EFFECT_COLUMNS : EFFECT_COLUMNS.stream().filter(c -> !c.equals("owner")).toList();
	}

	static void write(Sheet sheet, Styles styles, Labels labels, DashboardData data, DashboardScope scope) {
		YearMonth month = data.month;
		boolean team = scope.team();
		Predicate<String> holds = data.holds(scope);
		SheetWriter w = new SheetWriter(sheet, styles);
		w.title(labels.format("activities.title", labels.month(month)), labels.get("activities.subtitle"));
		int titleRows = w.rowIndex() + 1;

		types(w, styles, labels, data);
		activities(w, styles, labels, data, scope, holds);
		int effectHeader = effects(w, styles, labels, data, scope, holds);
		w.fixWidth(3, 30);
		if (team) {
			// the owner column of the effect list (finish applies the widths)
			w.fixWidth(4, 18);
		}
		w.identifyingColumns(2);
		w.finish(effectHeader);
		sheet.createFreezePane(0, titleRows);
	}

	/** The pooled rows of activity_effect: the city's result per activity type. */
	private static void types(SheetWriter w, Styles styles, Labels labels, DashboardData data) {
		w.skipRows(1);
		w.newRow();
		w.text(0, labels.get("activities.types"), styles.section, false);
		w.newRow();
		w.spanning(labels.get("activities.types.note"), styles.noteLine);
		List<String> header = TYPE_COLUMNS.stream().map(c -> labels.get("activities.types.column." + c)).toList();
		int headerRow = w.header(header);
		int rows = 0;
		for (Map<String, Object> e : data.effects) {
			if (e.get("activity_id") != null) {
				continue;
			}
			w.newRow();
			w.text(0, labels.code("type", (String) e.get("type")));
			String category = (String) e.get("category");
			w.text(1, category == null ? labels.get("activities.types.mixed") : labels.category(category));
			w.numberOrBlank(2, RepeatSheet.number(e.get("before")), Styles.INTEGER, Missing.NO_DATA, labels);
			w.numberOrBlank(3, RepeatSheet.number(e.get("after")), Styles.INTEGER, Missing.NO_DATA, labels);
			w.numberOrBlank(4, RepeatSheet.number(e.get("rate_ratio")), Styles.DECIMAL2, Missing.NO_DATA, labels);
			w.number(5, RepeatSheet.number(e.get("ci_low")), Styles.DECIMAL2);
			upper(w, 6, e.get("ci_high"));
			w.numberOrBlank(7, RepeatSheet.number(e.get("comparison_rate_ratio")), Styles.DECIMAL2, Missing.NO_DATA,
					labels);
			w.numberOrBlank(8, RepeatSheet.number(e.get("effect_vs_comparison")), Styles.DECIMAL2, Missing.NO_DATA,
					labels);
			w.number(9, RepeatSheet.number(e.get("effect_ci_low")), Styles.DECIMAL2);
			w.number(10, RepeatSheet.number(e.get("effect_ci_high")), Styles.DECIMAL2);
			conclusion(w, 11, labels, e);
			rows++;
		}
		if (rows == 0) {
			w.newRow();
			w.text(0, labels.get("activities.no_effects"), styles.note, false);
		}
		else {
			w.listTable("Resultaat_per_soort", headerRow, w.rowIndex(), header);
		}
	}

	/**
	 * The effect against the comparison group in words: fewer or more reports than the
	 * comparison group when its 95 % interval lies wholly below or above 1.
	 */
	private static void conclusion(SheetWriter w, int column, Labels labels, Map<String, Object> e) {
		Double low = RepeatSheet.number(e.get("effect_ci_low"));
		Double high = RepeatSheet.number(e.get("effect_ci_high"));
		if (low == null || high == null) {
			w.blank(column, Missing.NO_DATA, labels);
			return;
		}
		Change.Verdict verdict = high < 1 ? Change.Verdict.BETTER
				: low > 1 ? Change.Verdict.WORSE : Change.Verdict.NO_CLEAR_CHANGE;
		String key = switch (verdict) {
			case BETTER -> "activities.conclusion.fewer";
			case WORSE -> "activities.conclusion.more";
			case NO_CLEAR_CHANGE -> "activities.conclusion.none";
		};
		w.text(column, labels.get(key), w.styles.verdict(verdict));
	}

	private static void activities(SheetWriter w, Styles styles, Labels labels, DashboardData data,
			DashboardScope scope, Predicate<String> holds) {
		boolean team = scope.team();
		Set<String> neighbourhoods = data.neighbourhoods(scope);
		w.skipRows(1);
		w.newRow();
		w.text(0, labels.get("activities.month"), styles.section, false);
		// the columns of the effect list below, as far as they go: the same widths fit
		// both
		List<String> header = new ArrayList<>(List.of(labels.get("activities.column.activity_id"),
				labels.get("activities.column.type"), labels.get("column.complex_id"), labels.get("column.complex")));
		if (team) {
			header.add(labels.get("column.owner"));
		}
		header.addAll(List.of(labels.get("activities.column.date"), labels.get("column.neighbourhood"),
				labels.get("activities.column.participants"), labels.get("activities.column.category")));
		int headerRow = w.header(header);
		int rows = 0;
		for (Map<String, Object> a : data.activities) {
			String complexId = (String) a.get("complex_id");
			String neighbourhood = (String) a.get("neighbourhood_code");
			// an owner sees its complexes' activities and those for a whole neighbourhood
			// it has a complex in
			boolean shown = complexId == null ? team || neighbourhoods.contains(neighbourhood) : holds.test(complexId);
			if (!shown) {
				continue;
			}
			DashboardStore.Complex c = complexId == null ? null : data.complexById.get(complexId);
			w.newRow();
			int col = 0;
			w.text(col++, (String) a.get("activity_id"));
			w.text(col++, labels.code("type", (String) a.get("type")));
			w.text(col++, complexId);
			w.text(col++, c == null ? labels.get("activities.whole_neighbourhood") : c.name());
			if (team) {
				w.text(col++, c == null ? null : c.owner());
			}
			w.date(col++, date(a.get("date")));
			w.text(col++, neighbourhoodName(data, neighbourhood));
			w.number(col++, RepeatSheet.number(a.get("participants")), Styles.INTEGER);
			w.text(col, labels.category((String) a.get("addresses_category")));
			rows++;
		}
		if (rows == 0) {
			w.newRow();
			w.text(0, labels.get("activities.none"), styles.note, false);
		}
		else {
			w.listTable("Activiteiten_maand", headerRow, w.rowIndex(), header);
		}
	}

	private static int effects(SheetWriter w, Styles styles, Labels labels, DashboardData data, DashboardScope scope,
			Predicate<String> holds) {
		boolean team = scope.team();
		w.skipRows(1);
		w.newRow();
		w.text(0, labels.get("activities.effects"), styles.section, false);
		w.newRow();
		w.spanning(labels.get("activities.effects.note"), styles.noteLine);
		List<String> columns = effectColumns(team);
		List<String> header = columns.stream().map(c -> labels.get("activities.column." + c)).toList();
		int headerRow = w.header(header);
		LocalDate since = data.month.minusMonths(11).atDay(1);
		int rows = 0;
		boolean cut = false;
		for (Map<String, Object> e : data.effects) {
			String id = (String) e.get("activity_id");
			String complexId = (String) e.get("complex_id");
			LocalDate date = date(e.get("date"));
			if (id == null || !holds.test(complexId) || date == null || date.isBefore(since)) {
				continue;
			}
			if (rows == MAX_EFFECTS) {
				cut = true;
				break;
			}
			DashboardStore.Complex c = data.complexById.get(complexId);
			w.newRow();
			int col = 0;
			w.text(col++, id);
			w.text(col++, labels.code("type", (String) e.get("type")));
			w.text(col++, complexId);
			w.text(col++, c == null ? null : c.name());
			if (team) {
				w.text(col++, c == null ? null : c.owner());
			}
			w.date(col++, date);
			w.text(col++, labels.category((String) e.get("category")));
			w.number(col++, RepeatSheet.number(e.get("window_days")), Styles.INTEGER);
			String flag = (String) e.get("flag");
			if (flag != null) {
				// too recent or too early: said in words, the figures stay empty
				w.text(col + 12, labels.code("effect", flag), styles.note);
				rows++;
				continue;
			}
			w.number(col++, RepeatSheet.number(e.get("before")), Styles.INTEGER);
			w.number(col++, RepeatSheet.number(e.get("after")), Styles.INTEGER);
			w.number(col++, RepeatSheet.number(e.get("rate_ratio")), Styles.DECIMAL2);
			w.number(col++, RepeatSheet.number(e.get("ci_low")), Styles.DECIMAL2);
			upper(w, col++, e.get("ci_high"));
			w.number(col++, RepeatSheet.number(e.get("p_value")), Styles.P_VALUE);
			w.number(col++, RepeatSheet.number(e.get("comparison_before")), Styles.INTEGER);
			w.number(col++, RepeatSheet.number(e.get("comparison_after")), Styles.INTEGER);
			w.number(col++, RepeatSheet.number(e.get("comparison_rate_ratio")), Styles.DECIMAL2);
			w.number(col++, RepeatSheet.number(e.get("effect_vs_comparison")), Styles.DECIMAL2);
			w.number(col++, RepeatSheet.number(e.get("effect_ci_low")), Styles.DECIMAL2);
			w.number(col, RepeatSheet.number(e.get("effect_ci_high")), Styles.DECIMAL2);
			rows++;
		}
		if (rows == 0) {
			w.newRow();
			w.text(0, labels.get("activities.no_activity_effects"), styles.note, false);
		}
		else {
			w.listTable("Effect_per_activiteit", headerRow, w.rowIndex(), header);
		}
		if (cut) {
			w.newRow();
			w.text(0, labels.format("activities.truncated", MAX_EFFECTS), styles.note, false);
		}
		return headerRow;
	}

	/** An interval's upper end; infinite (before = 0) as "∞", not as a blank. */
	private static void upper(SheetWriter w, int column, Object value) {
		Double high = RepeatSheet.number(value);
		if (high != null && high == Double.POSITIVE_INFINITY) {
			w.text(column, "∞", w.styles.number(Styles.DECIMAL2));
		}
		else {
			w.number(column, high, Styles.DECIMAL2);
		}
	}

	private static String neighbourhoodName(DashboardData data, String code) {
		return data.neighbourhoodNames.getOrDefault(code, code);
	}

	static LocalDate date(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Date d) {
			return d.toLocalDate();
		}
		return (LocalDate) value;
	}

}
