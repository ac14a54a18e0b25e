package nl.leefbaar.report.charts;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import nl.leefbaar.report.ReportWriter;
import nl.leefbaar.report.ReportWriter.ReportRequest;
import nl.leefbaar.report.ReportWriter.ReportScope;
import nl.leefbaar.support.TestDatabase;
import nl.leefbaar.system.LeefbaarProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A measurement, not a check (so not timed as a test): 5,000 complexes in 120
 * neighbourhoods, 24 months of indicator rows (about 8.6 million with filler indicators),
 * then all charts and the deck for one month. Run with
 * {@code ./mvnw -o test -Dtest=ChartsBenchmark -Dcharts.bench=true}.
 */
@SpringBootTest
@EnabledIfSystemProperty(named = "charts.bench", matches = "true")
class ChartsBenchmark {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	LeefbaarProperties properties;

	@Autowired
	List<ReportWriter> writers;

	@Test
	void measureChartsAndDeckForOneMonthOnLargeData() throws Exception {
		YearMonth month = YearMonth.of(2026, 10);
		long t0 = System.nanoTime();
		// The fixture takes minutes; a database still holding it from the last
		// measurement is reused.
		boolean present = jdbc.queryForObject("select count(*) from complex", Long.class) == 5000
				&& jdbc.queryForObject("select count(*) from unit_figure", Long.class) > 1_000_000;
		if (!present || Boolean.getBoolean("charts.bench.refill")) {
			TestDatabase.clearDomainTables(jdbc);
			ChartFixture.insert(jdbc, month, 5000, 120);
			jdbc.execute("analyze unit_figure");
		}
		long rows = jdbc.queryForObject("select count(*) from unit_figure", Long.class);
		System.out.printf("BENCH fixture: %d unit rows in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
		for (int run = 1; run <= 2; run++) {
			for (ReportScope scope : List.of(ReportScope.CITY, new ReportScope("BU0007", List.of()))) {
				long total = 0;
				for (ReportWriter writer : writers) {
					long start = System.nanoTime();
					writer.write(new ReportRequest(month, Path.of("target/bench"), Locale.forLanguageTag("nl"), scope,
							properties));
					long took = System.nanoTime() - start;
					total += took;
					System.out.printf("BENCH run %d %s %s: %.2f s%n", run, scope.isCity() ? "city" : "neighbourhood",
							writer.getClass().getSimpleName(), took / 1e9);
				}
				System.out.printf("BENCH run %d %s all charts + deck: %.2f s%n", run,
						scope.isCity() ? "city" : "neighbourhood", total / 1e9);
			}
		}
	}

}
