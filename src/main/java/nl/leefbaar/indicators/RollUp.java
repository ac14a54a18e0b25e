package nl.leefbaar.indicators;

/**
 * The coarser units' facts of a run: the complexes' totals, neighbourhoods and the city
 * (unit_month), concentration (unit_concentration) and activities (unit_activities).
 * Figures read them month by month, with the complex x category rows
 * ({@link MonthFacts}).
 */
final class RollUp {

	private RollUp() {
	}

	static void build(RunSession session) {
		session.create("unit_month", IndicatorSql.statement("unit-month"));
		// Read month by month: without the indexes each month scans every month's rows.
		session.jdbc().execute("create index on unit_month (month)");
		if (!session.run().oneMonth()) {
			session.jdbc().execute("create index on complex_category_month (month)");
		}
		session.create("unit_concentration", IndicatorSql.statement("unit-concentration"));
		session.create("unit_activities", IndicatorSql.statement("unit-activities"));
	}

}
