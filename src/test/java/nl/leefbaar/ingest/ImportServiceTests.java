package nl.leefbaar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImportServiceTests extends ImportTestSupport {

	@Test
	void importsAValidFolderAndCountsEveryRowAsNew() throws Exception {
		fixture.reports("R1,C1,D-17,Rommel in portiek,2025-06-02 10:15,2025-06-04 09:00,phone,visit",
				"R2,C2,,Burenoverlast,02-06-2025 23:30,,app,");
		fixture.activities("A1,C1,,cleanup,2025-06-10,12,pollution", "A2,,BU02,meeting,10-06-2025,,");

		ImportResult result = service.importFolder(fixture.input, fixture.output);

		assertThat(result.rowsRead()).isEqualTo(8);
		assertThat(result.loaded()).isEqualTo(8);
		assertThat(result.newRows()).isEqualTo(8);
		assertThat(result.rejected()).isZero();
		assertThat(result.inputFiles()).isEqualTo(4);
		assertThat(jdbc.queryForObject("select category from report where report_id = 'R1'", String.class))
			.isEqualTo("pollution");
		assertThat(jdbc.queryForObject("select reported_day::text from report where report_id = 'R2'", String.class))
			.isEqualTo("2025-06-02");
		assertThat(jdbc.queryForObject("select count(*) from import_run", Long.class)).isEqualTo(1);
		assertThat(fixture.rejectLines(result)).isEmpty();
	}

}
