package nl.leefbaar.report.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.leefbaar.report.charts.Figures.RankItem;
import nl.leefbaar.report.charts.Figures.Ranking;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

/**
 * The ranking on a slide names every row it draws (the axis leaves out names that would
 * overlap), and says so when it leaves rows out.
 */
class RankingSlideTests {

	@Test
	void twelveNeighbourhoodsAreAllNamed() {
		String svg = slide(12);

		for (int i = 0; i < 12; i++) {
			assertThat(svg).as(name(i)).contains(">" + name(i) + "<");
		}
	}

	@Test
	void ofTwentyTheHighestAndLowestFiveAreNamedAndTheRestCounted() {
		String svg = slide(20);

		for (int i : new int[] { 0, 1, 2, 3, 4, 15, 16, 17, 18, 19 }) {
			assertThat(svg).as(name(i)).contains(">" + name(i) + "<");
		}
		assertThat(svg).doesNotContain(">" + name(5) + "<");
		assertThat(svg).contains("5 hoogste en 5 laagste van 20 getoond");
	}

	/**
	 * The ranking of n units drawn at the size of a slide's picture under two lines of
	 * title.
	 */
	private static String slide(int n) {
		List<RankItem> items = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			items.add(new RankItem("BU" + i, name(i), 200 - i * 5, null, null, "in range", 90.0, 170.0));
		}
		Ranking ranking = new Ranking("neighbourhood", items, 132.1);
		RankingChart.Datasets data = RankingChart.dataset(ranking, RankingChart.slideUnits(n));
		JFreeChart chart = RankingChart.chart(data, ranking, new Labels(Locale.forLanguageTag("nl")), "titel",
				"ondertitel", "bron", ChartStyle.Medium.SLIDE);
		return new String(ChartImages.svg(chart, 960, 452), StandardCharsets.UTF_8);
	}

	private static String name(int i) {
		return "Buurt nummer " + (char) ('A' + i);
	}

}
