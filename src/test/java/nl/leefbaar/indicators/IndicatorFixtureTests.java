package nl.leefbaar.indicators;

import java.time.YearMonth;

import nl.leefbaar.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every hand-computed indicator fixture starts from: empty domain tables, a
 * {@link Fixture} to fill them and the service that computes the month. A subclass's own
 * {@code @BeforeEach} runs after this one and states its data.
 */
@SpringBootTest
abstract class IndicatorFixtureTests {

	static final YearMonth MARCH = YearMonth.of(2025, 3);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IndicatorService service;

	Fixture data;

	@BeforeEach
	void emptyDomainTables() {
		TestDatabase.clearDomainTables(jdbc);
		data = new Fixture(jdbc);
	}

}
