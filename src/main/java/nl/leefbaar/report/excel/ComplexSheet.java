package nl.leefbaar.report.excel;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import nl.leefbaar.indicators.stats.Change;
import nl.leefbaar.indicators.stats.Interval;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Complexen (outputs.md): one row per complex of the dashboard, the Aandacht complexes
 * first in their order, then by index, lowest first. The 12-month rate stands with its
 * expected range (the funnel limits at the complex's dwellings, which agree with its
 * flag) and, for a complex under 20 reports or 50 dwellings, its own 95 % interval,
 * labelled as such; the change against last year is tested; the trend at a glance is the
 * complex's reports per month over the last 12 months as a small bar line. The
 * complex-level repeat rate is not shown (it grows with a complex's size; it stays in the
 * CSV).
 */
final class ComplexSheet {

	static final int SMALL_REPORTS = 20;

	static final int SMALL_DWELLINGS = 50;

	/** Column keys in order; the team's dashboard has the owner after the name. */
	static final List<String> COLUMNS = List.of("complex_id", "complex", "owner", "neighbourhood", "attention",
			"dwellings", "reports", "reports_12m", "report_rate_12m", "expected_low", "expected_high", "funnel_flag",
			"own_interval", "change_year", "change_verdict", "trend", "dwelling_repeat_rate_12m",
			"dwelling_repeat_flag", "hotspots", "days_to_close_median", "open_overdue", "activities",
			"liveability_index", "band");

	private static final String BARS = "▁▂▃▄▅▆▇█";

	/**
	 * Fixed widths (characters) that print the sheet on three page widths: headers wrap,
	 * an explained blank ("– terugblik") still fits, a long hotspot list is cut rather
	 * than widen the table.
	 */
	private static final Map<String, Integer> WIDTHS = Map.ofEntries(Map.entry("complex_id", 11),
			Map.entry("complex", 34), Map.entry("owner", 18), Map.entry("neighbourhood", 16), Map.entry("attention", 9),
			Map.entry("dwellings", 9), Map.entry("reports", 10), Map.entry("reports_12m", 10),
			Map.entry("report_rate_12m", 12), Map.entry("expected_low", 10), Map.entry("expected_high", 10),
			Map.entry("funnel_flag", 13), Map.entry("own_interval", 13), Map.entry("change_year", 16),
			Map.entry("change_verdict", 27), Map.entry("trend", 15), Map.entry("dwelling_repeat_rate_12m", 12),
			Map.entry("dwelling_repeat_flag", 13), Map.entry("hotspots", 30), Map.entry("days_to_close_median", 14),
			Map.entry("open_overdue", 9), Map.entry("activities", 10), Map.entry("liveability_index", 14),
			Map.entry("band", 18));

	private ComplexSheet() {
	}

	/** The columns of a dashboard: without the owner on an owner's. */
	static List<String> columns(boolean team) {
		return team ? COLUMNS : COLUMNS.stream().filter(c -> !c.equals("owner")).toList();
	}

