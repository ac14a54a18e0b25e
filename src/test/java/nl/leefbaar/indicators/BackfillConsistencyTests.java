package nl.leefbaar.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import nl.leefbaar.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A backfill computes many months from one pass over the reports; a single month computes
 * its own window. Both must store exactly the same figures, whatever the order of
 * computation.
 */
@SpringBootTest
class BackfillConsistencyTests {

	private static final String[] CATEGORIES = { "pollution", "damage", "safety", "neighbour_nuisance", "other" };

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IndicatorService service;

	@BeforeEach
	void given() {
		TestDatabase.clearDomainTables(jdbc);
		Fixture data = new Fixture(jdbc);
		data.neighbourhood("N1")
			.neighbourhood("N2")
			.complex("C1", "N1", 40)
			.complex("C2", "N1", 25)
			.complex("C3", "N2", 60)
			.complex("C4", "N2", 12);
		Random random = new Random(20261127);
		Instant start = Instant.parse("2023-01-01T00:00:00Z");
		long span = Instant.parse("2025-04-01T00:00:00Z").getEpochSecond() - start.getEpochSecond();
		for (int i = 0; i < 600; i++) {
			Instant reported = start.plusSeconds((long) (random.nextDouble() * span));
			// a few reports at the very same instant: the (reported_at, report_id) order
			// decides
			if (i % 50 == 7) {
				reported = Instant.parse("2024-03-31T22:30:00Z");
			}
			String closed = random.nextDouble() < 0.8
					? reported.plusSeconds((long) (random.nextDouble() * 40 * 86400)).toString() : null;
			data.report(String.format("b%04d", i), "C" + (1 + random.nextInt(4)),
					random.nextDouble() < 0.7 ? "D" + random.nextInt(6) : null,
					CATEGORIES[random.nextInt(CATEGORIES.length)], reported.toString(), closed,
					random.nextDouble() < 0.3 ? "visit" : null);
		}
		data.activity("A1", "C1", null, "cleanup", "2024-05-10", 12, "pollution")
			.activity("A2", null, "N2", "meeting", "2024-11-02", 30, null);
	}

	@Test
	void aBackfillStoresTheSameFiguresAsMonthByMonthInReverseOrder() {
		service.computeAll(true);
		List<String> backfill = stored();
		// A backfill stores without the primary keys of the tables partitioned by month;
		// they are back.
		assertThat(jdbc.queryForList("""
				select conrelid::regclass::text from pg_constraint
				where contype = 'p' and conname in ('unit_figure_pkey', 'complex_month_fact_pkey')
				""", String.class)).containsExactlyInAnyOrder("unit_figure", "complex_month_fact");

		List<YearMonth> months = new ArrayList<>();
		for (YearMonth m = YearMonth.of(2023, 1); !m.isAfter(YearMonth.of(2025, 3)); m = m.plusMonths(1)) {
			months.add(m);
		}
		Collections.reverse(months);
		for (YearMonth month : months) {
			service.compute(month, true);
		}

		assertThat(backfill).hasSizeGreaterThan(1000);
		assertThat(stored()).isEqualTo(backfill);
	}

	@Test
	void aLateReportRecomputesTheMonthsItTouchesFromTheirStoredPredecessorsAsABackfillWould() {
		service.computeAll(true);
		// A report of February 2025 that arrives late, closed in March: February and
		// March change
		// (not the reference December 2024), and their run adds up the stored facts of
		// the 11
		// months before February instead of reading those months' reports.
		new Fixture(jdbc).report("late1", "C2", "D1", "pollution", "2025-02-10T09:00:00Z", "2025-03-02T09:00:00Z",
				"visit");

		IndicatorService.Computation incremental = service.compute(YearMonth.of(2025, 3), false);
		List<String> afterIncremental = stored();
		service.computeAll(true);

		assertThat(incremental.computed()).containsExactly(YearMonth.of(2025, 2), YearMonth.of(2025, 3));
		assertThat(afterIncremental).isEqualTo(stored());
	}

	@Test
	void aReportClosedLongAfterTheFactRecomputesEveryMonthItWasOpenAtTheEndOf() {
		// Open since February 2023 and overdue at every month end since, until a clean-up
		// closes
		// it at its real date in June 2023. The months whose 12 closing months hold June
		// 2023 see
		// it in their closings; the later ones only in their open reports (each month's
		// open_overdue starts from the stored count of the month before, so a stale count
		// there
		// would carry on into every month after it).
		new Fixture(jdbc).report("old1", "C4", "D2", "damage", "2023-02-10T09:00:00Z", null, null);
		service.computeAll(true);
		jdbc.update("update report set closed_at = timestamptz '2023-06-15T09:00:00Z' where report_id = 'old1'");

		IndicatorService.Computation incremental = service.compute(YearMonth.of(2025, 3), false);
		List<String> afterIncremental = stored();
		service.computeAll(true);

		// The reference December 2024 is among them, and every month is scored against
		// it.
		assertThat(incremental.computed()).first().isEqualTo(YearMonth.of(2023, 4));
		assertThat(incremental.computed()).hasSize(24).contains(YearMonth.of(2024, 12), YearMonth.of(2025, 3));
		assertThat(afterIncremental).isEqualTo(stored());
	}

	private List<String> stored() {
		List<String> rows = new ArrayList<>();
		rows.addAll(
				jdbc.queryForList(
						"select concat_ws('|', period, level, unit_id, category, indicator, value, numerator,"
								+ " denominator, ci_low, ci_high, flag) from indicator_value order by 1",
						String.class));
		rows.addAll(jdbc
			.queryForList("select concat_ws('|', 'hotspot', period, complex_id, category, reports, reports_before,"
					+ " p_value, last_reported, new_this_month) from hotspot order by 1", String.class));
		rows.addAll(jdbc
			.queryForList("select concat_ws('|', 'funnel', period, level, category, indicator, units, phi, tau2,"
					+ " adjusted) from funnel_stat order by 1", String.class));
		rows.addAll(
				jdbc.queryForList("select concat_ws('|', 'index', period, level, unit_id, dwellings, report_rate_12m,"
						+ " dwelling_repeat_rate_12m, closed_within_target_share_12m, participation_rate_12m)"
						+ " from index_component order by 1", String.class));
		rows.addAll(
				jdbc.queryForList(
						"select concat_ws('|', 'fact', period, complex_id, category, reports, repeats, dw_reports,"
								+ " dw_repeats, closed, within, overdue) from complex_month_fact order by 1",
						String.class));
		return rows;
	}

}
