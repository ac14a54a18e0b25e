package nl.leefbaar.report.excel;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;

/**
 * Wijken: one row per neighbourhood and the indicators across, each with what a policy
 * advisor needs to compare fairly: interval, funnel flag, rank (1 = best; only among
 * figures shown) and the change against the same month a year ago. Small numbers are
 * hidden by {@link SmallNumbers}.
 */
final class NeighbourhoodSheet {

	static final List<String> INDICATORS = List.of("reports_12m", "report_rate_12m", "dwelling_repeat_rate_12m",
			"closed_within_target_share", "participation_rate_12m", "concentration_top10_12m", "liveability_index");

	static final List<String> COLUMNS = List.of("code", "neighbourhood", "district", "dwellings", "reports_12m",
			"report_rate_12m", "ci_low", "ci_high", "rank", "flag", "change_year", "dwelling_repeat_rate_12m",
			"repeat_ci_low", "repeat_ci_high", "repeat_flag", "closed_within_target_share", "closed_ci_low",
			"closed_ci_high", "closed_flag", "participation_rate_12m", "concentration_top10_12m", "liveability_index",
			"index_rank", "band", "index_change_year");

	private NeighbourhoodSheet() {
	}

	static void write(Sheet sheet, Styles styles, Labels labels, SmallNumbers rules, YearMonth month,
			List<FigureStore.Neighbourhood> neighbourhoods, Map<String, Map<String, Figure>> now,
			Map<String, Map<String, Figure>> yearAgo) {
		Map<String, Integer> rateRank = ranks(neighbourhoods, now, rules, "report_rate_12m", true);
		Map<String, Integer> indexRank = ranks(neighbourhoods, now, rules, "liveability_index", false);
		SheetWriter w = new SheetWriter(sheet, styles);
		w.title(labels.format("neighbourhoods.title", labels.month(month)), labels.get("neighbourhoods.subtitle"));
		int header = w.header(COLUMNS.stream().map(c -> labels.get("neighbourhoods.column." + c)).toList());
		for (FigureStore.Neighbourhood n : neighbourhoods) {
			Map<String, Figure> f = now.getOrDefault(n.code(), Map.of());
			Map<String, Figure> before = yearAgo.getOrDefault(n.code(), Map.of());
			w.newRow();
			w.text(0, n.code());
			w.text(1, n.name());
			w.text(2, n.district());
			w.number(3, (double) n.dwellings(), Styles.INTEGER);
			rules.count(w, 4, get(f, "reports_12m").value());
			Figure rate = get(f, "report_rate_12m");
			if (rules.rateShown(rate)) {
				w.number(5, rate.value(), Styles.DECIMAL);
				w.number(6, rate.ciLow(), Styles.DECIMAL);
				w.number(7, rate.ciHigh(), Styles.DECIMAL);
				w.number(8, rank(rateRank, n.code()), Styles.INTEGER);
				w.text(9, labels.flag(rate.flag()), styles.flag(rate.flag()));
				Figure old = get(before, "report_rate_12m");
				if (rules.rateShown(old)) {
					w.number(10, rate.value() - old.value(), Styles.DECIMAL);
				}
			}
			share(w, labels, rules, get(f, "dwelling_repeat_rate_12m"), 11, true);
			share(w, labels, rules, get(f, "closed_within_target_share"), 15, true);
			Figure participation = get(f, "participation_rate_12m");
			if (rules.rateShown(participation)) {
				w.number(19, participation.value(), Styles.DECIMAL);
			}
			Figure concentration = get(f, "concentration_top10_12m");
			if (rules.shareShown(concentration)) {
				w.number(20, concentration.value(), Styles.PERCENT);
			}
			Figure index = get(f, "liveability_index");
			// the index combines four figures and reveals no single count: shown wherever
			// it exists
			if (index.value() != null) {
				Band band = Band.of(index.value());
				w.number(21, index.value(), styles.index(band));
				w.number(22, rank(indexRank, n.code()), Styles.INTEGER);
				if (band != null) {
					w.text(23, labels.get(band.key()), styles.band(band));
				}
				Figure old = get(before, "liveability_index");
				if (old.value() != null) {
					w.number(24, index.value() - old.value(), Styles.DECIMAL);
				}
			}
		}
		w.finishTable(header, COLUMNS.size() - 1);
	}

	private static void share(SheetWriter w, Labels labels, SmallNumbers rules, Figure share, int column,
			boolean flagged) {
		if (!rules.shareShown(share)) {
			return;
		}
		w.number(column, share.value(), Styles.PERCENT);
		w.number(column + 1, share.ciLow(), Styles.PERCENT);
		w.number(column + 2, share.ciHigh(), Styles.PERCENT);
		if (flagged) {
			w.text(column + 3, labels.flag(share.flag()), w.styles.flag(share.flag()));
		}
	}

	static Figure get(Map<String, Figure> figures, String indicator) {
		return Figure.orMissing(figures.get(indicator));
	}

	private static Double rank(Map<String, Integer> ranks, String code) {
		Integer rank = ranks.get(code);
		return rank == null ? null : rank.doubleValue();
	}

	/** Competition ranks (1, 2, 2, 4) among the figures shown; 1 is the best. */
	static Map<String, Integer> ranks(List<FigureStore.Neighbourhood> neighbourhoods,
			Map<String, Map<String, Figure>> figures, SmallNumbers rules, String indicator, boolean lowerIsBetter) {
		List<Map.Entry<String, Double>> shown = new ArrayList<>();
		for (FigureStore.Neighbourhood n : neighbourhoods) {
			Map<String, Figure> f = figures.getOrDefault(n.code(), Map.of());
			Figure figure = get(f, indicator);
			boolean visible = indicator.equals("liveability_index") ? figure.value() != null : rules.rateShown(figure);
			if (visible) {
				shown.add(Map.entry(n.code(), figure.value()));
			}
		}
		Map<String, Integer> ranks = new HashMap<>();
		for (Map.Entry<String, Double> entry : shown) {
			int better = 0;
			for (Map.Entry<String, Double> other : shown) {
				if (lowerIsBetter ? other.getValue() < entry.getValue() : other.getValue() > entry.getValue()) {
					better++;
				}
			}
			ranks.put(entry.getKey(), better + 1);
		}
		return ranks;
	}

}
