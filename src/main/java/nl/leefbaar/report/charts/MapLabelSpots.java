package nl.leefbaar.report.charts;

import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * Where a neighbourhood's name goes on the map, in page units: inside its own area when
 * it fits there; otherwise outside every area, outward from the map's centre, so that the
 * leader lines of small areas fan out instead of crossing each other and the names.
 */
final class MapLabelSpots {

	/** Turns away from the straight outward direction, in radians, tried in order. */
	private static final double[] TURNS = { 0, 0.26, -0.26, 0.52, -0.52, 0.79, -0.79, 1.05, -1.05 };

	private MapLabelSpots() {
	}

	/** The box centred on the point when it lies wholly inside the area, else null. */
	static Rectangle2D inside(Point2D point, double width, double height, Shape own, List<Rectangle2D> taken) {
		Rectangle2D box = centred(point.getX(), point.getY(), width, height);
		return own.contains(box) && taken.stream().noneMatch(box::intersects) ? box : null;
	}

	/**
	 * The nearest box outward from the centre that touches no area, no name placed and no
	 * leader line, and whose own leader line crosses no name and no leader; null when
	 * there is none inside the bounds.
	 */
	static Rectangle2D outward(Point2D point, Point2D centre, double width, double height, List<Shape> areas,
			List<Rectangle2D> taken, List<Line2D> leaders, Rectangle2D bounds, double step) {
		// first with a leader that crosses no other area, then one that may
		Rectangle2D box = outward(point, centre, width, height, areas, taken, leaders, bounds, step, true);
		return box != null ? box : outward(point, centre, width, height, areas, taken, leaders, bounds, step, false);
	}

	private static Rectangle2D outward(Point2D point, Point2D centre, double width, double height, List<Shape> areas,
			List<Rectangle2D> taken, List<Line2D> leaders, Rectangle2D bounds, double step, boolean clearOfOthers) {
		double dx = point.getX() - centre.getX();
		double dy = point.getY() - centre.getY();
		double base = Math.hypot(dx, dy) < 1e-6 ? -Math.PI / 2 : Math.atan2(dy, dx);
		for (int ring = 1; ring <= 60; ring++) {
			double distance = ring * step * 0.5;
			for (double turn : TURNS) {
				double angle = base + turn;
				double cos = Math.cos(angle);
				double sin = Math.sin(angle);
				// the box lies beyond the spot, its nearest side towards the area
				Rectangle2D box = centred(point.getX() + cos * (distance + width / 2),
						point.getY() + sin * (distance + height / 2), width, height);
				if (!bounds.contains(box) || taken.stream().anyMatch(box::intersects)
						|| areas.stream().anyMatch(s -> s.intersects(box))) {
					continue;
				}
				Line2D leader = leader(point, box);
				if (leaders.stream().anyMatch(l -> l.intersectsLine(leader) || box.intersectsLine(l))
						|| taken.stream().anyMatch(t -> t.intersectsLine(leader))
						|| clearOfOthers && crossesAnother(leader, point, areas)) {
					continue;
				}
				return box;
			}
		}
		return null;
	}

	/**
	 * Whether the leader runs through an area other than the one it starts in (sampled
	 * every 2 units).
	 */
	static boolean crossesAnother(Line2D leader, Point2D start, List<Shape> areas) {
		double length = leader.getP1().distance(leader.getP2());
		for (Shape area : areas) {
			if (area.contains(start)) {
				continue;
			}
			for (double t = 0; t <= length; t += 2) {
				double f = length == 0 ? 0 : t / length;
				if (area.contains(leader.getX1() + (leader.getX2() - leader.getX1()) * f,
						leader.getY1() + (leader.getY2() - leader.getY1()) * f)) {
					return true;
				}
			}
		}
		return false;
	}

	/** From the area's label point to the nearest point of the name's box. */
	static Line2D leader(Point2D point, Rectangle2D box) {
		double x = Math.max(box.getMinX(), Math.min(point.getX(), box.getMaxX()));
		double y = Math.max(box.getMinY(), Math.min(point.getY(), box.getMaxY()));
		return new Line2D.Double(point, new Point2D.Double(x, y));
	}

	private static Rectangle2D centred(double x, double y, double width, double height) {
		return new Rectangle2D.Double(x - width / 2, y - height / 2, width, height);
	}

}
