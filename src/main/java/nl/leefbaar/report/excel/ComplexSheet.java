package nl.leefbaar.report.excel;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import nl.leefbaar.domain.Category;
import nl.leefbaar.domain.Level;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Complexen: one row per complex, worst first (funnel flag of the 12-month rate, then
 * index ascending). Intervals appear next to the rate where a complex has fewer than 20
 * reports or 50 dwellings; the complex-level repeat rate always with its interval and
 * never with a flag.
 */
final class ComplexSheet {

	static final List<String> INDICATORS = List.of("reports", "reports_12m", "report_rate_12m",
			"dwelling_repeat_rate_12m", "repeat_rate_12m", "days_to_close_median", "open_overdue", "activities",
			"liveability_index");
	static final int SMALL_REPORTS = 20;
	static final int SMALL_DWELLINGS = 50;

	/** Column order of the sheet; tests find columns by these header keys. */
	static final List<String> COLUMNS = List.of("complex_id", "complex", "neighbourhood", "dwellings", "reports",
			"reports_12m", "report_rate_12m", "ci_low", "ci_high", "dwelling_repeat_rate_12m", "dwelling_repeat_flag",
			"repeat_rate_12m", "repeat_ci_low", "repeat_ci_high", "hotspots", "days_to_close_median", "open_overdue",
			"activities", "liveability_index", "band", "funnel_flag");

	private ComplexSheet() {
	}

	record Line(FigureStore.Complex complex, Map<String, Figure> figures) {
		Figure get(String indicator) {
			return Figure.orMissing(figures.get(indicator));
		}

		Double index() {
			return get("liveability_index").value();
		}
	}

	static List<Line> lines(FigureStore store, YearMonth month) {
		Map<String, Map<String, Figure>> figures = store.byUnit(month, Level.COMPLEX, Category.ALL, INDICATORS);
		List<Line> lines = new ArrayList<>();
		for (FigureStore.Complex complex : store.complexes()) {
			lines.add(new Line(complex, figures.getOrDefault(complex.id(), Map.of())));
		}
		lines.sort(Comparator.comparingInt((Line l) -> Figure.severity(l.get("report_rate_12m").flag()))
			.thenComparing(Line::index, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(l -> l.complex().id()));
		return lines;
	}

	static void write(Sheet sheet, Styles styles, Labels labels, YearMonth month, List<Line> lines,
			Map<String, List<String>> hotspots) {
		SheetWriter w = new SheetWriter(sheet, styles);
		w.title(labels.format("complexes.title", labels.month(month)), labels.get("complexes.subtitle"));
		List<String> header = COLUMNS.stream().map(c -> labels.get("complexes.column." + c)).toList();
		int headerRow = w.header(header);
		for (Line line : lines) {
			FigureStore.Complex c = line.complex();
			w.newRow();
			w.text(0, c.id());
			w.text(1, c.name());
			w.text(2, c.neighbourhoodName());
			w.number(3, (double) c.dwellings(), Styles.INTEGER);
			w.number(4, line.get("reports").value(), Styles.INTEGER);
			Figure reports12 = line.get("reports_12m");
			w.number(5, reports12.value(), Styles.INTEGER);
			Figure rate = line.get("report_rate_12m");
			w.number(6, rate.value(), Styles.DECIMAL);
			boolean small = c.dwellings() < SMALL_DWELLINGS || reports12.value() == null
					|| reports12.value() < SMALL_REPORTS;
			if (small) {
				w.number(7, rate.ciLow(), Styles.DECIMAL);
				w.number(8, rate.ciHigh(), Styles.DECIMAL);
			}
			Figure dwellingRepeat = line.get("dwelling_repeat_rate_12m");
			w.number(9, dwellingRepeat.value(), Styles.PERCENT);
			w.text(10, labels.flag(dwellingRepeat.flag()), styles.flag(dwellingRepeat.flag()));
			Figure repeat = line.get("repeat_rate_12m");
			w.number(11, repeat.value(), Styles.PERCENT);
			w.number(12, repeat.ciLow(), Styles.PERCENT);
			w.number(13, repeat.ciHigh(), Styles.PERCENT);
			List<String> categories = hotspots.getOrDefault(c.id(), List.of());
			if (!categories.isEmpty()) {
				w.text(14, categories.stream().map(labels::category).collect(Collectors.joining(", ")));
			}
			w.number(15, line.get("days_to_close_median").value(), Styles.DECIMAL);
			w.number(16, line.get("open_overdue").value(), Styles.INTEGER);
			w.number(17, line.get("activities").value(), Styles.INTEGER);
			Band band = Band.of(line.index());
			w.number(18, line.index(), styles.index(band));
			if (band != null) {
				w.text(19, labels.get(band.key()), styles.band(band));
			}
			w.text(20, labels.flag(rate.flag()), styles.flag(rate.flag()));
		}
		w.fixWidth(14, 36); // hotspot categories: a long list is cut rather than widen
							// the table
		w.finishTable(headerRow, COLUMNS.size() - 1);
	}

}
