package nl.leefbaar.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import nl.leefbaar.ingest.ImportException;
import nl.leefbaar.ingest.ImportResult;
import nl.leefbaar.ingest.ImportService;
import nl.leefbaar.schedule.SourceDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The PostgreSQL source against a second database in the embedded server, created here
 * with a small warehouse schema ({@code src/test/resources/dwh/warehouse.sql}), read with
 * the example queries of {@code jobs/sql/}.
 */
@SpringBootTest
class PostgresqlSourceTests {

	static final String DATABASE = "leefbaar_dwh_test";

	static final Path REPORTS = Path.of("jobs/sql/dwh-reports.sql").toAbsolutePath();

	static final Path ACTIVITIES = Path.of("jobs/sql/dwh-activities.sql").toAbsolutePath();

	@Autowired
	ImportService importService;

	@Autowired
	Watermarks watermarks;

	@Autowired
	SourceSettings settings;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@TempDir
	Path root;

	SourceFixture fixture;

	String warehouseUrl;

	@BeforeEach
	void setUp() throws Exception {
		SourceFixture.clear(jdbc);
		fixture = new SourceFixture(root);
		String url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
		warehouseUrl = url.replaceAll("/postgres(\\?|$)", "/" + DATABASE + "$1");
		if (!Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from pg_database where datname = ?)",
				Boolean.class, DATABASE))) {
			jdbc.execute("create database " + DATABASE);
			warehouse(Files.readString(Path.of("src/test/resources/dwh/warehouse.sql")));
		}
		warehouse("truncate dwh.melding, dwh.activiteit");
	}

	@Test
	void pullsReportsAndActivitiesWithTheExampleQueries() throws Exception {
		warehouse(
				"""
						insert into dwh.melding values
						  ('M1', 'C1', '1001', 'Rommel in portiek', '2025-06-02 10:15+02', '2025-06-04 09:00+02', 'phone', 'visit',
						   'Mevrouw Jansen belde over de buren', '2025-06-04 09:00+02'),
						  ('M2', 'C2', null, 'Burenoverlast', '2025-06-03 23:30+02', null, 'app', null, null, '2025-06-05 08:00+02');
						insert into dwh.activiteit values
						  ('A1', 'C1', null, 'cleanup', '2025-06-10', 12, 'pollution', '2025-06-10 18:00+02'),
						  ('A2', null, 'BU02', 'meeting', '2025-06-12', null, null, '2025-06-13 09:00+02');
						""");
		PostgresqlSource source = source(REPORTS, ACTIVITIES, settings);

		ImportResult result = fixture.pull(importService, source);

		Map<String, Object> report = jdbc.queryForMap("select * from report where report_id = 'dwh:M1'");
		assertThat(report).containsEntry("complex_id", "C1")
			.containsEntry("dwelling_ref", "VHE-1001")
			.containsEntry("category", "pollution")
			.containsEntry("follow_up", "visit");
		assertThat(jdbc.queryForList("select report_id from report order by 1", String.class)).containsExactly("dwh:M1",
				"dwh:M2");
		assertThat(jdbc.queryForList("select activity_id from activity order by 1", String.class))
			.containsExactly("dwh:A1", "dwh:A2");
		assertThat(watermarks.all()).extracting(Watermarks.Mark::kind, Watermarks.Mark::watermark)
			.containsExactly(tuple("activities", Instant.parse("2025-06-13T07:00:00Z")),
					tuple("reports", Instant.parse("2025-06-05T06:00:00Z")));
		assertThat(source.summary()).containsEntry("pulled", 4L)
			.containsEntry("watermark", "2025-06-05T06:00:00Z")
			.containsEntry("outside_complexes", 0L);
		assertThat(result.byFile()).extracting(ImportResult.FileCounts::file)
			.contains("dwh (report)", "dwh (activity)");
	}

	@Test
	void theNextPullBindsTheWatermarkAndARowChangedSinceCountsAsChanged() throws Exception {
		warehouse(
				"""
						insert into dwh.melding values
						  ('M1', 'C1', '1001', 'Schade', '2025-06-02 10:15+02', null, 'phone', null, null, '2025-06-02 10:15+02'),
						  ('M2', 'C2', null, 'Schade', '2025-06-03 11:00+02', null, 'app', null, null, '2025-06-03 11:00+02');
						""");
		fixture.pull(importService, source(REPORTS, null, settings));
		warehouse("""
				update dwh.melding set afgehandeld_op = '2025-06-20 12:00+02', gewijzigd_op = '2025-06-20 12:00+02'
				 where melding_nr = 'M1';
				insert into dwh.melding values
				  ('M3', 'C2', null, 'Schade', '2025-06-01 09:00+02', null, 'app', null, null, '2025-06-03 11:00+02');
				""");

		ImportResult second = fixture.pull(importService, source(REPORTS, null, settings));

		ImportResult.FileCounts counts = second.byFile().get(second.byFile().size() - 1);
		assertThat(counts.rowsRead()).as("M2 at the watermark, M3 committed late at its time, M1 changed").isEqualTo(3);
		assertThat(counts.changed()).isEqualTo(1);
		assertThat(counts.newRows()).isEqualTo(1);
		assertThat(counts.unchanged()).isEqualTo(1);
		assertThat(jdbc.queryForObject("select closed_at is not null from report where report_id = 'dwh:M1'",
				Boolean.class))
			.isTrue();
	}

	@Test
	void theQueryRunsReadOnlyAndWithinTheStatementTimeout() throws Exception {
		Path writing = query("writes.sql", """
				insert into dwh.melding values ('X', 'C1', null, 'Schade', now(), null, null, null, null, now())
				returning melding_nr as report_id, complex_code as complex_id, categorie as category,
				          ontvangen_op as reported_at, gewijzigd_op as changed_at
				""");
		assertThatThrownBy(() -> fixture.pull(importService, source(writing, null, settings)))
			.isInstanceOf(ImportException.class)
			.hasMessageContaining("dwh (reports, writes.sql): the query failed after 0 rows")
			.hasMessageContaining("read-only transaction");

		Path slow = query("slow.sql", """
				select 'S1' as report_id, 'C1' as complex_id, 'Schade' as category, now() as reported_at,
				       now() as changed_at
				  from pg_sleep(2)
				""");
		SourceSettings quick = new SourceSettings(settings.retryWaits(), settings.connectTimeout(),
				settings.requestTimeout(), Duration.ofMillis(300), settings.fetchSize(), settings.pageSize());
		assertThatThrownBy(() -> fixture.pull(importService, source(slow, null, quick)))
			.hasMessageContaining("canceling statement due to statement timeout");
		assertThat(jdbc.queryForObject("select count(*) from report", Long.class)).isZero();
		assertThat(warehouseCount()).isZero();
	}

	@Test
	void aQueryWithoutChangedAtOrWithAnotherParameterIsRefusedInOneLine() throws Exception {
		Path noChange = query("nochange.sql", "select 'M1' as report_id, 'C1' as complex_id");
		assertThatThrownBy(() -> fixture.pull(importService, source(noChange, null, settings))).hasMessage(
				"dwh (reports, nochange.sql): the query returns no column changed_at (the record's change time)");
		Path local = query("local.sql", "select 'M1' as report_id, now()::timestamp as changed_at");
		assertThatThrownBy(() -> fixture.pull(importService, source(local, null, settings)))
			.hasMessageContaining("changed_at is a timestamp, not a timestamp with time zone");
		Path other = query("other.sql", "select * from dwh.melding where gewijzigd_op >= :since and kanaal = :kanaal");
		assertThatThrownBy(() -> fixture.pull(importService, source(other, null, settings)))
			.hasMessage("dwh: other.sql uses :kanaal; the only parameter is :since (the watermark)");
	}

	@Test
	void aRowThatBreaksARuleGoesToTheRejectFileWithTheSourceAndItsId() throws Exception {
		StringBuilder rows = new StringBuilder("insert into dwh.melding values ");
		for (int i = 1; i <= 40; i++) {
			rows.append("('M")
				.append(i)
				.append("', 'C1', null, 'Schade', '2025-06-02 10:15+02', null, null, null, null,")
				.append(" '2025-06-02 10:15+02'), ");
		}
		rows.append(
				"('BAD', 'C9', null, 'Schade', '2025-06-02 10:15+02', null, null, 'koffie', null, '2025-06-02 10:15+02')");
		warehouse(rows.toString());

		ImportResult result = fixture.pull(importService, source(REPORTS, null, settings));

		assertThat(SourceFixture.rejects(result)).anySatisfy(r -> assertThat(r.subList(0, 4)).containsExactly("dwh",
				"dwh:BAD", "complex_id", "unknown complex 'C9'"));
		assertThat(jdbc.queryForObject("select count(*) from report", Long.class)).isEqualTo(40);
	}

	@Test
	void anUnreachableDatabaseIsTriedAgainThenFailsInOneLineNamingTheSource() throws Exception {
		PostgresqlSource source = new PostgresqlSource(
				new SourceDefinition.Postgresql("dwh", "TEST_DWH_URL", REPORTS, null), SourceFixture.fast(settings),
				watermarks, Map.of("TEST_DWH_URL", "jdbc:postgresql://127.0.0.1:1/dwh")::get);

		assertThatThrownBy(() -> fixture.pull(importService, source))
			.hasMessageStartingWith("dwh (reports, dwh-reports.sql): the database is unreachable after 4 attempts")
			.hasMessageEndingWith("nothing of dwh was committed");
		assertThat(watermarks.all()).isEmpty();
	}

	private PostgresqlSource source(Path reports, Path activities, SourceSettings with) {
		return new PostgresqlSource(new SourceDefinition.Postgresql("dwh", "TEST_DWH_URL", reports, activities), with,
				watermarks, Map.of("TEST_DWH_URL", warehouseUrl, "TEST_DWH_USER", "postgres")::get);
	}

	private Path query(String name, String sql) throws Exception {
		return Files.writeString(root.resolve(name), sql);
	}

	private long warehouseCount() throws Exception {
		try (Connection connection = DriverManager.getConnection(warehouseUrl, "postgres", null);
				var result = connection.createStatement().executeQuery("select count(*) from dwh.melding")) {
			result.next();
			return result.getLong(1);
		}
	}

	private void warehouse(String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(warehouseUrl, "postgres", null);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
