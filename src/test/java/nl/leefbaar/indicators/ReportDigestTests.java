package nl.leefbaar.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import nl.leefbaar.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The digests that input fingerprints read (V1__baseline.sql) are kept by triggers: after
 * any kind of write to report they equal the digests summed afresh from the reports, so a
 * month whose reports changed gets a new fingerprint.
 */
@SpringBootTest
class ReportDigestTests {

	@Autowired
	JdbcTemplate jdbc;

	Fixture data;

	@BeforeEach
	void given() {
		TestDatabase.clearDomainTables(jdbc);
		data = new Fixture(jdbc);
		data.neighbourhood("N1").complex("C1", "N1", 40).complex("C2", "N1", 20);
		data.report("r1", "C1", "D1", "pollution", "2025-03-30T23:30:00Z", "2025-04-02T08:00:00Z", "visit");
		data.report("r2", "C1", null, "damage", "2025-03-31T10:00:00+02:00", null, null);
		data.report("r3", "C2", "D7", "safety", "2025-04-01T09:00:00+02:00", "2025-04-30T22:30:00Z", null);
	}

	@Test
	void insertsAreCountedPerLocalDayAndClosingMonth() {
		// r1 is reported on 31 March local time (the clock moved forward that night) and
		// closed in
		// April; r3 is closed at 00:30 on 1 May local time.
		assertThat(jdbc.queryForList("select reported_day || ':' || reports from report_day_digest order by 1",
				String.class))
			.containsExactly("2025-03-31:2", "2025-04-01:1");
		assertThat(
				jdbc.queryForList("select month || ':' || reports from report_closing_digest order by 1", String.class))
			.containsExactly("2025-04-01:1", "2025-05-01:1");
		assertDigestsMatchTheReports();
	}

	@Test
	void updatesUpsertsDeletesAndTruncationKeepTheDigestsExact() {
		List<String> before = digests();
		jdbc.update("update report set closed_at = timestamptz '2025-04-03T12:00:00Z' where report_id = 'r2'");
		assertDigestsMatchTheReports();
		assertThat(digests()).isNotEqualTo(before);

		// the import's upsert: one new row, one changed, one equal
		jdbc.update(
				"""
						insert into report as t (report_id, complex_id, source_category, category, reported_at, reported_day, follow_up)
						values ('r4', 'C2', 'pollution', 'pollution', '2025-04-05T10:00:00Z', '2025-04-05', null),
						       ('r1', 'C1', 'pollution', 'pollution', '2025-03-30T23:30:00Z', '2025-03-31', 'conversation'),
						       ('r3', 'C2', 'safety', 'safety', '2025-04-01T07:00:00Z', '2025-04-01', null)
						on conflict (report_id) do update set follow_up = excluded.follow_up
						where t.follow_up is distinct from excluded.follow_up
						""");
		assertDigestsMatchTheReports();

		jdbc.update("delete from report where report_id in ('r1', 'r4')");
		assertDigestsMatchTheReports();

		jdbc.execute("truncate report cascade");
		assertThat(jdbc.queryForObject("select count(*) from report_day_digest", Long.class)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from report_closing_digest", Long.class)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from report_open_digest", Long.class)).isZero();
	}

	private void assertDigestsMatchTheReports() {
		assertThat(jdbc.queryForList(
				"""
						select reported_day || ':' || reports || ':' || digest from report_day_digest where reports <> 0 order by 1
						""",
				String.class))
			.isEqualTo(jdbc.queryForList(
					"""
							select reported_day || ':' || count(*) || ':' || sum(report_reported_hash(r)) from report r group by reported_day order by 1
							""",
					String.class));
		assertThat(jdbc.queryForList("""
				select month || ':' || reports || ':' || digest from report_closing_digest where reports <> 0 order by 1
				""", String.class)).isEqualTo(jdbc.queryForList("""
				select report_closing_month(closed_at) || ':' || count(*) || ':' || sum(report_closed_hash(r))
				from report r where closed_at is not null group by report_closing_month(closed_at) order by 1
				""", String.class));
		assertThat(jdbc.queryForList(
				"""
						select month || ':' || reports || ':' || digest from report_open_digest where reports <> 0 or digest <> 0 order by 1
						""",
				String.class))
			.isEqualTo(jdbc.queryForList(
					"""
							select month || ':' || sum(n) || ':' || sum(h)
							from (select date_trunc('month', reported_day::timestamp)::date as month, 1 as n, report_open_hash(r)::numeric as h
							      from report r
							      union all
							      select report_closing_month(closed_at), -1, -report_open_hash(r)::numeric from report r where closed_at is not null) x
							group by month having sum(n) <> 0 or sum(h) <> 0 order by 1
							""",
					String.class));
	}

	@Test
	void theOpenDigestsOfTheMonthsUpToMAddUpToTheReportsOpenAtItsEnd() {
		// r2 (March) is open; r1 (March) was closed in April; r3 (April) in May.
		assertThat(openAtEndOf("2025-03-01")).isEqualTo("2:" + hashes("r1", "r2"));
		assertThat(openAtEndOf("2025-04-01")).isEqualTo("2:" + hashes("r2", "r3"));
		assertThat(openAtEndOf("2025-05-01")).isEqualTo("1:" + hashes("r2"));

		// Closing r2 (late, in April) leaves March's open set alone and takes it out of
		// April's and May's.
		jdbc.update("update report set closed_at = timestamptz '2025-04-20T12:00:00Z' where report_id = 'r2'");
		assertThat(openAtEndOf("2025-03-01")).isEqualTo("2:" + hashes("r1", "r2"));
		assertThat(openAtEndOf("2025-04-01")).isEqualTo("1:" + hashes("r3"));
		assertThat(openAtEndOf("2025-05-01")).isEqualTo("0:0");
		assertDigestsMatchTheReports();
	}

	private String openAtEndOf(String month) {
		return jdbc.queryForObject(
				"select sum(reports) || ':' || sum(digest) from report_open_digest where month <= ?::date",
				String.class, month);
	}

	private String hashes(String... reportIds) {
		return jdbc.queryForObject("select sum(report_open_hash(r))::text from report r where report_id = any(?)",
				String.class, (Object) reportIds);
	}

	private List<String> digests() {
		return jdbc.queryForList("""
				select 'day ' || reported_day || ':' || reports || ':' || digest from report_day_digest
				union all select 'closed ' || month || ':' || reports || ':' || digest from report_closing_digest
				union all select 'open ' || month || ':' || reports || ':' || digest from report_open_digest order by 1
				""", String.class);
	}

}
