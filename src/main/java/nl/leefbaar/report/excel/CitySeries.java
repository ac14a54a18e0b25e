package nl.leefbaar.report.excel;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.leefbaar.domain.Category;
import nl.leefbaar.domain.Level;

/**
 * The city's stored monthly figures over the 24 months to m, per category and indicator:
 * the source of the Overzicht's headline figures, their changes and the Trends sheet.
 */
final class CitySeries {

	static final int MONTHS = 24;
	static final List<String> INDICATORS = List.of("reports", "reports_12m", "report_rate", "report_rate_12m",
			"dwelling_repeat_rate", "dwelling_repeat_rate_12m", "closed_within_target_share", "open_overdue",
			"activities", "participants", "liveability_index", "repeat_rate");

	final YearMonth month;

	private final Map<String, Map<String, Map<YearMonth, Figure>>> figures;

	CitySeries(YearMonth month, Map<String, Map<String, Map<YearMonth, Figure>>> figures) {
		this.month = month;
		this.figures = figures;
	}

	static CitySeries load(FigureStore store, YearMonth month) {
		return new CitySeries(month,
				store.series(Level.CITY, Level.CITY_UNIT, month.minusMonths(MONTHS - 1), month, INDICATORS));
	}

	/** The 24 months to m, oldest first. */
	List<YearMonth> months() {
		List<YearMonth> months = new ArrayList<>();
		for (int i = MONTHS - 1; i >= 0; i--) {
			months.add(month.minusMonths(i));
		}
		return months;
	}

	static List<String> categories() {
		List<String> categories = new ArrayList<>();
		categories.add(Category.ALL);
		categories.addAll(Category.codes());
		return categories;
	}

	Figure figure(String category, String indicator, YearMonth at) {
		return Figure.orMissing(figures.getOrDefault(category, Map.of()).getOrDefault(indicator, Map.of()).get(at));
	}

	Double value(String category, String indicator, YearMonth at) {
		return figure(category, indicator, at).value();
	}

	/**
	 * The 12 monthly values to m for the trend; a month without a stored figure counts as
	 * 0 for counts and rates (indicators.md: months without reports as 0). Shares have no
	 * such zero: null when one is missing.
	 */
	double[] last12(String category, String indicator, boolean missingIsZero) {
		double[] values = new double[12];
		for (int i = 0; i < 12; i++) {
			Double value = value(category, indicator, month.minusMonths(11 - i));
			if (value == null && !missingIsZero) {
				return null;
			}
			values[i] = value == null ? 0 : value;
		}
		return values;
	}

}
