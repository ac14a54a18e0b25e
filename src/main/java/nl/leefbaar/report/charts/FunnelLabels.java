package nl.leefbaar.report.charts;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import nl.leefbaar.report.charts.Figures.FunnelPoint;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.TextAnchor;

/**
 * The names of the funnel's most extreme complexes, placed so that they do not overlap.
 */
final class FunnelLabels {

	private FunnelLabels() {
	}

	/**
	 * Names next to the labelled complexes. The plot area is not known before drawing, so
	 * the placement works on an estimate of it (logical pixels): each label takes the
	 * first of a ring of candidate positions whose text box stays inside the plot and
	 * clear of earlier labels and of the labelled points.
	 */
	static void add(XYPlot plot, List<FunnelPoint> labelled, double xMax, double yMax) {
		double width = PLOT_WIDTH;
		double height = PLOT_HEIGHT;
		List<Rectangle2D> taken = new ArrayList<>();
		for (FunnelPoint p : labelled) {
			double px = p.dwellings() / xMax * width;
			double py = height - p.rate() / yMax * height;
			taken.add(new Rectangle2D.Double(px - 5, py - 5, 10, 10));
		}
		for (FunnelPoint p : labelled) {
			String text = shortName(p);
			double textWidth = text.length() * 10.8;
			double textHeight = 22;
			double px = p.dwellings() / xMax * width;
			double py = height - p.rate() / yMax * height;
			Placement chosen = null;
			search: for (double radius : new double[] { 20, 34, 50, 70, 95 }) {
				for (double angle : ANGLES) {
					Placement candidate = Placement.at(px, py, angle, radius, textWidth, textHeight);
					Rectangle2D box = candidate.box();
					if (box.getMinX() < 0 || box.getMaxX() > width || box.getMinY() < 0 || box.getMaxY() > height) {
						continue;
					}
					if (taken.stream().anyMatch(box::intersects)) {
						continue;
					}
					chosen = candidate;
					break search;
				}
			}
			if (chosen == null) {
				chosen = Placement.at(px, py, px > width / 2 ? -3 * Math.PI / 4 : -Math.PI / 4, 18, textWidth,
						textHeight);
			}
			taken.add(chosen.box());
			XYPointerAnnotation note = new XYPointerAnnotation(text, p.dwellings(), p.rate(), chosen.angle());
			note.setFont(ChartStyle.regular(ChartStyle.MIN_FONT));
			note.setPaint(ChartStyle.BLACK);
			note.setArrowPaint(ChartStyle.TEXT_GREY);
			note.setBaseRadius(chosen.radius());
			note.setTipRadius(5);
			note.setArrowWidth(2.5);
			note.setArrowLength(5);
			note.setLabelOffset(2);
			note.setTextAnchor(chosen.anchor());
			plot.addAnnotation(note);
		}
	}

	/**
	 * Estimated plot area of a 960 x 540 chart in logical pixels (axes, titles, legend
	 * taken off).
	 */
	private static final double PLOT_WIDTH = 830;

	private static final double PLOT_HEIGHT = 280;

	/**
	 * Up-right first, then the other diagonals, then straight left/right. Java2D angles:
	 * y points down.
	 */
	private static final double[] ANGLES = { -Math.PI / 4, -3 * Math.PI / 4, Math.PI / 4, 3 * Math.PI / 4, 0, Math.PI,
			-Math.PI / 2, Math.PI / 2 };

	private record Placement(double angle, double radius, TextAnchor anchor, Rectangle2D box) {
		static Placement at(double px, double py, double angle, double radius, double w, double h) {
			double bx = px + Math.cos(angle) * radius;
			double by = py + Math.sin(angle) * radius;
			double cos = Math.cos(angle);
			double sin = Math.sin(angle);
			boolean right = cos > 0.3;
			boolean left = cos < -0.3;
			boolean up = sin < -0.3;
			boolean down = sin > 0.3;
			TextAnchor anchor;
			double x0;
			double y0;
			if (right) {
				x0 = bx;
				anchor = up ? TextAnchor.BOTTOM_LEFT : down ? TextAnchor.TOP_LEFT : TextAnchor.HALF_ASCENT_LEFT;
			}
			else if (left) {
				x0 = bx - w;
				anchor = up ? TextAnchor.BOTTOM_RIGHT : down ? TextAnchor.TOP_RIGHT : TextAnchor.HALF_ASCENT_RIGHT;
			}
			else {
				x0 = bx - w / 2;
				anchor = up ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER;
			}
			y0 = up ? by - h : down ? by : by - h / 2;
			return new Placement(angle, radius, anchor, new Rectangle2D.Double(x0, y0, w, h));
		}
	}

	static String shortName(FunnelPoint p) {
		String name = p.name() == null || p.name().isBlank() ? p.complexId() : p.name();
		return name;
	}

}
