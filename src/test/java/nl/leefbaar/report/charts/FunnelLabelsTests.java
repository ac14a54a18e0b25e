package nl.leefbaar.report.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import nl.leefbaar.report.charts.FunnelLabels.Label;
import nl.leefbaar.report.charts.FunnelLabels.Placed;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/**
 * The funnel's names, placed at drawing time: inside the plot, never on top of each
 * other, and joined to their complex by a leader line when they had to move away.
 */
class FunnelLabelsTests {

	@Test
	void crowdedNamesStayInsideThePlotApartFromEachOtherWithLeadersWhenMoved() {
		// eight flagged complexes in one corner, a limit line through it
		XYSeries dots = new XYSeries("dots");
		List<Label> names = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			double x = 900 + i * 6;
			double y = 40 - i * 0.4;
			dots.add(x, y);
			names.add(new Label("Galerijflat Pretorialaan " + i, x, y));
		}
		XYSeries line = new XYSeries("limit");
		line.add(0, 60);
		line.add(1000, 37);
		XYSeriesCollection points = new XYSeriesCollection(dots);
		XYSeriesCollection limits = new XYSeriesCollection(line);
		XYPlot plot = new XYPlot(points, new NumberAxis(), new NumberAxis(), new XYLineAndShapeRenderer(false, true));
		plot.getDomainAxis().setRange(0, 1000);
		plot.getRangeAxis().setRange(0, 60);
		FunnelLabels labels = new FunnelLabels(names, List.of(new Label("95 %-grens", 1000, 37)), points, limits);
		plot.addAnnotation(labels, false);

		BufferedImage image = new BufferedImage(960, 540, BufferedImage.TYPE_INT_RGB);
		Graphics2D g2 = image.createGraphics();
		ChartRenderingInfo info = new ChartRenderingInfo();
		new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false).draw(g2,
				new Rectangle2D.Double(0, 0, 960, 540), info);
		g2.dispose();

		Rectangle2D area = info.getPlotInfo().getDataArea();
		List<Placed> placed = labels.placed();
		assertThat(placed).hasSize(9);
		for (int i = 0; i < placed.size(); i++) {
			Rectangle2D box = placed.get(i).box();
			assertThat(area.contains(box)).as(placed.get(i).text() + " inside the plot").isTrue();
			for (int j = i + 1; j < placed.size(); j++) {
				assertThat(box.intersects(placed.get(j).box()))
					.as(placed.get(i).text() + " apart from " + placed.get(j).text())
					.isFalse();
			}
		}
		for (Placed spot : placed.subList(0, 8)) {
			boolean far = !spot.box().contains(spot.point()) && distance(spot.box(), spot) > 30;
			if (far) {
				assertThat(FunnelLabels.leader(spot)).as(spot.text() + " leads to its complex").isNotNull();
			}
		}
	}

	@Test
	void aLeaderLineNeverRunsThroughAnotherComplexsMark() {
		// the sample's two elevated complexes side by side under the 99.8 % line, with
		// long names
		XYSeries dots = new XYSeries("dots");
		dots.add(207, 360);
		dots.add(243, 365);
		dots.add(144, 320);
		List<Label> names = List.of(new Label("Seniorencomplex Schietbaanstraat 4-72", 207, 360),
				new Label("Galerijflat Slinge 2-82", 243, 365), new Label("Portiekflat Millinxstraat 42-90", 144, 320));
		XYSeries high = new XYSeries("99.8");
		high.add(30, 440);
		high.add(306, 423);
		XYSeries limit = new XYSeries("95");
		limit.add(30, 306);
		limit.add(306, 298);
		XYSeriesCollection points = new XYSeriesCollection(dots);
		XYSeriesCollection limits = new XYSeriesCollection(high);
		limits.addSeries(limit);
		XYPlot plot = new XYPlot(points, new NumberAxis(), new NumberAxis(), new XYLineAndShapeRenderer(false, true));
		plot.getDomainAxis().setRange(0, 310);
		plot.getRangeAxis().setRange(-20, 650);
		FunnelLabels labels = new FunnelLabels(names, List.of(), points, limits);
		plot.addAnnotation(labels, false);

		BufferedImage image = new BufferedImage(960, 450, BufferedImage.TYPE_INT_RGB);
		Graphics2D g2 = image.createGraphics();
		new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false).draw(g2,
				new Rectangle2D.Double(0, 0, 960, 450));
		g2.dispose();

		List<Placed> placed = labels.placed();
		for (Placed spot : placed) {
			Line2D leader = FunnelLabels.leader(spot);
			if (leader == null) {
				continue;
			}
			for (Placed other : placed) {
				if (other != spot) {
					Rectangle2D mark = new Rectangle2D.Double(other.point().getX() - 7, other.point().getY() - 7, 14,
							14);
					assertThat(leader.intersects(mark)).as(spot.text() + " through " + other.text()).isFalse();
				}
			}
		}
	}

	private static double distance(Rectangle2D box, Placed spot) {
		double dx = Math.max(0, Math.max(box.getMinX() - spot.point().getX(), spot.point().getX() - box.getMaxX()));
		double dy = Math.max(0, Math.max(box.getMinY() - spot.point().getY(), spot.point().getY() - box.getMaxY()));
		return Math.hypot(dx, dy);
	}

}
