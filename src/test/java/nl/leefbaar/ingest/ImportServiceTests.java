package nl.leefbaar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import nl.leefbaar.support.TestDatabase;
import nl.leefbaar.system.LeefbaarProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class ImportServiceTests {

	static final Clock NOW = Clock.fixed(Instant.parse("2026-01-15T12:00:00Z"), ZoneOffset.UTC);

	@Autowired
	ImportService importService;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path root;

	ImportService service;

	Fixture fixture;

	@BeforeEach
	void setUp() throws Exception {
		TestDatabase.clearDomainTables(jdbc);
		service = importService.with(NOW, new LeefbaarProperties.Ingest(1.0, 100_000));
		fixture = new Fixture(root);
	}

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
