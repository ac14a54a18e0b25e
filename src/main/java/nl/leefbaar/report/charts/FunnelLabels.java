package nl.leefbaar.report.charts;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import nl.leefbaar.report.charts.Figures.FunnelPoint;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;

/**
 * The words on the funnel plot, placed when the plot is drawn, in its real pixels: the
 * names of the flagged complexes (most extreme first) and the names of the limit lines at
 * their right-hand end. Each text takes the nearest spot around its point that stays
 * inside the plot and clear of every complex's mark, every limit line and every earlier
 * text; a name that had to move away gets a leader line to its complex. No text is ever
 * cut: where no clear spot exists, the least crowded spot inside the plot is taken.
 */
final class FunnelLabels extends AbstractXYAnnotation {

	/** A text to place next to a point of the plot, in data units. */
	record Label(String text, double x, double y) {
	}

	/**
	 * Where a text went, in the drawing's units: its box, the point it names, whether the
	 * spot is clear of everything and whether a leader line joins the two.
	 */
	record Placed(String text, Rectangle2D box, Point2D point, boolean clear, boolean leads) {
	}

	/** Distances from the point to the text, in logical pixels, nearest first. */
	private static final double[] DISTANCES = { 6, 14, 24, 36, 50, 66, 84, 105, 130, 160 };

	/** Directions, up-right first (Java2D: y points down). */
	private static final int DIRECTIONS = 16;

	/** Half the size of a complex's mark, for the obstacles (logical pixels). */
	private static final double MARK = 7;

	private final List<Label> complexes;

	private final List<Label> lines;

	private final XYDataset points;

	private final XYDataset limits;

	private final transient List<Placed> placed = new ArrayList<>();

	FunnelLabels(List<Label> complexes, List<Label> lines, XYDataset points, XYDataset limits) {
		this.complexes = List.copyOf(complexes);
		this.lines = List.copyOf(lines);
		this.points = points;
		this.limits = limits;
	}

	/** The complexes to name: the first of each flagged point's name. */
	static List<Label> names(List<FunnelPoint> labelled) {
		return labelled.stream().map(p -> new Label(shortName(p), p.dwellings(), p.rate())).toList();
	}

	/** The texts placed by the last drawing, for tests. */
	List<Placed> placed() {
		return List.copyOf(placed);
	}

