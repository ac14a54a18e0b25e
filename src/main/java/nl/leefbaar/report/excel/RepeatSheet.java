package nl.leefbaar.report.excel;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import nl.leefbaar.domain.Months;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Herhaalmeldingen (outputs.md): the hotspot list, worst first, each with its count of
 * the 90 days and of the year before, its p-value and whether it is new this month; then
 * the dwellings with repeat reports in the 12 months, worst first. Dwellings appear only
 * by their pseudonymous reference.
 */
final class RepeatSheet {

	static final int MAX_ROWS = 1000;

	private RepeatSheet() {
	}

	static void write(Sheet sheet, Styles styles, Labels labels, DashboardData data, DashboardScope scope,
			int windowDays, int hotspotDays) {
		YearMonth month = data.month;
		Predicate<String> holds = data.holds(scope);
		boolean team = scope.team();
		SheetWriter w = new SheetWriter(sheet, styles);
		w.title(labels.format("repeats.title", labels.month(month)), labels.format("repeats.subtitle", windowDays));
		int titleRows = w.rowIndex() + 1;

		w.skipRows(1);
		w.newRow();
		w.text(0, labels.get("repeats.hotspots"), styles.section, false);
		w.newRow();
		w.spanning(labels.format("repeats.hotspots.note", hotspotDays), styles.noteLine);
		List<String> hotspotHeader = withOwner(team, labels, List.of("column.complex_id", "column.complex"),
				List.of("column.neighbourhood", "column.category", "repeats.hotspot_reports", "repeats.hotspot_before",
						"repeats.p_value", "repeats.new", "repeats.last_reported"));
		int header = w.header(hotspotHeader);
		int shown = 0;
		for (DashboardStore.Hotspot h : data.hotspots) {
			if (!holds.test(h.complexId())) {
				continue;
			}
			DashboardStore.Complex c = data.complexById.get(h.complexId());
			w.newRow();
			int col = identity(w, c, team);
			w.text(col++, labels.category(h.category()));
			w.number(col++, (double) h.reports(), Styles.INTEGER);
			w.numberOrBlank(col++, h.reportsBefore() == null ? null : h.reportsBefore().doubleValue(), Styles.INTEGER,
					Missing.LOOKBACK, labels);
			w.numberOrBlank(col++, h.pValue(), labels.get("format.p_value_small"), Missing.LOOKBACK, labels);
			if (h.newThisMonth() == null) {
				w.blank(col++, Missing.LOOKBACK, labels);
			}
			else {
				w.text(col++, labels.get(h.newThisMonth() ? "notes.yes" : "notes.no"));
			}
			w.dateTime(col, local(h.lastReported()));
			shown++;
		}
		if (shown == 0) {
			w.newRow();
			w.text(0, labels.get("repeats.none"), styles.note, false);
		}
		else {
			w.listTable("Hotspots", header, w.rowIndex(), hotspotHeader);
		}

		w.skipRows(1);
		w.newRow();
		w.text(0, labels.get("repeats.dwellings"), styles.section, false);
		w.newRow();
		w.spanning(labels.format("repeats.dwellings.note", windowDays), styles.noteLine);
		List<String> dwellingHeader = withOwner(team, labels, List.of("column.complex_id", "column.complex"),
				List.of("column.neighbourhood", "column.category", "repeats.dwelling_ref", "repeats.reports_12m",
						"repeats.repeats", "repeats.last_reported"));
		int dwellingHeaderRow = w.header(dwellingHeader);
		List<DwellingRepeats.Dwelling> dwellings = data.dwellings.stream()
			.filter(d -> team ? d.teamRank() <= MAX_ROWS : scope.owner().equals(d.owner()) && d.ownerRank() <= MAX_ROWS)
			.sorted(Comparator.comparingLong(d -> team ? d.teamRank() : d.ownerRank()))
			.toList();
		for (DwellingRepeats.Dwelling d : dwellings) {
			DashboardStore.Complex c = data.complexById.get(d.complexId());
			w.newRow();
			int col = identity(w, c, team);
			w.text(col++, labels.category(d.category()));
			w.text(col++, d.dwellingRef());
			w.number(col++, (double) d.reports(), Styles.INTEGER);
			w.number(col++, (double) d.repeats(), Styles.INTEGER);
			w.dateTime(col, local(d.lastReported()));
		}
		if (dwellings.isEmpty()) {
			w.newRow();
			w.text(0, labels.get("repeats.no_dwellings"), styles.note, false);
		}
		else {
			w.listTable("Woningen", dwellingHeaderRow, w.rowIndex(), dwellingHeader);
		}
		if (dwellings.size() == MAX_ROWS) {
			w.newRow();
			w.text(0, labels.format("repeats.truncated", MAX_ROWS), styles.note, false);
		}
		w.fixWidth(1, 34);
		w.identifyingColumns(2);
		// the dwellings, the long list, have their header repeated on the pages after
		// its first
		w.finish(dwellingHeaderRow);
		sheet.createFreezePane(0, titleRows);
	}

	/** Id, name, (owner), neighbourhood; returns the next column. */
	static int identity(SheetWriter w, DashboardStore.Complex c, boolean team) {
		int col = 0;
		w.text(col++, c.id());
		w.text(col++, c.name());
		if (team) {
			w.text(col++, c.owner());
		}
		w.text(col++, c.neighbourhoodName());
		return col;
	}

	/** Header labels: the first keys, the owner on the team's, the rest. */
	static List<String> withOwner(boolean team, Labels labels, List<String> first, List<String> rest) {
		List<String> header = new ArrayList<>();
		first.forEach(k -> header.add(labels.get(k)));
		if (team) {
			header.add(labels.get("column.owner"));
		}
		rest.forEach(k -> header.add(labels.get(k)));
		return header;
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
		if (value instanceof Timestamp ts) {
			return ts.toInstant().atZone(Months.ZONE).toLocalDateTime();
		}
		throw new IllegalArgumentException("not a time: " + value.getClass());
	}

}
