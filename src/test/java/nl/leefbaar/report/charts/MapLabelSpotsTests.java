package nl.leefbaar.report.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A name fits inside a large area; the names of small areas go outside every area,
 * outward from the map's centre, their leader lines crossing no name and no other leader.
 */
class MapLabelSpotsTests {

	@Test
	void aLargeAreaHoldsItsNameAndSmallAreasGetTheirsOutsideWithLeadersThatDoNotCross() {
		Rectangle2D bounds = new Rectangle2D.Double(0, 0, 960, 450);
		Shape large = new Rectangle2D.Double(300, 100, 300, 250);
		// three small areas in a row at the large one's right edge
		List<Shape> smalls = List.of(new Rectangle2D.Double(600, 180, 20, 20), new Rectangle2D.Double(600, 200, 20, 20),
				new Rectangle2D.Double(600, 220, 20, 20));
		List<Shape> areas = new ArrayList<>(smalls);
		areas.add(large);
		Point2D centre = new Point2D.Double(460, 225);
		List<Rectangle2D> taken = new ArrayList<>();
		List<Line2D> leaders = new ArrayList<>();

		Rectangle2D inLarge = MapLabelSpots.inside(new Point2D.Double(450, 225), 120, 40, large, taken);
		assertThat(inLarge).isNotNull();
		taken.add(inLarge);
		for (Shape small : smalls) {
			Point2D point = new Point2D.Double(small.getBounds2D().getCenterX(), small.getBounds2D().getCenterY());
			assertThat(MapLabelSpots.inside(point, 120, 40, small, taken)).isNull();
			Rectangle2D box = MapLabelSpots.outward(point, centre, 120, 40, areas, taken, leaders, bounds, 20);

			assertThat(box).isNotNull();
			assertThat(bounds.contains(box)).isTrue();
			assertThat(areas).noneMatch(a -> a.intersects(box));
			assertThat(taken).noneMatch(box::intersects);
			// outward: right of the map's centre, like the area
			assertThat(box.getCenterX()).isGreaterThan(point.getX());
			Line2D leader = MapLabelSpots.leader(point, box);
			assertThat(leaders).noneMatch(l -> l.intersectsLine(leader));
			assertThat(taken).noneMatch(t -> t.intersectsLine(leader));
			taken.add(box);
			leaders.add(leader);
		}
	}

	@Test
	void aLeaderGoesAroundANeighbourWhenItCan() {
		Rectangle2D bounds = new Rectangle2D.Double(0, 0, 960, 450);
		// a small area with a neighbour straight outward (right of it)
		Shape small = new Rectangle2D.Double(500, 200, 20, 20);
		Shape neighbour = new Rectangle2D.Double(530, 160, 60, 100);
		List<Shape> areas = List.of(small, neighbour);
		Point2D point = new Point2D.Double(510, 210);

		Rectangle2D box = MapLabelSpots.outward(point, new Point2D.Double(400, 210), 120, 40, areas, new ArrayList<>(),
				new ArrayList<>(), bounds, 20);

		assertThat(box).isNotNull();
		assertThat(MapLabelSpots.crossesAnother(MapLabelSpots.leader(point, box), point, areas)).isFalse();
		assertThat(MapLabelSpots.crossesAnother(new Line2D.Double(point, new Point2D.Double(700, 210)), point, areas))
			.isTrue();
	}

}
