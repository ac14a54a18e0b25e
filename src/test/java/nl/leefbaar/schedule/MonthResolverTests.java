package nl.leefbaar.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;

import nl.leefbaar.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class MonthResolverTests {

	@Autowired
	JdbcTemplate jdbc;

	final FakeClock clock = new FakeClock(FakeClock.at("2025-07-01T00:30"));

	@BeforeEach
	void emptyDatabase() {
		TestDatabase.clearDomainTables(jdbc);
		jdbc.update("insert into neighbourhood values ('BU01', 'Oost', null)");
		jdbc.update("insert into complex values ('C1', 'Flat', 'BU01', null, 40)");
	}

	@Test
	void isTheLastCompleteMonthInAmsterdamWhenItHasReports() {
		report("R1", "2025-06-03");

		// 2025-07-01T00:30 in Amsterdam is still 30 June in UTC: July has begun here
		assertThat(new MonthResolver(jdbc, clock).resolve()).isEqualTo(YearMonth.of(2025, 6));
	}

	@Test
	void isTheLatestMonthWithReportsWhenTheDataEndEarlier() {
		report("R1", "2025-01-10");
		report("R2", "2025-03-30");

		assertThat(new MonthResolver(jdbc, clock).resolve()).isEqualTo(YearMonth.of(2025, 3));
	}

	@Test
	void isTheLastCompleteMonthOnAnEmptyDatabase() {
		assertThat(new MonthResolver(jdbc, clock).resolve()).isEqualTo(YearMonth.of(2025, 6));
	}

	private void report(String id, String day) {
		jdbc.update("""
				insert into report (report_id, complex_id, source_category, category, reported_at, reported_day)
				values (?, 'C1', 'x', 'pollution', ?::date, ?::date)
				""", id, day, day);
	}

}