	@Override
	public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
			int rendererIndex, PlotRenderingInfo info) {
		placed.clear();
		RectangleEdge xEdge = plot.getDomainAxisEdge();
		RectangleEdge yEdge = plot.getRangeAxisEdge();
		BiFunction<Double, Double, Point2D> toPage = (x, y) -> new Point2D.Double(
				domainAxis.valueToJava2D(x, dataArea, xEdge), rangeAxis.valueToJava2D(y, dataArea, yEdge));
		List<Rectangle2D> marks = new ArrayList<>();
		for (int s = 0; s < points.getSeriesCount(); s++) {
			for (int i = 0; i < points.getItemCount(s); i++) {
				Point2D p = toPage.apply(points.getXValue(s, i), points.getYValue(s, i));
				marks.add(new Rectangle2D.Double(p.getX() - MARK, p.getY() - MARK, 2 * MARK, 2 * MARK));
			}
		}
		List<Line2D> segments = new ArrayList<>();
		for (int s = 0; s < limits.getSeriesCount(); s++) {
			Point2D previous = null;
			for (int i = 0; i < limits.getItemCount(s); i++) {
				Point2D p = toPage.apply(limits.getXValue(s, i), limits.getYValue(s, i));
				if (previous != null) {
					segments.add(new Line2D.Double(previous, p));
				}
				previous = p;
			}
		}
		Rectangle2D inside = new Rectangle2D.Double(dataArea.getX() + 2, dataArea.getY() + 2, dataArea.getWidth() - 4,
				dataArea.getHeight() - 4);
		Font font = ChartStyle.regular(ChartStyle.MIN_FONT);
		FontMetrics metrics = g2.getFontMetrics(font);
		// the complexes first: the lines' names can move along their line
		List<Rectangle2D> texts = new ArrayList<>();
		List<Line2D> leaders = new ArrayList<>();
		for (Label label : complexes) {
			Point2D point = toPage.apply(label.x(), label.y());
			Placed spot = placeNear(label.text(), point, metrics, inside, marks, segments, texts, leaders);
			texts.add(spot.box());
			Line2D leader = leader(spot);
			if (leader != null) {
				leaders.add(leader);
			}
			placed.add(spot);
		}
		for (Label label : lines) {
			Point2D point = toPage.apply(label.x(), label.y());
			Placed spot = placeOnLine(label.text(), point, metrics, inside, marks, segments, texts, leaders);
			if (spot != null) {
				texts.add(spot.box());
				placed.add(spot);
			}
		}
		for (Placed spot : placed) {
			draw(g2, spot, font, metrics);
		}
	}

	/**
	 * A line's name just above or below it, from its right-hand end leftwards: the first
	 * clear spot, failing that the least crowded one; none when the line is outside the
	 * plot.
	 */
	private static Placed placeOnLine(String text, Point2D end, FontMetrics metrics, Rectangle2D inside,
			List<Rectangle2D> marks, List<Line2D> segments, List<Rectangle2D> texts, List<Line2D> leaders) {
		double width = metrics.stringWidth(text) + 4;
		double height = metrics.getHeight();
		Rectangle2D best = null;
		int fewest = Integer.MAX_VALUE;
		for (double shift = 0; shift < inside.getWidth() * 0.6; shift += width / 3) {
			double x = Math.min(end.getX(), inside.getMaxX()) - width - shift;
			for (double dy : new double[] { -height - 2, 2 }) {
				double y = lineY(segments, x + width / 2, end.getY()) + dy;
				Rectangle2D box = new Rectangle2D.Double(x, y, width, height);
				if (!inside.contains(box)) {
					continue;
				}
				int collisions = collisions(box, marks, segments, texts) + crossings(box, leaders);
				if (collisions == 0) {
					return new Placed(text, box, new Point2D.Double(x + width / 2, y + height / 2), true, false);
				}
				if (collisions < fewest) {
					fewest = collisions;
					best = box;
				}
			}
		}
		return best == null ? null
				: new Placed(text, best, new Point2D.Double(best.getCenterX(), best.getCenterY()), false, false);
	}

	/** The height of the nearest limit line at a page x (its y at the end otherwise). */
	private static double lineY(List<Line2D> segments, double x, double near) {
		double best = near;
		double distance = Double.MAX_VALUE;
		for (Line2D s : segments) {
			double x1 = Math.min(s.getX1(), s.getX2());
			double x2 = Math.max(s.getX1(), s.getX2());
			if (x >= x1 && x <= x2 && x2 > x1) {
				double y = s.getY1() + (s.getY2() - s.getY1()) * (x - s.getX1()) / (s.getX2() - s.getX1());
				if (Math.abs(y - near) < distance) {
					distance = Math.abs(y - near);
					best = y;
				}
			}
		}
		return best;
	}

	/**
	 * The nearest clear spot around the point, inside the plot; failing one, the least
	 * crowded spot inside it.
	 */
	static Placed placeNear(String text, Point2D point, FontMetrics metrics, Rectangle2D inside,
			List<Rectangle2D> marks, List<Line2D> segments, List<Rectangle2D> texts, List<Line2D> leaders) {
		double width = metrics.stringWidth(text) + 4;
		double height = metrics.getHeight();
		Rectangle2D best = null;
		int fewest = Integer.MAX_VALUE;
		for (double distance : DISTANCES) {
			for (int d = 0; d < DIRECTIONS; d++) {
				double angle = -Math.PI / 4 - d * 2 * Math.PI / DIRECTIONS;
				Rectangle2D box = boxAt(point, angle, distance, width, height);
				if (!inside.contains(box)) {
					continue;
				}
				int collisions = collisions(box, marks, segments, texts) + crossings(box, leaders);
				Line2D leader = leader(new Placed(text, box, point, true, true));
				if (leader != null) {
					// the leader line, too, stays clear of the limit lines, the texts and
					// the other complexes' marks (a leader through a mark names the wrong
					// one)
					collisions += crossings(leader, segments, texts) + crossings(leader, marks, point);
				}
				if (collisions == 0) {
					return new Placed(text, box, point, true, true);
				}
				if (collisions < fewest) {
					fewest = collisions;
					best = box;
				}
			}
		}
		if (best == null) {
			// a text wider than the plot: at its left edge, at the point's height
			double y = Math.max(inside.getY(), Math.min(point.getY() - height / 2, inside.getMaxY() - height));
			best = new Rectangle2D.Double(inside.getX(), y, width, height);
		}
		return new Placed(text, best, point, false, true);
	}

	/**
	 * The text's box at a distance from the point in a direction: the box's corner or
	 * edge nearest the point lies on that spot, so the text grows away from the point.
	 */
	private static Rectangle2D boxAt(Point2D point, double angle, double distance, double width, double height) {
		double cos = Math.cos(angle);
		double sin = Math.sin(angle);
		double x = point.getX() + cos * (distance + MARK);
		double y = point.getY() + sin * (distance + MARK);
		double left = cos > 0.38 ? x : cos < -0.38 ? x - width : x - width / 2;
		double top = sin > 0.38 ? y : sin < -0.38 ? y - height : y - height / 2;
		return new Rectangle2D.Double(left, top, width, height);
	}

	/** Marks, texts and limit lines the box touches; every one counts. */
	static int collisions(Rectangle2D box, List<Rectangle2D> marks, List<Line2D> segments, List<Rectangle2D> texts) {
		int count = 0;
		for (Rectangle2D t : texts) {
			if (t.intersects(box)) {
				count += 10;
			}
		}
		for (Rectangle2D m : marks) {
			if (m.intersects(box)) {
				count += 3;
			}
		}
		for (Line2D s : segments) {
			if (s.intersects(box)) {
				count += 3;
			}
		}
		return count;
	}

	/** Leader lines crossing the box. */
	private static int crossings(Rectangle2D box, List<Line2D> leaders) {
		int count = 0;
		for (Line2D leader : leaders) {
			if (leader.intersects(box)) {
				count += 10;
			}
		}
		return count;
	}

	/** Limit lines and texts a leader line crosses. */
	private static int crossings(Line2D leader, List<Line2D> segments, List<Rectangle2D> texts) {
		int count = 0;
		for (Line2D s : segments) {
			if (s.intersectsLine(leader)) {
				count += 3;
			}
		}
		for (Rectangle2D t : texts) {
			if (leader.intersects(t)) {
				count += 10;
			}
		}
		return count;
	}

	/** Other complexes' marks a leader line passes through. */
	private static int crossings(Line2D leader, List<Rectangle2D> marks, Point2D own) {
		int count = 0;
		for (Rectangle2D m : marks) {
			// weighed below a text on a text, which crowded plots may leave no way around
			if (!m.contains(own) && leader.intersects(m)) {
				count++;
			}
		}
		return count;
	}

	/**
	 * The leader from just outside the complex's mark to the nearest point of its text,
	 * or null when the text is next to the mark.
	 */
	static Line2D leader(Placed spot) {
		Rectangle2D box = spot.box();
		Point2D point = spot.point();
		if (!spot.leads() || box.contains(point)) {
			return null;
		}
		Point2D edge = new Point2D.Double(Math.max(box.getMinX(), Math.min(point.getX(), box.getMaxX())),
				Math.max(box.getMinY(), Math.min(point.getY(), box.getMaxY())));
		double distance = edge.distance(point);
		if (distance <= MARK + 3) {
			return null;
		}
		double t = (MARK + 1) / distance;
		return new Line2D.Double(point.getX() + (edge.getX() - point.getX()) * t,
				point.getY() + (edge.getY() - point.getY()) * t, edge.getX(), edge.getY());
	}

	private void draw(Graphics2D g2, Placed spot, Font font, FontMetrics metrics) {
		Rectangle2D box = spot.box();
		Line2D leader = leader(spot);
		if (leader != null) {
			g2.setPaint(ChartStyle.TEXT_GREY);
			g2.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
			g2.draw(leader);
		}
		ChartStyle.halo(g2, spot.text(), font, box.getX() + 2, box.getY() + metrics.getAscent());
	}

	/**
	 * The names of the limit lines at their right-hand end: the upper 99.8 % and 95 %
	 * lines and the city's average (the lower lines are drawn alike).
	 */
	static List<Label> lineNames(XYSeries high998, XYSeries high95, XYSeries average, Labels labels,
			double reportsPer100) {
		List<Label> names = new ArrayList<>();
		for (Object[] line : new Object[][] { { high998, labels.get("funnel.line.998") },
				{ high95, labels.get("funnel.line.95") },
				{ average, labels.get("funnel.line.average", labels.number(reportsPer100, 1)) } }) {
			XYSeries series = (XYSeries) line[0];
			if (series.getItemCount() > 0) {
				int last = series.getItemCount() - 1;
				names
					.add(new Label((String) line[1], series.getX(last).doubleValue(), series.getY(last).doubleValue()));
			}
		}
		return names;
	}

	static String shortName(FunnelPoint p) {
		return p.name() == null || p.name().isBlank() ? p.complexId() : p.name();
	}

	@Override
	public boolean equals(Object other) {
		return this == other;
	}

	@Override
	public int hashCode() {
		return System.identityHashCode(this);
	}

}
