package nl.leefbaar.report.charts;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * Not a check but a way to look: with -Dcharts.look=true writes the charts and the deck
 * for the fixture into target/look/{nl,en,scope} so a person can open them (and render
 * the deck with scripts/render-pptx.sh).
 */
@SpringBootTest
@EnabledIfSystemProperty(named = "charts.look", matches = "true")
class ChartsLookTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	LeefbaarProperties properties;

	@Autowired
	List<ReportWriter> writers;

	@Autowired
	ChartRenderer renderer;

	@Test
	void writesChartsAndDeckToLookAt() throws Exception {
		TestDatabase.clearDomainTables(jdbc);
		ChartFixture.insert(jdbc, ChartsReportWriterTests.MONTH, 60, 8);
		Files.createDirectories(Path.of("target/look"));
		Files.write(Path.of("target/look/funnel-1200x800.png"), renderer.funnelPlotPng(ChartsReportWriterTests.MONTH,
				Locale.forLanguageTag("nl"), ReportScope.CITY, 1200, 800));
		for (ReportWriter writer : writers) {
			writer.write(new ReportRequest(ChartsReportWriterTests.MONTH, Path.of("target/look/nl"),
					Locale.forLanguageTag("nl"), ReportScope.CITY, properties));
			writer.write(new ReportRequest(ChartsReportWriterTests.MONTH, Path.of("target/look/en"), Locale.ENGLISH,
					ReportScope.CITY, properties));
			writer.write(new ReportRequest(ChartsReportWriterTests.MONTH, Path.of("target/look/scope"),
					Locale.forLanguageTag("nl"), new ReportScope("BU0002", List.of()), properties));
		}
	}

}
