package nl.leefbaar.report.excel;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Districten: the roll-up of the neighbourhoods per district, summing numerators and
 * denominators (never averaging rates), with the city total last. Small numbers hidden.
 */
final class DistrictSheet {

	static final List<String> COLUMNS = List.of("district", "neighbourhoods", "dwellings", "reports_12m",
			"report_rate_12m", "dwelling_repeat_rate_12m", "closed_within_target_share", "participation_rate_12m");

	/**
	 * Sums per district: dwellings, reports, repeats x/n, closed within target x/n,
	 * participants.
	 */
	static final class Totals {

		int neighbourhoods;

		double dwellings;

		double reports;

		double repeats;

		double repeatBase;

		double closedInTarget;

		double closed;

		double participants;

		double participationDwellings;

		void add(FigureStore.Neighbourhood n, Map<String, Figure> f) {
			neighbourhoods++;
			dwellings += n.dwellings();
			reports += orZero(NeighbourhoodSheet.get(f, "reports_12m").value());
			Figure repeat = NeighbourhoodSheet.get(f, "dwelling_repeat_rate_12m");
			repeats += orZero(repeat.numerator());
			repeatBase += orZero(repeat.denominator());
			Figure closedShare = NeighbourhoodSheet.get(f, "closed_within_target_share");
			closedInTarget += orZero(closedShare.numerator());
			closed += orZero(closedShare.denominator());
			Figure participation = NeighbourhoodSheet.get(f, "participation_rate_12m");
			participants += orZero(participation.numerator());
			participationDwellings += participation.denominator() == null ? n.dwellings() : participation.denominator();
		}

		private static double orZero(Double value) {
			return value == null ? 0 : value;
		}

	}

	private DistrictSheet() {
	}

	static Map<String, Totals> totals(Labels labels, List<FigureStore.Neighbourhood> neighbourhoods,
			Map<String, Map<String, Figure>> figures) {
		Map<String, Totals> districts = new TreeMap<>();
		for (FigureStore.Neighbourhood n : neighbourhoods) {
			String district = n.district() == null || n.district().isBlank() ? labels.get("districts.none")
					: n.district();
			districts.computeIfAbsent(district, k -> new Totals()).add(n, figures.getOrDefault(n.code(), Map.of()));
		}
		return districts;
	}

	static void write(Sheet sheet, Styles styles, Labels labels, SmallNumbers rules, YearMonth month,
			List<FigureStore.Neighbourhood> neighbourhoods, Map<String, Map<String, Figure>> figures) {
		SheetWriter w = new SheetWriter(sheet, styles);
		// the district's name on every printed page
		w.identifyingColumns(1);
		w.title(labels.format("districts.title", labels.month(month)), labels.get("districts.subtitle"));
		int header = w.header(COLUMNS.stream().map(c -> labels.get("districts.column." + c)).toList());
		Map<String, Totals> districts = totals(labels, neighbourhoods, figures);
		Totals city = new Totals();
		List<Map.Entry<String, Totals>> rows = new ArrayList<>(districts.entrySet());
		for (Map.Entry<String, Totals> district : rows) {
			row(w, rules, district.getKey(), district.getValue(), styles.text);
		}
		for (FigureStore.Neighbourhood n : neighbourhoods) {
			city.add(n, figures.getOrDefault(n.code(), Map.of()));
		}
		row(w, rules, labels.get("districts.city"), city, styles.header);
		w.finishTable(header, COLUMNS.size() - 1);
	}

	private static void row(SheetWriter w, SmallNumbers rules, String name, Totals t, CellStyle nameStyle) {
		w.newRow();
		w.text(0, name, nameStyle);
		w.number(1, (double) t.neighbourhoods, Styles.INTEGER);
		w.number(2, t.dwellings, Styles.INTEGER);
		rules.count(w, 3, t.reports);
		if (t.dwellings > 0 && rules.countShown(t.reports, t.dwellings, false)) {
			w.number(4, 100 * t.reports / t.dwellings, Styles.DECIMAL);
		}
		if (t.repeatBase > 0 && rules.countShown(t.repeats, t.repeatBase, true)) {
			w.number(5, t.repeats / t.repeatBase, Styles.PERCENT);
		}
		if (t.closed > 0 && rules.countShown(t.closedInTarget, t.closed, true)) {
			w.number(6, t.closedInTarget / t.closed, Styles.PERCENT);
		}
		if (t.participationDwellings > 0 && rules.countShown(t.participants, t.participationDwellings, false)) {
			w.number(7, 100 * t.participants / t.participationDwellings, Styles.DECIMAL);
		}
	}

}
