package nl.leefbaar.report.excel;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import nl.leefbaar.domain.Category;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small, deterministic set of stored figures as the indicator stage leaves them: three
 * neighbourhoods in two districts, four complexes of two owners and none (two named to
 * try formula injection, one of 8 dwellings), 24 months of indicator_value at every
 * level, a hotspot list, reports with dwelling repeats, activities and their effects,
 * funnel statistics and an import run.
 */
final class WorkbookFixture {

	static final YearMonth MONTH = YearMonth.of(2025, 6);
	static final String INJECTION_NAME = "=HYPERLINK(\"http://x\",\"y\")";
	static final String PHONE_NAME = "+31 10 123";
	static final String SMALL_COMPLEX = "C3";

	/**
	 * C1 and C2 are this owner's, C3 the other's; C4 has no owner (the team's dashboard
	 * only).
	 */
	static final String OWNER = "Wonen & Co";
	static final String OTHER_OWNER = "=Ander(1)";
	static final String SMALL_NEIGHBOURHOOD = "N2";
	static final List<String> COMPLEXES = List.of("C1", "C2", "C3", "C4");
	static final List<String> NEIGHBOURHOODS = List.of("N1", "N2", "N3");
	static final List<String> FLAGS = Arrays.asList("high", "elevated", "in range", "reduced", "low", null);

	private WorkbookFixture() {
	}

	static void insert(JdbcTemplate jdbc) {
		jdbc.update(
				"insert into neighbourhood values ('N1', 'Centrum', 'Wijk A'), ('N2', 'Noord', 'Wijk A'), ('N3', '@Zuid', 'Wijk B')");
		jdbc.update(
				"insert into complex values (?, ?, 'N1', ?, 120), (?, ?, 'N1', ?, 40), ('C3', 'Klein hofje', 'N2', ?, 8),"
						+ " ('C4', 'Parkzicht', 'N3', null, 200)",
				"C1", INJECTION_NAME, OWNER, "C2", PHONE_NAME, OWNER, OTHER_OWNER);
		indicatorValues(jdbc);
		jdbc.update(
				"""
						insert into complex_month_fact (period, complex_id, category, reports, repeats, dw_reports, dw_repeats, closed, within,
						                                hot_reports, hot_last)
						values (?, 'C1', 'pollution', 3, 0, 0, 0, 0, 0, 7, '2025-06-28T10:00:00Z'),
						       (?, 'C4', 'safety', 2, 0, 0, 0, 0, 0, 4, '2025-06-20T08:00:00Z'),
						       (?, 'C1', 'damage', 2, 0, 0, 0, 0, 0, 4, '2025-06-25T08:00:00Z')
						""",
				date(MONTH), date(MONTH), date(MONTH));
		reports(jdbc);
		jdbc.update("""
				insert into activity values ('A1', 'C1', null, 'cleanup', '2025-06-05', 25, 'pollution'),
				                            ('A2', null, 'N3', 'meeting', '2025-06-12', 40, null),
				                            ('A0', 'C4', null, 'mediation', '2025-01-10', 3, 'neighbour_nuisance')
				""");
		jdbc.update(
				"""
						insert into activity_effect values
						  (?, 'A0', 'mediation', 'C4', 'N3', '2025-01-10', 'neighbour_nuisance', 150, 12, 5, 0.4166666666666667,
						   0.12, 1.21, 0.1435, 20, 18, 0.9, 0.462962962962963, null),
						  (?, 'A1', 'cleanup', 'C1', 'N1', '2025-06-05', 'pollution', 26, null, null, null, null, null, null, null, null, null, null, 'too_recent'),
						  (?, null, 'mediation', null, null, null, 'neighbour_nuisance', null, 12, 5, 0.4166666666666667,
						   0.12, 1.21, 0.1435, 20, 18, 0.9, 0.462962962962963, null)
						""",
				date(MONTH), date(MONTH), date(MONTH));
		jdbc.update("""
				insert into funnel_stat values (?, 'complex', 'all', 'report_rate_12m', 4, 1.8, 0.0123, true),
				                               (?, 'neighbourhood', 'all', 'report_rate_12m', 3, 0.9, 0, false)
				""", date(MONTH), date(MONTH));
		jdbc.update("insert into computed_month values (?, 'abc', 2024, '2025-07-01T06:00:00Z')", date(MONTH));
		jdbc.update(
				"insert into import_run (started_at, input_folder, rows_read, loaded, rejected) values ('2025-07-01T05:00:00Z', 'in', 1000, 990, 10)");
	}

	static Date date(YearMonth month) {
		return Date.valueOf(month.atDay(1));
	}

