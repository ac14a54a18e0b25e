package nl.leefbaar.report.excel;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import nl.leefbaar.domain.Months;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Herhaalmeldingen: the hotspot list at the end of the month (worst first), the
 * complex/category pairs with dwelling-level repeats, and the dwellings with the most
 * repeats in the 12 months. Dwellings appear only by their pseudonymous reference.
 */
final class RepeatSheet {

	static final int MAX_ROWS = 1000;

	private RepeatSheet() {
	}

	static void write(Sheet sheet, Styles styles, Labels labels, YearMonth month, List<FigureStore.Hotspot> hotspots,
			List<Map<String, Object>> pairs, List<Map<String, Object>> dwellings, int windowDays) {
		SheetWriter w = new SheetWriter(sheet, styles);
		w.title(labels.format("repeats.title", labels.month(month)), labels.format("repeats.subtitle", windowDays));

		w.skipRows(1);
		w.newRow();
		w.text(0, labels.get("repeats.hotspots"), styles.subtitle, false);
		w.header(List.of(labels.get("column.complex_id"), labels.get("column.complex"),
				labels.get("column.neighbourhood"), labels.get("column.category"),
				labels.get("repeats.hotspot_reports"), labels.get("repeats.last_reported")));
		for (FigureStore.Hotspot h : hotspots) {
			w.newRow();
			w.text(0, h.complexId());
			w.text(1, h.complexName());
			w.text(2, h.neighbourhoodName());
			w.text(3, labels.category(h.category()));
			w.number(4, (double) h.reports(), Styles.INTEGER);
			w.dateTime(5, local(h.lastReported()));
		}
		if (hotspots.isEmpty()) {
			w.newRow();
			w.text(0, labels.get("repeats.none"), styles.note, false);
		}

		w.skipRows(1);
		w.newRow();
		w.text(0, labels.get("repeats.pairs"), styles.subtitle, false);
		w.header(List.of(labels.get("column.complex_id"), labels.get("column.complex"),
				labels.get("column.neighbourhood"), labels.get("column.category"), labels.get("repeats.repeats"),
				labels.get("repeats.reports_with_dwelling"), labels.get("repeats.rate"), labels.get("column.ci_low"),
				labels.get("column.ci_high"), labels.get("column.flag")));
		for (Map<String, Object> p : pairs) {
			w.newRow();
			w.text(0, (String) p.get("complex_id"));
			w.text(1, (String) p.get("complex_name"));
			w.text(2, (String) p.get("neighbourhood_name"));
			w.text(3, labels.category((String) p.get("category")));
			w.number(4, number(p.get("numerator")), Styles.INTEGER);
			w.number(5, number(p.get("denominator")), Styles.INTEGER);
			w.number(6, number(p.get("value")), Styles.PERCENT);
			w.number(7, number(p.get("ci_low")), Styles.PERCENT);
			w.number(8, number(p.get("ci_high")), Styles.PERCENT);
			String flag = (String) p.get("flag");
			w.text(9, labels.flag(flag), styles.flag(flag));
		}
		if (pairs.isEmpty()) {
			w.newRow();
			w.text(0, labels.get("repeats.no_pairs"), styles.note, false);
		}
		if (pairs.size() == MAX_ROWS) {
			w.newRow();
			w.text(0, labels.format("repeats.truncated", MAX_ROWS), styles.note, false);
		}

		w.skipRows(1);
		w.newRow();
		w.text(0, labels.get("repeats.dwellings"), styles.subtitle, false);
		w.header(List.of(labels.get("column.complex_id"), labels.get("column.complex"),
				labels.get("column.neighbourhood"), labels.get("column.category"), labels.get("repeats.dwelling_ref"),
				labels.get("repeats.reports_12m"), labels.get("repeats.repeats"), labels.get("repeats.last_reported")));
		for (Map<String, Object> d : dwellings) {
			w.newRow();
			w.text(0, (String) d.get("complex_id"));
			w.text(1, (String) d.get("complex_name"));
			w.text(2, (String) d.get("neighbourhood_name"));
			w.text(3, labels.category((String) d.get("category")));
			w.text(4, (String) d.get("dwelling_ref"));
			w.number(5, number(d.get("reports")), Styles.INTEGER);
			w.number(6, number(d.get("repeats")), Styles.INTEGER);
			w.dateTime(7, local(d.get("last_reported")));
		}
		if (dwellings.isEmpty()) {
			w.newRow();
			w.text(0, labels.get("repeats.no_pairs"), styles.note, false);
		}
		if (dwellings.size() == MAX_ROWS) {
			w.newRow();
			w.text(0, labels.format("repeats.truncated", MAX_ROWS), styles.note, false);
		}
		// Tables of different columns follow each other: each page repeats the sheet's
		// title, not a header.
		w.finish(0, 1);
	}

	static Double number(Object value) {
		return value == null ? null : ((Number) value).doubleValue();
	}

	/**
	 * Instants are shown as Europe/Amsterdam wall-clock time, the time the field works
	 * in.
	 */
	static LocalDateTime local(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof OffsetDateTime odt) {
			return odt.atZoneSameInstant(Months.ZONE).toLocalDateTime();
		}
		if (value instanceof java.sql.Timestamp ts) {
			return ts.toInstant().atZone(Months.ZONE).toLocalDateTime();
		}
		throw new IllegalArgumentException("not a time: " + value.getClass());
	}

}
