package nl.leefbaar.report.excel;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.leefbaar.indicators.stats.Change;
import nl.leefbaar.indicators.stats.Interval;
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
			"report_rate_12m", "range_low", "range_high", "rank", "flag", "change_year", "change_verdict",
			"dwelling_repeat_rate_12m", "repeat_range_low", "repeat_range_high", "repeat_flag",
			"closed_within_target_share", "closed_range_low", "closed_range_high", "closed_flag",
			"participation_rate_12m", "concentration_top10_12m", "liveability_index", "index_rank", "band",
			"index_change_year");

	private NeighbourhoodSheet() {
	}

	static void write(Sheet sheet, Styles styles, Labels labels, SmallNumbers rules, YearMonth month,
			List<FigureStore.Neighbourhood> neighbourhoods, Map<String, Map<String, Figure>> now,
			Map<String, Map<String, Figure>> yearAgo) {
		write(sheet, styles, labels, rules, month, neighbourhoods, now, yearAgo, Map.of(), Map.of(),
				ExpectedRanges.of(now, List.of()));
	}

	/**
	 * The table: the city first (its own figures, no flag: the city is the reference),
	 * then each neighbourhood with value, the expected range that decides its flag, the
	 * flag, rank, change against a year earlier (%), index and band.
	 */
	static void write(Sheet sheet, Styles styles, Labels labels, SmallNumbers rules, YearMonth month,
			List<FigureStore.Neighbourhood> neighbourhoods, Map<String, Map<String, Figure>> now,
			Map<String, Map<String, Figure>> yearAgo, Map<String, Figure> city, Map<String, Figure> cityYearAgo,
			ExpectedRanges ranges) {
		Map<String, Integer> rateRank = ranks(neighbourhoods, now, rules, "report_rate_12m", true);
		Map<String, Integer> indexRank = ranks(neighbourhoods, now, rules, "liveability_index", false);
		SheetWriter w = new SheetWriter(sheet, styles);
		// code and name on every printed page of the wide table
		w.identifyingColumns(2);
		w.title(labels.format("neighbourhoods.title", labels.month(month)), labels.get("neighbourhoods.subtitle"));
		int header = w.header(COLUMNS.stream().map(c -> labels.get("neighbourhoods.column." + c)).toList());
		if (!city.isEmpty()) {
			long dwellings = neighbourhoods.stream().mapToLong(FigureStore.Neighbourhood::dwellings).sum();
			row(w, styles, labels, rules, null, labels.get("neighbourhoods.city"), null, dwellings, city, cityYearAgo,
					null, null, null);
		}
		for (FigureStore.Neighbourhood n : neighbourhoods) {
			row(w, styles, labels, rules, n.code(), n.name(), n.district(), n.dwellings(),
					now.getOrDefault(n.code(), Map.of()), yearAgo.getOrDefault(n.code(), Map.of()), ranges, rateRank,
					indexRank);
		}
		w.finishTable(header, COLUMNS.size() - 1);
	}

	/** One row; ranges, ranks and flags null for the city (the reference itself). */
	private static void row(SheetWriter w, Styles styles, Labels labels, SmallNumbers rules, String code, String name,
			String district, long dwellings, Map<String, Figure> f, Map<String, Figure> before, ExpectedRanges ranges,
			Map<String, Integer> rateRank, Map<String, Integer> indexRank) {
		boolean unit = ranges != null;
		{
			w.newRow();
			w.text(0, code);
			w.text(1, name, unit ? styles.text : styles.header);
			w.text(2, district);
			w.number(3, (double) dwellings, Styles.INTEGER);
			Figure reports = get(f, "reports_12m");
			rules.count(w, 4, reports.value());
			if (reports.value() == null) {
				w.blank(4, Missing.of(reports.flag()), labels);
			}
			Figure rate = get(f, "report_rate_12m");
			if (rules.rateShown(rate)) {
				w.number(5, rate.value(), Styles.DECIMAL);
				if (unit) {
					Interval range = ranges.range("report_rate_12m", rate);
					if (range != null) {
						w.number(6, range.low(), Styles.DECIMAL);
						w.number(7, range.high(), Styles.DECIMAL);
					}
					w.number(8, rank(rateRank, code), Styles.INTEGER);
					w.text(9, labels.flag(rate.flag()), styles.flag(rate.flag()));
				}
				// the 12 months against the 12 months a year earlier, tested (exact
				// conditional
				// rate-ratio test, the dwellings as exposure): better or worse only when
				// significant
				Figure old = get(before, "report_rate_12m");
				if (rules.rateShown(old) && old.numerator() != null && rate.numerator() != null
						&& rate.denominator() != null && old.denominator() != null) {
					w.change(10, Change.ofCounts(Math.round(rate.numerator()), rate.denominator(),
							Math.round(old.numerator()), old.denominator()), Polarity.LOWER_IS_BETTER, labels);
				}
				else {
					w.blank(10, Missing.NO_EARLIER, labels);
				}
			}
			else {
				w.blank(5, hiddenBecause(rules, rate), labels);
			}
			share(w, labels, rules, get(f, "dwelling_repeat_rate_12m"), 12, unit ? ranges : null,
					"dwelling_repeat_rate_12m");
			share(w, labels, rules, get(f, "closed_within_target_share"), 16, unit ? ranges : null,
					"closed_within_target_share");
			Figure participation = get(f, "participation_rate_12m");
			if (rules.rateShown(participation)) {
				w.number(20, participation.value(), Styles.DECIMAL);
			}
			else {
				w.blank(20, hiddenBecause(rules, participation), labels);
			}
			Figure concentration = get(f, "concentration_top10_12m");
			if (rules.shareShown(concentration)) {
				w.number(21, concentration.value(), Styles.PERCENT);
			}
			else {
				w.blank(21, hiddenBecause(rules, concentration), labels);
			}
			Figure index = get(f, "liveability_index");
			// the index combines four figures and reveals no single count: shown wherever
			// it exists
			if (index.value() != null) {
				Band band = Band.of(index.value());
				w.number(22, index.value(), styles.index(band));
				if (unit) {
					w.number(23, rank(indexRank, code), Styles.INTEGER);
				}
				if (band != null) {
					w.text(24, labels.get(band.key()), styles.band(band));
				}
				Figure old = get(before, "liveability_index");
				if (old.value() != null) {
					w.number(25, index.value() - old.value(), Styles.DECIMAL);
				}
			}
		}
	}

	private static void share(SheetWriter w, Labels labels, SmallNumbers rules, Figure share, int column,
			ExpectedRanges ranges, String indicator) {
		if (!rules.shareShown(share)) {
			w.blank(column, hiddenBecause(rules, share), labels);
			return;
		}
		w.number(column, share.value(), Styles.PERCENT);
		if (ranges != null) {
			Interval range = ranges.range(indicator, share);
			if (range != null) {
				w.number(column + 1, range.low(), Styles.PERCENT);
				w.number(column + 2, range.high(), Styles.PERCENT);
			}
			w.text(column + 3, labels.flag(share.flag()), w.styles.flag(share.flag()));
		}
	}

	/**
	 * Why a figure is not shown: missing altogether (no data, or its look-back), or
	 * hidden by the small-number rules.
	 */
	static Missing hiddenBecause(SmallNumbers rules, Figure figure) {
		if (figure.value() == null) {
			return Missing.of(figure.flag());
		}
		return rules.small(figure.numerator()) || rules.small(figure.denominator()) ? Missing.SMALL_NUMBERS
				: Missing.NO_DATA;
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