	/**
	 * Every indicator the workbooks read, at every level, for 24 months; random but
	 * reproducible.
	 */
	private static void indicatorValues(JdbcTemplate jdbc) {
		Random random = new Random(20250601L);
		List<Object[]> rows = new ArrayList<>();
		List<String> categories = new ArrayList<>(Category.codes());
		categories.add(0, Category.ALL);
		List<String[]> units = new ArrayList<>();
		COMPLEXES.forEach(c -> units.add(new String[] { "complex", c }));
		NEIGHBOURHOODS.forEach(n -> units.add(new String[] { "neighbourhood", n }));
		units.add(new String[] { "city", "city" });
		String[] indicators = { "reports", "reports_12m", "report_rate", "report_rate_12m", "repeat_rate",
				"repeat_rate_12m", "dwelling_repeat_rate", "dwelling_repeat_rate_12m", "closed_within_target_share",
				"days_to_close_median", "open_overdue", "activities", "participants", "participation_rate_12m",
				"concentration_top10_12m", "liveability_index" };
		for (int back = 0; back < 24; back++) {
			YearMonth month = MONTH.minusMonths(back);
			for (String[] unit : units) {
				// Only the city's figures are read for every month (Trends); units need
				// m, m-1 and m-12.
				if (!unit[0].equals("city") && back != 0 && back != 1 && back != 12) {
					continue;
				}
				for (String category : categories) {
					for (String indicator : indicators) {
						boolean allOnly = List
							.of("activities", "participants", "participation_rate_12m", "concentration_top10_12m",
									"liveability_index")
							.contains(indicator);
						if (allOnly && !category.equals(Category.ALL)) {
							continue;
						}
						boolean perCategory = unit[0].equals("city") || indicator.equals("dwelling_repeat_rate_12m");
						if (!perCategory && !category.equals(Category.ALL)) {
							continue;
						}
						rows.add(row(random, month, unit[0], unit[1], category, indicator));
					}
				}
			}
		}
		jdbc.batchUpdate("""
				insert into indicator_value (period, level, unit_id, category, indicator, value, numerator, denominator,
				                             ci_low, ci_high, flag) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", rows);
		// The small neighbourhood: 3 reports in 12 months, so its count shows as <5 and
		// its rate not at all.
		jdbc.update("""
				update indicator_value set value = 3, numerator = 3 where level = 'neighbourhood' and unit_id = ?
				  and category = 'all' and indicator = 'reports_12m' and period = ?""", SMALL_NEIGHBOURHOOD,
				date(MONTH));
		jdbc.update(
				"""
						update indicator_value set value = 100.0 * 3 / 8, numerator = 3, denominator = 8 where level = 'neighbourhood'
						  and unit_id = ? and category = 'all' and indicator = 'report_rate_12m' and period = ?""",
				SMALL_NEIGHBOURHOOD, date(MONTH));
	}

	private static Object[] row(Random random, YearMonth month, String level, String unit, String category,
			String indicator) {
		boolean share = indicator.contains("repeat_rate") || indicator.contains("share")
				|| indicator.contains("concentration");
		double denominator = share ? 20 + random.nextInt(200) : 40 + random.nextInt(400);
		double numerator = share ? random.nextInt((int) denominator) : random.nextInt(120);
		Double value = switch (indicator) {
			case "reports", "reports_12m", "open_overdue", "activities", "participants" -> numerator;
			case "liveability_index" -> 55 + random.nextDouble() * 70;
			case "days_to_close_median" -> random.nextDouble() * 40;
			case "report_rate", "report_rate_12m", "participation_rate_12m" -> 100 * numerator / denominator;
			default -> numerator / denominator;
		};
		if (random.nextInt(40) == 0) {
			value = null; // now and then a missing figure, as with incomplete look-back
		}
		Double low = value == null ? null : value * 0.8;
		Double high = value == null ? null : value * 1.25;
		String flag = level.equals("city") ? null : FLAGS.get(random.nextInt(FLAGS.size()));
		return new Object[] { date(month), level, unit, category, indicator, value, numerator, denominator, low, high,
				flag };
	}

	/**
	 * Reports with dwelling references: at C1 dwelling D-17 reports pollution three times
	 * within 90 days (2 repeats), D-18 twice but 120 days apart (no repeat), D-20 damage
	 * twice (1 repeat).
	 */
	private static void reports(JdbcTemplate jdbc) {
		Object[][] reports = { { "R1", "C1", "D-17", "pollution", "2025-03-01T09:00:00Z" },
				{ "R2", "C1", "D-17", "pollution", "2025-04-15T09:00:00Z" },
				{ "R3", "C1", "D-17", "pollution", "2025-06-01T09:00:00Z" },
				{ "R4", "C1", "D-18", "pollution", "2025-01-01T09:00:00Z" },
				{ "R5", "C1", "D-18", "pollution", "2025-05-01T09:00:00Z" },
				{ "R6", "C4", "D-20", "damage", "2024-08-01T09:00:00Z" },
				{ "R7", "C4", "D-20", "damage", "2024-09-15T09:00:00Z" },
				{ "R8", "C4", null, "damage", "2024-09-16T09:00:00Z" }, };
		for (Object[] r : reports) {
			Instant at = Instant.parse((String) r[4]);
			LocalDate day = at.atZone(nl.leefbaar.domain.Months.ZONE).toLocalDate();
			jdbc.update(
					"""
							insert into report (report_id, complex_id, dwelling_ref, source_category, category, reported_at, reported_day)
							values (?, ?, ?, ?, ?, ?, ?)""",
					r[0], r[1], r[2], r[3], r[3], Timestamp.from(at), Date.valueOf(day));
		}
	}

}
