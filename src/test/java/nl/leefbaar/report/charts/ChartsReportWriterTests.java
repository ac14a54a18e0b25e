package nl.leefbaar.report.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import nl.leefbaar.report.ReportWriter.ReportRequest;
import nl.leefbaar.report.ReportWriter.ReportScope;
import nl.leefbaar.support.TestDatabase;
import nl.leefbaar.system.LeefbaarProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;

@SpringBootTest
class ChartsReportWriterTests {

	static final YearMonth MONTH = YearMonth.of(2026, 10);
	static final List<String> CHARTS = List.of("rate-trend", "repeat-trend", "funnel", "ranking", "activity-effect",
			"concentration");

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	LeefbaarProperties properties;

	@Autowired
	ChartsReportWriter writer;

	@Autowired
	ChartRenderer renderer;

	@TempDir
	Path out;

	@BeforeEach
	void givenAMonthOfIndicators() {
		TestDatabase.clearDomainTables(jdbc);
		ChartFixture.insert(jdbc, MONTH, 40, 3);
	}

	@Test
	void writesEveryChartAsPngOf1920By1080AndAsSvg() throws Exception {
		List<Path> written = writer
			.write(new ReportRequest(MONTH, out, Locale.forLanguageTag("nl"), ReportScope.CITY, properties));

		assertThat(written).hasSize(2 * CHARTS.size());
		for (String chart : CHARTS) {
			Path png = out.resolve("charts").resolve(chart + ".png");
			assertThat(written).contains(png);
			BufferedImage image = ImageIO.read(png.toFile());
			assertThat(image.getWidth()).isEqualTo(1920);
			assertThat(image.getHeight()).isEqualTo(1080);
			assertThat(out.resolve("charts").resolve(chart + ".svg")).exists();
		}
		try (var files = Files.list(out.resolve("charts"))) {
			assertThat(files.filter(f -> f.getFileName().toString().endsWith(".tmp"))).isEmpty();
		}
	}

	@Test
	void svgIsWellFormedXmlWithTitlePeriodAndDutchSourceLine() throws Exception {
		writer.write(new ReportRequest(MONTH, out, Locale.forLanguageTag("nl"), ReportScope.CITY, properties));

		String svg = Files.readString(out.resolve("charts/rate-trend.svg"), StandardCharsets.UTF_8);
		Document document = parse(svg);
		assertThat(document.getDocumentElement().getNodeName()).isEqualTo("svg");
		String text = document.getDocumentElement().getTextContent();
		assertThat(text).contains("Meldingen per 100 woningen: ")
			.contains("Bron: meldingen en activiteiten, t/m oktober 2026")
			.contains("november 2024 t/m oktober 2026")
			.contains("Vervuiling");
	}

	@Test
	void englishLocaleGivesEnglishLabels() throws Exception {
		writer.write(new ReportRequest(MONTH, out, Locale.ENGLISH, ReportScope.CITY, properties));

		String text = parse(Files.readString(out.resolve("charts/funnel.svg"))).getDocumentElement().getTextContent();
		assertThat(text).contains("Of 40 complexes: ")
			.contains("Source: reports and activities, up to October 2026")
			.contains("Number of dwellings")
			.doesNotContain("Bron");
	}

	@Test
	void funnelPlotPngForTheWorkbookHasTheRequestedSize() throws Exception {
		byte[] png = renderer.funnelPlotPng(MONTH, Locale.forLanguageTag("nl"), ReportScope.CITY, 1600, 900);

		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		assertThat(image.getWidth()).isEqualTo(1600);
		assertThat(image.getHeight()).isEqualTo(900);
	}

	@Test
	void rewritingAMonthReplacesTheFiles() throws Exception {
		writer.write(new ReportRequest(MONTH, out, Locale.forLanguageTag("nl"), ReportScope.CITY, properties));
		writer.write(new ReportRequest(MONTH, out, Locale.ENGLISH, ReportScope.CITY, properties));

		assertThat(Files.readString(out.resolve("charts/ranking.svg")))
			.contains("Reports per 100 dwellings (12 months)");
	}

	@Test
	void aMonthWithoutFiguresStillGetsEveryChartSayingThereIsNoData() throws Exception {
		TestDatabase.clearDomainTables(jdbc);

		List<Path> written = writer.write(new ReportRequest(YearMonth.of(2020, 1), out, null, null, properties));

		assertThat(written).hasSize(2 * CHARTS.size());
		String text = parse(Files.readString(out.resolve("charts/funnel.svg"))).getDocumentElement().getTextContent();
		assertThat(text).contains("Geen gegevens voor deze periode")
			.contains("Bron: meldingen en activiteiten, t/m januari 2020");
	}

	static Document parse(String svg) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		// JFreeSVG writes a DOCTYPE; parse it without fetching the DTD or expanding
		// entities.
		factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
		factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
		factory.setExpandEntityReferences(false);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
	}

}
