package nl.leefbaar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;

import nl.leefbaar.support.TestDatabase;
import nl.leefbaar.system.LeefbaarProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Property: randomly damaged exports either are refused with an ImportException or load
 * only rows that keep every rule; and rows read = loaded + rejected.
 */
@SpringBootTest
class ImportMutationTests {

	static final String REPORTS = Fixture.REPORTS_HEADER + "\n"
			+ "R1,C1,D-1,Lekkage,2025-06-02 10:15,2025-06-03 09:00,phone,visit\n"
			+ "R2,C2,,\"Rommel in \"\"portiek\"\"\",02-06-2025 23:30,,app,\n"
			+ "R3,C1,D-2,Graffiti,2025-03-30T02:30,2025-03-30T04:00,web,none\n"
			+ "R4,C2,,Burenoverlast,2024-12-31 23:59:59,2025-01-02 00:00,staff,mediation\n";

	@Autowired
	ImportService importService;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path root;

	ImportService service;

	@BeforeEach
	void setUp() {
		service = importService.with(ImportTestSupport.NOW, new LeefbaarProperties.Ingest(1.0, 100_000));
	}

	@Test
	void damagedExportsNeverLoadARowThatBreaksARule() throws Exception {
		Random random = new Random(99);
		byte[] base = REPORTS.getBytes(StandardCharsets.UTF_8);
		int refused = 0;
		for (int round = 0; round < 40; round++) {
			TestDatabase.clearDomainTables(jdbc);
			Fixture fixture = new Fixture(root.resolve("case" + round));
			byte[] bytes = base.clone();
			for (int m = 0; m < 1 + random.nextInt(4); m++) {
				int at = Fixture.REPORTS_HEADER.length() + 1
						+ random.nextInt(bytes.length - Fixture.REPORTS_HEADER.length() - 1);
				bytes[at] = (byte) "0123456789-:,\"\n;xZ+ \u00ff".charAt(random.nextInt(19));
			}
			fixture.writeBytes("reports.csv", bytes);
			ImportResult result;
			try {
				result = service.importFolder(fixture.input, fixture.output);
			}
			catch (ImportException e) {
				refused++;
				assertThat(e.getMessage()).doesNotContain("\n").startsWith("reports.csv");
				continue;
			}
			assertThat(result.rowsRead()).isEqualTo(result.loaded() + result.rejected());
			assertThat(jdbc.queryForObject(
					"""
							select count(*) from report r
							where not exists (select 1 from complex c where c.complex_id = r.complex_id)
							   or r.category not in ('neighbour_nuisance', 'pollution', 'damage', 'safety', 'social', 'public_space', 'other')
							   or r.closed_at < r.reported_at
							   or r.reported_at < '2000-01-01' or r.reported_at > '2026-01-15T12:00:00Z'
							   or r.closed_at > '2026-01-15T12:00:00Z'
							   or r.follow_up not in ('visit', 'conversation', 'referral', 'accompaniment', 'mediation', 'none')
							   or r.reported_day <> (r.reported_at at time zone 'Europe/Amsterdam')::date
							   or r.report_id = '' or r.source_category = ''
							""",
					Long.class))
				.as("case %d", round)
				.isZero();
		}
		assertThat(refused).isLessThan(40);
	}

}
