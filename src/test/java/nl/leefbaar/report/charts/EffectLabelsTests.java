package nl.leefbaar.report.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

import nl.leefbaar.report.charts.Figures.Effect;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

/**
 * The words of the net effects stay whole inside the plot and beside their row's marks,
 * also for wide intervals that reach past 1 (the sample's "Begeleiding": 3 % fewer, 23 %
 * fewer to 20 % more).
 */
class EffectLabelsTests {

	@Test
	void wordsStayWholeInsideThePlotAndBesideTheirRowsMarks() {
		List<Effect> effects = List.of(
				new Effect("mediation", "neighbour_nuisance", 30, 18, 1.02, 0.83, 1.26, 0.11, 120, 100, 1.05, 0.97,
						0.77, 1.20),
				new Effect("cleanup", "pollution", 240, 163, 0.78, 0.70, 0.87, 0.0001, 900, 810, 1.07, 0.73, 0.65,
						0.81),
				new Effect("greening", "public_space", 60, 55, 0.80, 0.63, 1.03, 0.71, 300, 290, 1.25, 0.65, 0.50,
						0.84),
				new Effect("home_visit", "other", 40, 30, 0.87, 0.62, 1.23, 0.2, 100, 90, 1.09, 0.80, 0.56, 1.14));
		EffectChart.Datasets data = EffectChart.dataset(effects);
		Labels labels = new Labels(Locale.forLanguageTag("nl"));
		JFreeChart chart = EffectChart.chart(data, labels, "titel", "ondertitel", "bron", ChartStyle.Medium.SLIDE);

		BufferedImage image = new BufferedImage(960, 450, BufferedImage.TYPE_INT_RGB);
		Graphics2D g2 = image.createGraphics();
		ChartRenderingInfo info = new ChartRenderingInfo();
		chart.draw(g2, new Rectangle2D.Double(0, 0, 960, 450), info);
		g2.dispose();

		Rectangle2D area = info.getPlotInfo().getDataArea();
		EffectLabels words = (EffectLabels) ((XYPlot) chart.getPlot()).getAnnotations()
			.stream()
			.filter(EffectLabels.class::isInstance)
			.findFirst()
			.orElseThrow();
		assertThat(words.placed()).hasSize(4);
		for (EffectLabels.Placed p : words.placed()) {
			assertThat(area.getMinX() <= p.box().getMinX() && p.box().getMaxX() <= area.getMaxX())
				.as(p.text() + " whole inside the plot " + p.box() + " in " + area)
				.isTrue();
			assertThat(p.box().getMaxX() <= p.marks().getMinX() || p.box().getMinX() >= p.marks().getMaxX())
				.as(p.text() + " beside its marks")
				.isTrue();
		}
		// the wide interval reaching past 1 leaves no room for the whole words: the
		// effect alone; the clean-up's words are whole
		assertThat(words.placed().get(0).text()).isEqualTo("3 % minder");
		assertThat(words.placed().get(1).text()).isEqualTo("27 % minder (19 tot 35 % minder)");
	}

}
