package nl.leefbaar.report.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.leefbaar.report.ReportWriter;
import nl.leefbaar.report.ReportWriter.ReportRequest;
import nl.leefbaar.report.ReportWriter.ReportScope;
import nl.leefbaar.support.TestDatabase;
import nl.leefbaar.system.LeefbaarProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where the boundaries come from: a missing file, an invalid file, a feature for an
 * unknown code and a neighbourhood without a feature each say so once in the log, and the
 * charts and the deck are written all the same.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class MapBoundaryFileTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	LeefbaarProperties properties;

	@Autowired
	List<ReportWriter> writers;

	@TempDir
	Path input;

	@TempDir
	Path out;

	@BeforeEach
	void givenThreeNeighbourhoods() {
		TestDatabase.clearDomainTables(jdbc);
		ChartFixture.insert(jdbc, ChartsReportWriterTests.MONTH, 30, 3);
	}

	private List<Path> writeChartsAndDeck() throws Exception {
		List<Path> written = new ArrayList<>();
		for (ReportWriter writer : writers) {
			if (writer.drawsScopes()) {
				written.addAll(writer.write(new ReportRequest(ChartsReportWriterTests.MONTH, out,
						Locale.forLanguageTag("nl"), ReportScope.CITY, input, properties)));
			}
		}
		return written;
	}

	private static int count(String text, String part) {
		Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
		int n = 0;
		while (m.find()) {
			n++;
		}
		return n;
	}

	@Test
	void aMissingFileIsSaidOnceAndTheMapsAreLeftOut(CapturedOutput output) throws Exception {
		List<Path> written = writeChartsAndDeck();

		assertThat(count(output.getOut(), "neighbourhoods.geojson not found in")).isEqualTo(1);
		assertThat(written).contains(out.resolve("charts/ranking.png"), out.resolve("seminar-2026-10.pptx"));
		assertThat(written).noneMatch(p -> p.getFileName().toString().startsWith("map-"));
	}

	@Test
	void anInvalidFileIsNamedOnceAndTheMapsAreLeftOut(CapturedOutput output) throws Exception {
		Files.writeString(input.resolve("neighbourhoods.geojson"), "{\"type\": \"FeatureCollection\", \"features\": [");

		List<Path> written = writeChartsAndDeck();

		assertThat(count(output.getOut(), "neighbourhoods.geojson in " + input + " is invalid")).isEqualTo(1);
		assertThat(written).contains(out.resolve("charts/funnel.svg"), out.resolve("seminar-2026-10.pptx"));
		assertThat(written).noneMatch(p -> p.getFileName().toString().startsWith("map-"));
	}

	@Test
	void anUnknownCodeIsListedOnceAndTheMissingNeighbourhoodIsShownAsWithoutBoundary(CapturedOutput output)
			throws Exception {
		// BU0001 and BU0002 of the fixture's three, and a code that is no neighbourhood
		// here
		String geojson = Files.readString(Path.of("src/test/resources/maps/three-areas.geojson"))
			.replace("BU0003", "BU9999");
		Files.writeString(input.resolve("neighbourhoods.geojson"), geojson);

		List<Path> written = writeChartsAndDeck();

		assertThat(count(output.getOut(), "for codes that are no neighbourhood here, ignored: BU9999")).isEqualTo(1);
		assertThat(count(output.getOut(), "shown as \"geen grens\": Wijk 3 (BU0003)")).isEqualTo(1);
		assertThat(written).contains(out.resolve("charts/map-report-rate.png"), out.resolve("charts/map-index.svg"));
		String svg = Files.readString(out.resolve("charts/map-report-rate.svg"));
		assertThat(svg).contains("Geen grens in de kaartgegevens: Wijk 3").contains("Wijk 1").contains("Wijk 2");
	}

}
