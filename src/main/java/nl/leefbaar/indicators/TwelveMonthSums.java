package nl.leefbaar.indicators;

/**
 * The complex x category x month facts of a run with their 12-month sums
 * (complex_category_month), by the way that suits the run's length: one month after a
 * stored month (a monthly job) updates the stored sums of the month before; another short
 * run adds up the facts in each of its months' windows; a long run (a backfill) slides a
 * window over the dense month grid instead of joining every fact to twelve months.
 */
final class TwelveMonthSums {

	private TwelveMonthSums() {
	}

	static void build(RunSession session) {
		FactRun run = session.run();
		String way = run.afterStoredMonth() ? "from_the_month_before"
				: run.shortRun() ? "by_window_join" : "by_sliding_window";
		session.create("complex_category_month", IndicatorSql.statement("complex-category-month", way));
	}

}
