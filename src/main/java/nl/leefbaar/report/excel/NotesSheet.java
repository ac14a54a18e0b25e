package nl.leefbaar.report.excel;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import nl.leefbaar.system.LeefbaarProperties;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Toelichting: what the figures mean, which data they rest on (period, freshness,
 * rejected rows), the settings they were computed with, the funnel statistics, and how to
 * read bands and flags. Texts come from the bundle; values from the database and the
 * settings.
 */
final class NotesSheet {

	static final List<String> DEFINITIONS = List.of("attention", "change", "expected_range", "reports",
			"report_rate_12m", "dwelling_repeat_rate", "repeat_rate_12m", "hotspots", "closed_within_target_share",
			"open_overdue", "days_to_close_median", "participation_rate_12m", "liveability_index", "funnel", "interval",
			"trend");

	private static final int EXPLANATION_WIDTH = 80;

	private NotesSheet() {
	}

	static void write(Sheet sheet, Styles styles, Labels labels, YearMonth month, FigureStore store,
			LeefbaarProperties properties, boolean publicVersion) {
		SheetWriter w = new SheetWriter(sheet, styles);
		w.title(labels.get("notes.title"), labels.month(month));
		w.skipRows(1);
		int header = w
			.header(List.of(labels.get("notes.subject"), labels.get("notes.value"), labels.get("notes.explanation")));

		section(w, labels, "notes.data");
		Map<String, Object> period = store.dataPeriod();
		line(w, labels.get("notes.data.first_day"), period.get("first_day"), null);
		line(w, labels.get("notes.data.last_day"), period.get("last_day"), null);
		line(w, labels.get("notes.data.reports"), period.get("reports"), null);
		Map<String, Object> run = store.latestImport();
		if (!run.isEmpty()) {
			line(w, labels.get("notes.import.started"), run.get("started_at"), labels.get("notes.import.started.note"));
			line(w, labels.get("notes.import.rows_read"), run.get("rows_read"), null);
			line(w, labels.get("notes.import.rejected"), run.get("rejected"), labels.get("notes.import.rejected.note"));
			line(w, labels.get("notes.import.all_rejected"), run.get("all_rejected"), null);
			line(w, labels.get("notes.import.unmapped"), run.get("unmapped_categories"), null);
		}
		else {
			line(w, labels.get("notes.import.started"), labels.get("notes.import.none"), null);
		}
		Map<String, Object> computed = store.computedMonth(month);
		line(w, labels.get("notes.computed_at"), computed.get("computed_at"), null);

		section(w, labels, "notes.settings");
		LeefbaarProperties.Indicators s = properties.indicators();
		line(w, labels.get("notes.setting.reference_year"), computed.get("reference_year"),
				labels.get("notes.setting.reference_year.note"), Styles.PLAIN); // a year:
																				// no
																				// thousands
																				// separator
		line(w, labels.get("notes.setting.repeat_window"), s.repeatWindowDays(), labels.get("notes.unit.days"));
		line(w, labels.get("notes.setting.hotspot"),
				labels.format("notes.setting.hotspot.value", s.hotspotMinReports(), s.hotspotWindowDays()), labels
					.format("notes.setting.hotspot.note", s.hotspotBaselineDays(), labels.number(s.hotspotLevel(), 2)));
		line(w, labels.get("notes.setting.effect_window"), s.effectWindowDays(),
				labels.format("notes.setting.effect_window.note", s.effectMinWindowDays()));
		line(w, labels.get("notes.setting.overdispersion"), labels.get(s.overdispersion() ? "notes.yes" : "notes.no"),
				null);
		for (String category : nl.leefbaar.domain.Category.codes()) {
			line(w, labels.format("notes.setting.target", labels.category(category)),
					s.targetDays(nl.leefbaar.domain.Category.fromCode(category).orElseThrow()),
					labels.get("notes.unit.days"));
		}
		if (publicVersion) {
			line(w, labels.get("notes.setting.min_count"), properties.publishing().minCount(),
					labels.get("notes.setting.min_count.note"));
			line(w, labels.get("notes.setting.min_dwellings"), properties.publishing().minDwellings(),
					labels.get("notes.setting.min_dwellings.note"));
		}

		section(w, labels, "notes.funnel");
		for (Map<String, Object> f : store.funnelStats(month)) {
			String subject = labels.code("level", (String) f.get("level")) + " · "
					+ labels.code("indicator", (String) f.get("indicator")) + " · "
					+ labels.category((String) f.get("category"));
			w.newRow();
			w.text(0, subject);
			w.text(1, labels.format("notes.funnel.value", number(labels, f.get("phi")), number(labels, f.get("tau2")),
					f.get("units")));
			w.wrapped(2,
					labels.get(Boolean.TRUE.equals(f.get("adjusted")) ? "notes.funnel.adjusted" : "notes.funnel.exact"),
					styles.wrapped, EXPLANATION_WIDTH);
		}

		section(w, labels, "notes.bands");
		for (Band band : Band.values()) {
			w.newRow();
			w.text(0, labels.get(band.key()), styles.band(band));
			w.text(1, labels.get(band.key() + ".range"));
		}
		for (String flag : List.of("high", "elevated", "in_range", "reduced", "low", "incomplete_lookback")) {
			w.newRow();
			w.text(0, labels.flag(flag), styles.flag(flag.replace('_', ' ').equals("in range") ? "in range" : flag));
			w.wrapped(2, labels.get("flag." + flag + ".note"), styles.wrapped, EXPLANATION_WIDTH);
		}

		section(w, labels, "notes.missing");
		for (Missing missing : Missing.values()) {
			w.newRow();
			w.text(0, missing.cellText(labels), styles.blank);
			w.wrapped(2, missing.note(labels), styles.wrapped, EXPLANATION_WIDTH);
		}

		section(w, labels, "notes.definitions");
		for (String definition : DEFINITIONS) {
			w.newRow();
			w.text(0, labels.get("definition." + definition + ".name"));
			w.wrapped(2, labels.get("definition." + definition), styles.wrapped, EXPLANATION_WIDTH);
		}
		if (publicVersion) {
			w.newRow();
			w.text(0, labels.get("definition.small_numbers.name"));
			w.wrapped(2, labels.format("definition.small_numbers", properties.publishing().minCount(),
					properties.publishing().minDwellings()), styles.wrapped, EXPLANATION_WIDTH);
		}
		// the widths first: the print setup fits the sheet's real width to the page
		w.fit(0, 30);
		w.fit(1, 22);
		w.fixWidth(2, EXPLANATION_WIDTH);
		w.finish(header);
		sheet.createFreezePane(0, header + 1);
	}

	private static void section(SheetWriter w, Labels labels, String key) {
		w.skipRows(1);
		w.newRow();
		w.text(0, labels.get(key), w.styles.subtitle, false);
	}

	private static void line(SheetWriter w, String subject, Object value, String note) {
		line(w, subject, value, note, null);
	}

	private static void line(SheetWriter w, String subject, Object value, String note, String format) {
		w.newRow();
		w.text(0, subject);
		if (value instanceof Number n) {
			w.number(1, n.doubleValue(), format != null ? format
					: n instanceof Double || n instanceof Float ? Styles.GENERAL : Styles.INTEGER);
		}
		else if (value instanceof Date d) {
			w.date(1, d.toLocalDate());
		}
		else if (value instanceof Timestamp || value instanceof OffsetDateTime) {
			w.dateTime(1, RepeatSheet.local(value));
		}
		else if (value != null) {
			w.text(1, value.toString());
		}
		if (note != null) {
			w.wrapped(2, note, w.styles.wrapped, EXPLANATION_WIDTH);
		}
	}

	private static String number(Labels labels, Object value) {
		return value == null ? "—" : String.format(labels.locale(), "%.3f", ((Number) value).doubleValue());
	}

}
