package nl.leefbaar.report.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.awt.PointTransformation;
import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * A map of neighbourhoods as a JFreeChart plot, so that it gets the charts' title,
 * legend, source line, PNG and SVG for free. Each area is filled with its class's colour,
 * hatched where the class asks for it (so that colour is not the only signal), and
 * labelled with its name and a second line (the value, with the class's marker). North is
 * up and the scale is the same in x and y.
 */
final class MapPlot extends Plot {

	/** One neighbourhood on the map; geometry in projected metres. */
	record Area(String code, String name, Geometry geometry, MapClass mapClass, String value) {
	}

	/**
	 * A class of the legend: its words, fill, hatching and marker (null for none).
	 */
	record MapClass(String label, Color fill, boolean hatched, Shape marker, Color markerPaint, boolean hollow) {
	}

	private static final Color OUTLINE = new Color(0x33, 0x33, 0x33);

	private static final Color HATCH = new Color(0, 0, 0, 120);

	private final List<Area> areas;

	private final List<MapClass> legend;

	private final float labelSize;

	MapPlot(List<Area> areas, List<MapClass> legend, float labelSize) {
		this.areas = List.copyOf(areas);
		this.legend = List.copyOf(legend);
		this.labelSize = labelSize;
		setOutlineVisible(false);
	}

	List<Area> areas() {
		return areas;
	}

	@Override
	public String getPlotType() {
		return "Map";
	}

	@Override
	public LegendItemCollection getLegendItems() {
		LegendItemCollection items = new LegendItemCollection();
		for (MapClass c : legend) {
			LegendItem item;
			if (c.marker() != null) {
				item = new LegendItem(c.label(), null, null, null, true, c.marker(), !c.hollow(), c.markerPaint(), true,
						c.markerPaint(), new BasicStroke(2f), false, new Line2D.Double(), new BasicStroke(1f),
						Color.BLACK);
			}
			else {
				item = new LegendItem(c.label(), null, null, null, new Rectangle2D.Double(-7, -7, 14, 14), c.fill(),
						new BasicStroke(1f), OUTLINE);
			}
			items.add(item);
		}
		return items;
	}

	/** Where the map's metres go on the page: scale and offset, north up. */
	record Fit(double scale, double x0, double y0, Envelope bounds) {
		Point2D toPage(double x, double y) {
			return new Point2D.Double(x0 + (x - bounds.getMinX()) * scale, y0 + (bounds.getMaxY() - y) * scale);
		}
	}

	/** The part of the plot the areas are fitted into: room for labels at the edges. */
	static Rectangle2D mapArea(Rectangle2D area, float labelSize) {
		return new Rectangle2D.Double(area.getX() + labelSize * 2, area.getY() + labelSize * 1.5,
				area.getWidth() - labelSize * 4, area.getHeight() - labelSize * 3);
	}

	static Fit fit(List<Area> areas, Rectangle2D area) {
		Envelope bounds = new Envelope();
		areas.forEach(a -> bounds.expandToInclude(a.geometry().getEnvelopeInternal()));
		if (bounds.isNull() || bounds.getWidth() == 0 || bounds.getHeight() == 0) {
			return new Fit(1, area.getX(), area.getY(), bounds);
		}
		double scale = Math.min(area.getWidth() / bounds.getWidth(), area.getHeight() / bounds.getHeight());
		double x0 = area.getX() + (area.getWidth() - bounds.getWidth() * scale) / 2;
		double y0 = area.getY() + (area.getHeight() - bounds.getHeight() * scale) / 2;
		return new Fit(scale, x0, y0, bounds);
	}

	@Override
	public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState, PlotRenderingInfo info) {
		if (info != null) {
			info.setPlotArea(area);
			info.setDataArea(area);
		}
		getInsets().trim(area);
		drawBackground(g2, area);
		if (areas.isEmpty()) {
			drawNoDataMessage(g2, area);
			return;
		}
		Fit fit = fit(areas, mapArea(area, labelSize));
		ShapeWriter writer = new ShapeWriter(new PointTransformation() {
			@Override
			public void transform(Coordinate src, Point2D dest) {
				dest.setLocation(fit.toPage(src.x, src.y));
			}
		});
		List<Shape> shapes = new ArrayList<>();
		for (Area a : areas) {
			// as a Java2D area: a multipolygon's shape from JTS answers no contains or
			// intersects, which the labels ask
			Shape shape = new java.awt.geom.Area(writer.toShape(a.geometry()));
			shapes.add(shape);
			g2.setPaint(a.mapClass().fill());
			g2.fill(shape);
			if (a.mapClass().hatched()) {
				hatch(g2, shape);
			}
		}
		g2.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g2.setPaint(OUTLINE);
		shapes.forEach(g2::draw);
		labels(g2, fit, area, shapes);
	}

	/** Diagonal lines across the shape, clipped to it. */
	private static void hatch(Graphics2D g2, Shape shape) {
		Shape clip = g2.getClip();
		g2.clip(shape);
		Rectangle2D box = shape.getBounds2D();
		g2.setPaint(HATCH);
		g2.setStroke(new BasicStroke(1.4f));
		double step = 7;
		for (double d = -box.getHeight(); d < box.getWidth(); d += step) {
			g2.draw(new Line2D.Double(box.getX() + d, box.getMaxY(), box.getX() + d + box.getHeight(), box.getY()));
		}
		g2.setClip(clip);
	}

	/**
	 * Names and values, largest area first: inside the area where they fit, otherwise
	 * outside every area, outward from the map's centre with a leader line
	 * ({@link MapLabelSpots}); failing both, at the first spot around the area's label
	 * point that collides with no earlier label.
	 */
	private void labels(Graphics2D g2, Fit fit, Rectangle2D bounds, List<Shape> shapes) {
		Font nameFont = ChartStyle.bold(labelSize);
		Font valueFont = ChartStyle.regular(labelSize);
		FontMetrics nameMetrics = g2.getFontMetrics(nameFont);
		FontMetrics valueMetrics = g2.getFontMetrics(valueFont);
		double lineHeight = nameMetrics.getHeight();
		List<Rectangle2D> taken = new ArrayList<>();
		List<Rectangle2D> areaBoxes = new ArrayList<>();
		for (Area a : areas) {
			Envelope e = a.geometry().getEnvelopeInternal();
			Point2D topLeft = fit.toPage(e.getMinX(), e.getMaxY());
			Point2D bottomRight = fit.toPage(e.getMaxX(), e.getMinY());
			areaBoxes.add(new Rectangle2D.Double(topLeft.getX(), topLeft.getY(), bottomRight.getX() - topLeft.getX(),
					bottomRight.getY() - topLeft.getY()));
		}
		Rectangle2D all = shapes.get(0).getBounds2D();
		shapes.forEach(shape -> all.add(shape.getBounds2D()));
		Point2D centre = new Point2D.Double(all.getCenterX(), all.getCenterY());
		List<Line2D> leaders = new ArrayList<>();
		List<Area> ordered = new ArrayList<>(areas);
		ordered.sort(Comparator.comparingDouble((Area a) -> -a.geometry().getArea()).thenComparing(Area::code));
		for (Area a : ordered) {
			Point2D point = labelPoint(a.geometry(), fit);
			double markerWidth = a.mapClass().marker() != null ? labelSize * 1.2 : 0;
			double width = Math.max(nameMetrics.stringWidth(a.name()),
					a.value() == null ? 0 : valueMetrics.stringWidth(a.value()) + markerWidth) + 6;
			double height = lineHeight * (a.value() == null ? 1 : 2) + 2;
			List<Rectangle2D> others = new ArrayList<>();
			for (int i = 0; i < areas.size(); i++) {
				if (areas.get(i) != a) {
					others.add(areaBoxes.get(i));
				}
			}
			Rectangle2D box = MapLabelSpots.inside(point, width, height, shapes.get(areas.indexOf(a)), taken);
			if (box == null) {
				box = MapLabelSpots.outward(point, centre, width, height, shapes, taken, leaders, bounds, lineHeight);
			}
			if (box == null) {
				box = place(point, width, height, taken, others, bounds, lineHeight);
			}
			taken.add(box);
			double dx = box.getCenterX() - point.getX();
			double dy = box.getCenterY() - point.getY();
			if (!box.contains(point) && Math.hypot(dx, dy) > lineHeight * 1.2) {
				g2.setPaint(OUTLINE);
				g2.setStroke(new BasicStroke(1.4f));
				Line2D leader = MapLabelSpots.leader(point, box);
				leaders.add(leader);
				g2.draw(leader);
				g2.fill(new java.awt.geom.Ellipse2D.Double(point.getX() - 2.5, point.getY() - 2.5, 5, 5));
			}
			double baseline = box.getY() + nameMetrics.getAscent() + 1;
			ChartStyle.halo(g2, a.name(), nameFont, box.getCenterX() - nameMetrics.stringWidth(a.name()) / 2.0,
					baseline);
			if (a.value() != null) {
				double valueWidth = valueMetrics.stringWidth(a.value()) + markerWidth;
				double x = box.getCenterX() - valueWidth / 2;
				double valueBaseline = baseline + lineHeight;
				if (a.mapClass().marker() != null) {
					drawMarker(g2, a.mapClass(), x + markerWidth / 2 - 1,
							valueBaseline - valueMetrics.getAscent() / 2.0 + 1);
				}
				ChartStyle.halo(g2, a.value(), valueFont, x + markerWidth, valueBaseline);
			}
		}
	}

	static void drawMarker(Graphics2D g2, MapClass c, double x, double y) {
		Shape marker = AffineTransform.getTranslateInstance(x, y).createTransformedShape(c.marker());
		g2.setStroke(new BasicStroke(2.2f));
		if (!c.hollow()) {
			g2.setPaint(c.markerPaint());
			g2.fill(marker);
			g2.setPaint(Color.BLACK);
			g2.setStroke(new BasicStroke(0.8f));
			g2.draw(marker);
		}
		else {
			g2.setPaint(Color.WHITE);
			g2.fill(marker);
			g2.setPaint(c.markerPaint());
			g2.draw(marker);
		}
	}

	/**
	 * The label's anchor: the centre of the largest circle inside the area (a concave or
	 * L-shaped neighbourhood's centroid can lie outside it).
	 */
	static Point2D labelPoint(Geometry geometry, Fit fit) {
		Geometry largest = geometry;
		for (int i = 0; i < geometry.getNumGeometries(); i++) {
			if (geometry.getGeometryN(i).getArea() > (largest == geometry ? 0 : largest.getArea())) {
				largest = geometry.getGeometryN(i);
			}
		}
		Point centre = MaximumInscribedCircle.getCenter(largest, Math.sqrt(largest.getArea()) / 100);
		return fit.toPage(centre.getX(), centre.getY());
	}

	/**
	 * The first spot, nearest first, clear of the labels placed and of the other areas;
	 * failing that, clear of the labels only; failing that, the nearest inside the plot.
	 */
	private static Rectangle2D place(Point2D point, double width, double height, List<Rectangle2D> taken,
			List<Rectangle2D> otherAreas, Rectangle2D bounds, double step) {
		List<Rectangle2D> obstacles = new ArrayList<>(taken);
		obstacles.addAll(otherAreas);
		Rectangle2D clear = place(point, width, height, obstacles, bounds, step);
		if (clear == null) {
			clear = place(point, width, height, taken, bounds, step);
		}
		return clear != null ? clear
				: new Rectangle2D.Double(point.getX() - width / 2, point.getY() - height / 2, width, height);
	}

	private static Rectangle2D place(Point2D point, double width, double height, List<Rectangle2D> taken,
			Rectangle2D bounds, double step) {
		Rectangle2D first = null;
		for (int ring = 0; ring <= 9; ring++) {
			double radius = ring * step * 1.3;
			int directions = ring == 0 ? 1 : 12;
			for (int d = 0; d < directions; d++) {
				double angle = -Math.PI / 2 + d * 2 * Math.PI / directions;
				double cx = point.getX() + Math.cos(angle) * radius * 1.6;
				double cy = point.getY() + Math.sin(angle) * radius;
				Rectangle2D box = new Rectangle2D.Double(cx - width / 2, cy - height / 2, width, height);
				if (!bounds.contains(box)) {
					continue;
				}
				if (first == null) {
					first = box;
				}
				if (taken.stream().noneMatch(box::intersects)) {
					return box;
				}
			}
		}
		return first != null ? first
				: new Rectangle2D.Double(point.getX() - width / 2, point.getY() - height / 2, width, height);
	}

}
