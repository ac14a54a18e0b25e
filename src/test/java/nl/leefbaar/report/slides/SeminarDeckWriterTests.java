package nl.leefbaar.report.slides;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import nl.leefbaar.report.ReportWriter.ReportRequest;
import nl.leefbaar.report.ReportWriter.ReportScope;
import nl.leefbaar.report.charts.ChartFixture;
import nl.leefbaar.report.charts.ChartImages;
import nl.leefbaar.report.charts.ChartRenderer;
import nl.leefbaar.report.charts.ChartRenderer.ChartSet;
import nl.leefbaar.report.charts.ChartRenderer.NamedChart;
import nl.leefbaar.report.charts.ChartStyle.Medium;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.leefbaar.support.TestDatabase;
import nl.leefbaar.system.LeefbaarProperties;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class SeminarDeckWriterTests {

	static final YearMonth MONTH = YearMonth.of(2026, 10);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	LeefbaarProperties properties;

	@Autowired
	SeminarDeckWriter writer;

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
	void deckHasATitleSlideAndOneChartSlideWithTakeawayAndNotesPerChart() throws Exception {
		List<Path> written = writer
			.write(new ReportRequest(MONTH, out, Locale.forLanguageTag("nl"), ReportScope.CITY, properties));

		Path deck = out.resolve("seminar-2026-10.pptx");
		assertThat(written).containsExactly(deck);
		try (InputStream in = Files.newInputStream(deck); XMLSlideShow ppt = new XMLSlideShow(in)) {
			List<XSLFSlide> slides = ppt.getSlides();
			assertThat(slides).hasSize(7);
			assertThat(texts(slides.get(0))).contains("Leefbaar").contains("oktober 2026").contains("Hele stad");
			for (XSLFSlide slide : slides.subList(1, slides.size())) {
				assertThat(slide.getShapes()).filteredOn(s -> s instanceof XSLFPictureShape).hasSize(1);
				assertThat(texts(slide)).isNotBlank().doesNotContain("Geen gegevens");
				assertThat(notes(slide)).contains("Definitie");
			}
			assertThat(notes(slides.get(3))).contains("overdispersie").contains("phi = 3,20");
			assertThat(notes(slides.get(5))).contains("vergelijkingsgroep");
		}
	}

	@Test
	void takeawaysAreComputedFromTheFigures() throws Exception {
		writer.write(new ReportRequest(MONTH, out, Locale.forLanguageTag("nl"), ReportScope.CITY, properties));

		double now = jdbc.queryForObject("""
				select value from indicator_value where period = '2026-10-01' and level = 'city'
				  and category = 'all' and indicator = 'report_rate_12m'""", Double.class);
		double lastYear = jdbc.queryForObject("""
				select value from indicator_value where period = '2025-10-01' and level = 'city'
				  and category = 'all' and indicator = 'report_rate_12m'""", Double.class);
		String change = String.format(Locale.ROOT, "%+.0f", (now / lastYear - 1) * 100).replace("+0", "0");
		try (XMLSlideShow ppt = new XMLSlideShow(Files.newInputStream(out.resolve("seminar-2026-10.pptx")))) {
			String rate = texts(ppt.getSlides().get(1));
			assertThat(rate)
				.startsWith("Meldingen per 100 woningen: " + String.format(Locale.forLanguageTag("nl"), "%.1f", now)
						+ " in oktober 2026")
				.contains(change.replace("-0", "0") + " % t.o.v. vorig jaar");
			// The pooled clean-up row has the most reports in its windows: 240 before,
			// 163 after.
			// the pooled clean-up row: effect against the comparison group 0.7546
			assertThat(texts(ppt.getSlides().get(5)))
				.isEqualTo("Na schoonmaakacties 25 % minder meldingen vervuiling dan in de vergelijkingsgroep");
		}
	}

	@Test
	void eachChartFillsTheSlidesWidthUnderOneTitle() throws Exception {
		writer.write(new ReportRequest(MONTH, out, Locale.forLanguageTag("nl"), ReportScope.CITY, properties));

		try (XMLSlideShow ppt = new XMLSlideShow(Files.newInputStream(out.resolve("seminar-2026-10.pptx")))) {
			double width = ppt.getPageSize().getWidth();
			for (XSLFSlide slide : ppt.getSlides().subList(1, ppt.getSlides().size())) {
				List<XSLFPictureShape> pictures = slide.getShapes()
					.stream()
					.filter(XSLFPictureShape.class::isInstance)
					.map(XSLFPictureShape.class::cast)
					.toList();
				assertThat(pictures).hasSize(1);
				Rectangle2D anchor = pictures.get(0).getAnchor();
				assertThat(anchor.getX()).isEqualTo(0.0);
				assertThat(anchor.getWidth()).isEqualTo(width);
				assertThat(anchor.getMaxY()).isEqualTo(ppt.getPageSize().getHeight());
				// one title: a single text box, above the picture
				List<XSLFTextShape> texts = slide.getShapes()
					.stream()
					.filter(XSLFTextShape.class::isInstance)
					.map(XSLFTextShape.class::cast)
					.toList();
				assertThat(texts).hasSize(1);
				assertThat(texts.get(0).getAnchor().getMaxY()).isLessThanOrEqualTo(anchor.getY());
			}
		}
	}

	@Test
	void eachTitlesNumbersAppearInItsChartAndNoTextIsUnder18Points() throws Exception {
		writer.write(new ReportRequest(MONTH, out, Locale.forLanguageTag("nl"), ReportScope.CITY, properties));
		ChartSet set = renderer.build(MONTH, Locale.forLanguageTag("nl"), ReportScope.CITY, Medium.SLIDE, null,
				properties.indicators());
		List<NamedChart> shown = SeminarDeckWriter.SLIDES.stream().map(set::chart).filter(c -> c != null).toList();

		try (XMLSlideShow ppt = new XMLSlideShow(Files.newInputStream(out.resolve("seminar-2026-10.pptx")))) {
			assertThat(ppt.getSlides()).hasSize(1 + shown.size());
			for (int i = 0; i < shown.size(); i++) {
				String title = texts(ppt.getSlides().get(i + 1));
				String svg = new String(ChartImages.svg(shown.get(i).chart(),
						(int) SeminarDeckWriter.PICTURE.getWidth(), (int) SeminarDeckWriter.PICTURE.getHeight()),
						StandardCharsets.UTF_8);
				String drawn = svgText(svg);
				Matcher number = Pattern.compile("\\d+(?:[.,]\\d+)?").matcher(title);
				while (number.find()) {
					assertThat(drawn).as(shown.get(i).name() + ": " + title).contains(number.group());
				}
				Matcher size = Pattern.compile("font-size: ?([0-9.]+)px").matcher(svg);
				while (size.find()) {
					assertThat(Double.parseDouble(size.group(1))).as(shown.get(i).name()).isGreaterThanOrEqualTo(18);
				}
			}
		}
	}

	static String svgText(String svg) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
		return factory.newDocumentBuilder()
			.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)))
			.getDocumentElement()
			.getTextContent();
	}

	@Test
	void englishDeckWithEnglishLocale() throws Exception {
		writer.write(new ReportRequest(MONTH, out, Locale.ENGLISH, ReportScope.CITY, properties));

		try (XMLSlideShow ppt = new XMLSlideShow(Files.newInputStream(out.resolve("seminar-2026-10.pptx")))) {
			assertThat(texts(ppt.getSlides().get(0))).contains("Liveability in October 2026").contains("Whole city");
			assertThat(texts(ppt.getSlides().get(5)))
				.isEqualTo("After clean-ups, 25% fewer pollution reports than in the comparison group");
			assertThat(notes(ppt.getSlides().get(2))).startsWith("Definition");
		}
	}

	@Test
	void titleSlideNamesTheNeighbourhoodScope() throws Exception {
		writer.write(new ReportRequest(MONTH, out, Locale.forLanguageTag("nl"), new ReportScope("BU0002", List.of()),
				properties));

		try (XMLSlideShow ppt = new XMLSlideShow(Files.newInputStream(out.resolve("seminar-2026-10.pptx")))) {
			assertThat(texts(ppt.getSlides().get(0))).contains("Gebied: Buurt Wijk 2");
		}
	}

	@Test
	void aMonthWithoutFiguresSaysSoInsteadOfInventingATakeaway() throws Exception {
		TestDatabase.clearDomainTables(jdbc);

		writer.write(new ReportRequest(YearMonth.of(2020, 1), out, Locale.forLanguageTag("nl"), ReportScope.CITY,
				properties));

		try (XMLSlideShow ppt = new XMLSlideShow(Files.newInputStream(out.resolve("seminar-2020-01.pptx")))) {
			assertThat(ppt.getSlides()).hasSize(7);
			assertThat(texts(ppt.getSlides().get(1))).isEqualTo("Geen gegevens voor deze maand");
		}
	}

	static String texts(XSLFSlide slide) {
		StringBuilder text = new StringBuilder();
		for (XSLFShape shape : slide.getShapes()) {
			if (shape instanceof XSLFTextShape t) {
				text.append(text.isEmpty() ? "" : "\n").append(t.getText());
			}
		}
		return text.toString();
	}

	static String notes(XSLFSlide slide) {
		XSLFNotes notes = slide.getNotes();
		StringBuilder text = new StringBuilder();
		for (XSLFShape shape : notes.getShapes()) {
			if (shape instanceof XSLFTextShape t && !t.getText().isBlank()) {
				text.append(t.getText()).append('\n');
			}
		}
		return text.toString();
	}

}
