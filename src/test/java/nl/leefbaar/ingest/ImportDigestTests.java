package nl.leefbaar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A first load COPYs the reports straight into the table with the digest trigger off and
 * computes the report digests (V1__baseline.sql) itself: they must be exactly the rows
 * the trigger keeps for the same reports, the fingerprints of the indicators and the
 * fault drill compare them. Here the trigger's digests come from inserting the imported
 * rows once more with the trigger on.
 */
class ImportDigestTests extends ImportTestSupport {

	@BeforeEach
	void bulkFromTwoRows() {
		service = service.withBulkFrom(2);
	}

	@Test
	void aFirstLoadKeepsTheDigestsTheTriggerWouldHaveKept() throws Exception {
		fixture.reports(
				// the night the clock moves forward; closed at 00:30 local time on 1 May
				"R1,C1,D-1,Lekkage,2025-03-30 02:30,2025-05-01 00:30,phone,visit",
				// reported before midnight UTC but on the next local day, closed in the
				// same
				// month (the open digest's row of that month adds up to zero)
				"R2,C2,,Graffiti,2025-06-01T23:30Z,2025-06-20 10:00,,",
				// fractions finer than a microsecond, rounded as the server rounds them
				"R3,C1,D-2,Burenoverlast,2025-06-02 10:15:00.1234565,2025-06-02 11:00:00.9999996,web,NONE",
				// open; non-ASCII ids and values
				"Ré4,C2,Wöning 3,Vervuiling,01-07-2025 08:00,,app,conversation",
				// the autumn overlap; closed the same day
				"R5,C1,,safety,2025-10-26 02:30,2025-10-26T02:45+01:00,staff,",
				"R6,C2,D-9,other,2025-12-31 23:59:59,,,mediation");
		ImportResult result = service.importFolder(fixture.input, fixture.output);
		assertThat(result.byFile().get(2).newRows()).isEqualTo(6);
		List<String> imported = digests();

		insertTheSameReportsAgainWithTheTrigger(true);

		assertThat(imported).hasSize(14).isEqualTo(digests());
		assertThat(imported).contains("open 2025-06-01:0:0");
	}

	@Test
	void aLaterLoadAddsToTheDigestsThroughTheTrigger() throws Exception {
		fixture.reports("R1,C1,D-1,Lekkage,2025-03-30 02:30,,phone,visit", "R2,C2,,Graffiti,2025-06-01T23:30Z,,,");
		service.importFolder(fixture.input, fixture.output);
		fixture.reports("R1,C1,D-1,Lekkage,2025-03-30 02:30,2025-04-02 08:00,phone,visit",
				"R3,C2,,Graffiti,2025-06-02 10:00,,,");
		service.importFolder(fixture.input, fixture.output);
		List<String> imported = digests();

		insertTheSameReportsAgainWithTheTrigger(false);

		assertThat(imported.stream().filter(d -> !d.endsWith(":0:0"))).isEqualTo(digests());
	}

	private void insertTheSameReportsAgainWithTheTrigger(boolean checkEmptied) {
		jdbc.execute("drop table if exists reports_again");
		jdbc.execute("create table reports_again as select * from report");
		jdbc.execute("truncate report cascade");
		if (checkEmptied) {
			assertThat(digests()).isEmpty();
		}
		jdbc.execute("insert into report select * from reports_again");
		jdbc.execute("drop table reports_again");
	}

	private List<String> digests() {
		return jdbc.queryForList("""
				select 'day ' || reported_day || ':' || reports || ':' || digest from report_day_digest
				union all select 'closed ' || month || ':' || reports || ':' || digest from report_closing_digest
				union all select 'open ' || month || ':' || reports || ':' || digest from report_open_digest order by 1
				""", String.class);
	}

}
