package nl.leefbaar.report.excel;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;

/**
 * Complexen for outside readers: only complexes with at least the publishing minimum of
 * dwellings (the others count only in their neighbourhood's totals), with the
 * small-number rules applied.
 */
final class PublicComplexSheet {

	static final List<String> INDICATORS = List.of("reports_12m", "report_rate_12m", "dwelling_repeat_rate_12m",
			"liveability_index");
	static final List<String> COLUMNS = List.of("neighbourhood", "complex_id", "complex", "dwellings", "reports_12m",
			"report_rate_12m", "ci_low", "ci_high", "flag", "dwelling_repeat_rate_12m", "liveability_index", "band");

	private PublicComplexSheet() {
	}

	static void write(Sheet sheet, Styles styles, Labels labels, SmallNumbers rules, YearMonth month,
			List<FigureStore.Complex> complexes, Map<String, Map<String, Figure>> figures) {
		SheetWriter w = new SheetWriter(sheet, styles);
		// neighbourhood, id and name on every printed page
		w.identifyingColumns(3);
		w.title(labels.format("public_complexes.title", labels.month(month)), labels.get("public_complexes.subtitle"));
		int header = w.header(COLUMNS.stream().map(c -> labels.get("public_complexes.column." + c)).toList());
		List<FigureStore.Complex> shown = complexes.stream()
			.filter(c -> rules.complexShown(c.dwellings()))
			.sorted(Comparator
				.comparing(FigureStore.Complex::neighbourhoodName, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(FigureStore.Complex::name)
				.thenComparing(FigureStore.Complex::id))
			.toList();
		for (FigureStore.Complex c : shown) {
			Map<String, Figure> f = figures.getOrDefault(c.id(), Map.of());
			w.newRow();
			w.text(0, c.neighbourhoodName());
			w.text(1, c.id());
			w.text(2, c.name());
			w.number(3, (double) c.dwellings(), Styles.INTEGER);
			Figure reports = NeighbourhoodSheet.get(f, "reports_12m");
			rules.count(w, 4, reports.value());
			Figure rate = NeighbourhoodSheet.get(f, "report_rate_12m");
			if (rules.rateShown(rate)) {
				w.number(5, rate.value(), Styles.DECIMAL);
				w.number(6, rate.ciLow(), Styles.DECIMAL);
				w.number(7, rate.ciHigh(), Styles.DECIMAL);
				w.text(8, labels.flag(rate.flag()), styles.flag(rate.flag()));
			}
			else {
				w.blank(5, NeighbourhoodSheet.hiddenBecause(rules, rate), labels);
			}
			Figure repeat = NeighbourhoodSheet.get(f, "dwelling_repeat_rate_12m");
			if (rules.shareShown(repeat)) {
				w.number(9, repeat.value(), Styles.PERCENT);
			}
			else {
				w.blank(9, NeighbourhoodSheet.hiddenBecause(rules, repeat), labels);
			}
			Figure index = NeighbourhoodSheet.get(f, "liveability_index");
			if (index.value() != null) {
				Band band = Band.of(index.value());
				w.number(10, index.value(), styles.index(band));
				if (band != null) {
					w.text(11, labels.get(band.key()), styles.band(band));
				}
			}
		}
		w.finishTable(header, COLUMNS.size() - 1);
	}

}