	/** The scope's complexes in the sheet's order. */
	static List<DashboardStore.Complex> order(DashboardData data, DashboardScope scope,
			List<AttentionList.Entry> attention) {
		Map<String, Integer> rank = ranks(attention);
		return data.complexes(scope)
			.stream()
			.sorted(Comparator.comparing((DashboardStore.Complex c) -> rank.getOrDefault(c.id(), Integer.MAX_VALUE))
				.thenComparing(c -> data.figure(c.id(), "liveability_index").value(),
						Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(DashboardStore.Complex::id))
			.toList();
	}

	static Map<String, Integer> ranks(List<AttentionList.Entry> attention) {
		Map<String, Integer> rank = new HashMap<>();
		for (int i = 0; i < attention.size(); i++) {
			rank.put(attention.get(i).complex().id(), i + 1);
		}
		return rank;
	}

	static void write(Sheet sheet, Styles styles, Labels labels, DashboardData data, DashboardScope scope,
			List<AttentionList.Entry> attention) {
		YearMonth month = data.month;
		List<String> columns = columns(scope.team());
		Map<String, Integer> at = new HashMap<>();
		for (int i = 0; i < columns.size(); i++) {
			at.put(columns.get(i), i);
		}
		SheetWriter w = new SheetWriter(sheet, styles);
		WIDTHS.forEach((column, chars) -> {
			if (at.containsKey(column)) {
				w.fixWidth(at.get(column), chars);
			}
		});
		w.title(labels.format("complexes.title", labels.month(month)), labels.get("complexes.subtitle"));
		int headerRow = w.header(columns.stream().map(c -> labels.get("complexes.column." + c)).toList());
		Map<String, Integer> rank = ranks(attention);
		Map<String, List<String>> hotspots = data.hotspotCategories();
		Figure cityRate = data.city(nl.leefbaar.domain.Category.ALL, "report_rate_12m");
		DashboardStore.FunnelStat stat = data.funnelStat("report_rate_12m", nl.leefbaar.domain.Category.ALL);
		for (DashboardStore.Complex c : order(data, scope, attention)) {
			w.newRow();
			w.text(at.get("complex_id"), c.id());
			w.text(at.get("complex"), c.name());
			if (scope.team()) {
				w.text(at.get("owner"), c.owner());
			}
			w.text(at.get("neighbourhood"), c.neighbourhoodName());
			Integer r = rank.get(c.id());
			w.number(at.get("attention"), r == null ? null : r.doubleValue(), Styles.INTEGER);
			w.number(at.get("dwellings"), (double) c.dwellings(), Styles.INTEGER);
			Figure reports = data.figure(c.id(), "reports");
			w.numberOrBlank(at.get("reports"), reports.value(), Styles.INTEGER, Missing.NO_DATA, labels);
			Figure reports12 = data.figure(c.id(), "reports_12m");
			w.numberOrBlank(at.get("reports_12m"), reports12.value(), Styles.INTEGER, Missing.NO_DATA, labels);
			Figure rate = data.figure(c.id(), "report_rate_12m");
			w.numberOrBlank(at.get("report_rate_12m"), rate.value(), Styles.DECIMAL, Missing.of(rate.flag()), labels);
			if (rate.value() != null && cityRate.value() != null && rate.denominator() != null) {
				Interval expected = AttentionList.expectedRange("report_rate_12m", rate, cityRate.value(), stat);
				w.number(at.get("expected_low"), expected.low(), Styles.DECIMAL);
				w.number(at.get("expected_high"), expected.high(), Styles.DECIMAL);
			}
			w.text(at.get("funnel_flag"), labels.flag(rate.flag()), styles.flag(rate.flag()));
			boolean small = c.dwellings() < SMALL_DWELLINGS || reports12.value() == null
					|| reports12.value() < SMALL_REPORTS;
			if (small && rate.ciLow() != null && rate.ciHigh() != null) {
				w.text(at.get("own_interval"), labels.number(rate.ciLow(), 1) + " – " + labels.number(rate.ciHigh(), 1),
						styles.number(Styles.GENERAL));
			}
			Change change = data.yearChange(c.id());
			w.change(at.get("change_year"), change, Polarity.LOWER_IS_BETTER, labels);
			w.text(at.get("trend"), sparkline(data.monthlyReports.get(c.id())), styles.spark);
			Figure repeat = data.figure(c.id(), "dwelling_repeat_rate_12m");
			w.numberOrBlank(at.get("dwelling_repeat_rate_12m"), repeat.value(), Styles.PERCENT,
					Missing.of(repeat.flag()), labels);
			if (repeat.value() != null) {
				w.text(at.get("dwelling_repeat_flag"), labels.flag(repeat.flag()), styles.flag(repeat.flag()));
			}
			List<String> categories = hotspots.getOrDefault(c.id(), List.of());
			if (!categories.isEmpty()) {
				w.text(at.get("hotspots"), categories.stream().map(labels::category).collect(Collectors.joining(", ")));
			}
			Figure days = data.figure(c.id(), "days_to_close_median");
			w.numberOrBlank(at.get("days_to_close_median"), days.value(), Styles.DECIMAL, Missing.NO_DATA, labels);
			w.number(at.get("open_overdue"), data.figure(c.id(), "open_overdue").value(), Styles.INTEGER);
			w.number(at.get("activities"), data.figure(c.id(), "activities").value(), Styles.INTEGER);
			Figure index = data.figure(c.id(), "liveability_index");
			Band band = Band.of(index.value());
			if (index.value() == null) {
				w.blank(at.get("liveability_index"), Missing.NO_DATA, labels);
			}
			else {
				w.number(at.get("liveability_index"), index.value(), styles.index(band));
				w.text(at.get("band"), labels.get(band.key()), styles.band(band));
			}
		}
		w.identifyingColumns(2);
		w.finishTable(headerRow, columns.size() - 1);
	}

	/**
	 * The reports of 12 months as bars of eight heights, 0 to the highest month; a month
	 * without a figure is a dot.
	 */
	static String sparkline(double[] values) {
		if (values == null) {
			return "";
		}
		double max = 0;
		for (double v : values) {
			if (!Double.isNaN(v)) {
				max = Math.max(max, v);
			}
		}
		StringBuilder bars = new StringBuilder();
		for (double v : values) {
			if (Double.isNaN(v)) {
				bars.append('·');
			}
			else {
				int level = max == 0 ? 0 : (int) Math.round(v / max * (BARS.length() - 1));
				bars.append(BARS.charAt(level));
			}
		}
		return bars.toString();
	}

	/** The columns of a list, for tests: key -> index. */
	static Map<String, Integer> index(boolean team) {
		Map<String, Integer> index = new HashMap<>();
		List<String> columns = columns(team);
		for (int i = 0; i < columns.size(); i++) {
			index.put(columns.get(i), i);
		}
		return index;
	}

	static List<String> keys(boolean team) {
		return new ArrayList<>(columns(team));
	}

}
