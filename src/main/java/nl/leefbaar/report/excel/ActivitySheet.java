package nl.leefbaar.report.excel;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;

/**
 * Activiteiten: the month's activities, then the effect table of activity_effect (per
 * activity, then pooled per type): before, after, ratio with interval and p-value, the
 * comparison group and the effect against it, and why a row has no test (too recent, too
 * early).
 */
final class ActivitySheet {

	static final List<String> EFFECT_COLUMNS = List.of("activity_id", "type", "complex_id", "complex", "date",
			"category", "window_days", "before", "after", "rate_ratio", "ci_low", "ci_high", "p_value",
			"comparison_before", "comparison_after", "comparison_rate_ratio", "effect_vs_comparison", "flag");

	private ActivitySheet() {
	}

	static void write(Sheet sheet, Styles styles, Labels labels, YearMonth month, List<Map<String, Object>> activities,
			List<Map<String, Object>> effects) {
		SheetWriter w = new SheetWriter(sheet, styles);
		w.title(labels.format("activities.title", labels.month(month)), null);
		w.skipRows(1);
		w.newRow();
		w.text(0, labels.get("activities.month"), styles.subtitle, false);
		w.header(List.of(labels.get("activities.column.activity_id"), labels.get("activities.column.type"),
				labels.get("activities.column.date"), labels.get("column.complex_id"), labels.get("column.complex"),
				labels.get("column.neighbourhood"), labels.get("activities.column.participants"),
				labels.get("activities.column.category")));
		for (Map<String, Object> a : activities) {
			w.newRow();
			w.text(0, (String) a.get("activity_id"));
			w.text(1, labels.code("type", (String) a.get("type")));
			w.date(2, date(a.get("date")));
			w.text(3, (String) a.get("complex_id"));
			w.text(4, (String) a.get("complex_name"));
			w.text(5, (String) a.get("neighbourhood_name"));
			w.number(6, RepeatSheet.number(a.get("participants")), Styles.INTEGER);
			w.text(7, labels.category((String) a.get("addresses_category")));
		}
		if (activities.isEmpty()) {
			w.newRow();
			w.text(0, labels.get("activities.none"), styles.note, false);
		}

		w.skipRows(1);
		w.newRow();
		w.text(0, labels.get("activities.effects"), styles.subtitle, false);
		w.newRow();
		w.text(0, labels.get("activities.effects.note"), styles.noteLine, false);
		w.header(EFFECT_COLUMNS.stream().map(c -> labels.get("activities.column." + c)).toList());
		for (Map<String, Object> e : effects) {
			w.newRow();
			String id = (String) e.get("activity_id");
			w.text(0, id == null ? labels.get("activities.pooled") : id, id == null ? styles.header : styles.text);
			w.text(1, labels.code("type", (String) e.get("type")));
			w.text(2, (String) e.get("complex_id"));
			w.text(3, (String) e.get("complex_name"));
			w.date(4, date(e.get("date")));
			w.text(5, labels.category((String) e.get("category")));
			w.number(6, RepeatSheet.number(e.get("window_days")), Styles.INTEGER);
			w.number(7, RepeatSheet.number(e.get("before")), Styles.INTEGER);
			w.number(8, RepeatSheet.number(e.get("after")), Styles.INTEGER);
			w.number(9, RepeatSheet.number(e.get("rate_ratio")), Styles.DECIMAL2);
			w.number(10, RepeatSheet.number(e.get("ci_low")), Styles.DECIMAL2);
			Double high = RepeatSheet.number(e.get("ci_high"));
			if (high != null && high == Double.POSITIVE_INFINITY) {
				// before = 0: no ratio, an upper limit without bound (indicators.md); a
				// blank would read as "no interval"
				w.text(11, "∞", styles.number(Styles.DECIMAL2));
			}
			else {
				w.number(11, high, Styles.DECIMAL2);
			}
			w.number(12, RepeatSheet.number(e.get("p_value")), Styles.P_VALUE);
			w.number(13, RepeatSheet.number(e.get("comparison_before")), Styles.INTEGER);
			w.number(14, RepeatSheet.number(e.get("comparison_after")), Styles.INTEGER);
			w.number(15, RepeatSheet.number(e.get("comparison_rate_ratio")), Styles.DECIMAL2);
			w.number(16, RepeatSheet.number(e.get("effect_vs_comparison")), Styles.DECIMAL2);
			w.text(17, labels.code("effect", (String) e.get("flag")));
		}
		if (effects.isEmpty()) {
			w.newRow();
			w.text(0, labels.get("activities.no_effects"), styles.note, false);
		}
		// Tables of different columns follow each other: each page repeats the sheet's
		// title, not a header.
		w.finish(0, 0);
	}

	static LocalDate date(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof java.sql.Date d) {
			return d.toLocalDate();
		}
		return (LocalDate) value;
	}

}
