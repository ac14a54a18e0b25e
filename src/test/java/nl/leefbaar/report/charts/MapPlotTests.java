package nl.leefbaar.report.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.leefbaar.report.charts.MapPlot.Area;
import nl.leefbaar.report.charts.MapPlot.MapClass;
import nl.leefbaar.report.charts.NeighbourhoodBoundaries.Boundaries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

/**
 * The map draws each neighbourhood where its GeoJSON puts it: a fixture of two squares
 * and a two-part multipolygon, filled in three colours, read back pixel by pixel.
 */
class MapPlotTests {

	static final Map<String, String> KNOWN = new LinkedHashMap<>(
			Map.of("BU0001", "Square A", "BU0002", "Square B", "BU0003", "Two parts"));

	static final Color RED = new Color(200, 30, 30);

	static final Color GREEN = new Color(30, 160, 60);

	static final Color BLUE = new Color(40, 60, 200);

	@TempDir
	Path folder;

	private Boundaries fixture() throws Exception {
		Files.copy(Path.of("src/test/resources/maps/three-areas.geojson"),
				folder.resolve(NeighbourhoodBoundaries.FILE));
		return NeighbourhoodBoundaries.read(folder.resolve(NeighbourhoodBoundaries.FILE), KNOWN);
	}

	@Test
	void readsTheCodeFromNeighbourhoodCodeOrStatcodeAndProjectsToRdNew() throws Exception {
		Boundaries boundaries = fixture();

		assertThat(boundaries.present()).isTrue();
		assertThat(boundaries.rdNew()).isTrue();
		assertThat(boundaries.areas()).containsOnlyKeys("BU0001", "BU0002", "BU0003");
		assertThat(boundaries.areas().get("BU0003").getNumGeometries()).isEqualTo(2);
		assertThat(boundaries.missing()).isEmpty();
		// 0.02 degrees of longitude at 51.9 degrees north on the ellipsoid: about 1,376.5
		// m;
		// 0.012 degrees of latitude: about 1,335.1 m (the grid is turned a little against
		// true north here, so the area is compared, not the width)
		assertThat(boundaries.areas().get("BU0001").getArea()).isCloseTo(1376.5 * 1335.1, within(0.005 * 1.84e6));
	}

	@Test
	void rdNewFormulasGiveTheReferencePointAndTheWestertoren() {
		double[] amersfoort = MapProjection.rdNew(5.38720621, 52.15517440);
		assertThat(amersfoort[0]).isCloseTo(155000, within(0.001));
		assertThat(amersfoort[1]).isCloseTo(463000, within(0.001));
		// Westertoren, Amsterdam (the formulas' publication): RD 120700.723, 487525.501
		double[] westertoren = MapProjection.rdNew(4.88352559, 52.37453253);
		assertThat(westertoren[0]).isCloseTo(120700.723, within(1.0));
		assertThat(westertoren[1]).isCloseTo(487525.501, within(1.0));
	}

	@Test
	void colouredAreasAreWhereTheFixturePutsThem() throws Exception {
		Boundaries boundaries = fixture();
		MapClass red = new MapClass("red", RED, false, null, null, false);
		MapClass green = new MapClass("green", GREEN, false, null, null, false);
		MapClass blue = new MapClass("blue", BLUE, false, null, null, false);
		List<Area> areas = List.of(new Area("BU0001", "A", boundaries.areas().get("BU0001"), red, null),
				new Area("BU0002", "B", boundaries.areas().get("BU0002"), green, null),
				new Area("BU0003", "C", boundaries.areas().get("BU0003"), blue, null));
		MapPlot plot = new MapPlot(areas, List.of(red, green, blue), 18f);
		Rectangle2D page = new Rectangle2D.Double(0, 0, 900, 700);
		BufferedImage image = new BufferedImage(900, 700, BufferedImage.TYPE_INT_RGB);
		Graphics2D g2 = image.createGraphics();
		plot.draw(g2, page, null, null, null);
		g2.dispose();
		MapPlot.Fit fit = MapPlot.fit(areas, MapPlot.mapArea(page, 18f));
		MapProjection projection = MapProjection.forBounds(new Envelope(4.4, 4.48, 51.9, 51.942));

		// near the corners of each square, away from the labels in their middles
		assertThat(colourAt(image, fit, projection, 4.403, 51.902)).isEqualTo(RED);
		assertThat(colourAt(image, fit, projection, 4.417, 51.910)).isEqualTo(RED);
		assertThat(colourAt(image, fit, projection, 4.463, 51.902)).isEqualTo(GREEN);
		assertThat(colourAt(image, fit, projection, 4.477, 51.910)).isEqualTo(GREEN);
		assertThat(colourAt(image, fit, projection, 4.403, 51.932)).isEqualTo(BLUE);
		assertThat(colourAt(image, fit, projection, 4.477, 51.940)).isEqualTo(BLUE);
		// between the parts of the multipolygon and between the squares: nothing drawn
		assertThat(colourAt(image, fit, projection, 4.44, 51.936)).isEqualTo(Color.WHITE);
		assertThat(colourAt(image, fit, projection, 4.44, 51.921)).isEqualTo(Color.WHITE);
	}

	private static Color colourAt(BufferedImage image, MapPlot.Fit fit, MapProjection projection, double lon,
			double lat) {
		double[] xy = projection.project(lon, lat);
		Point2D page = fit.toPage(xy[0], xy[1]);
		return new Color(image.getRGB((int) Math.round(page.getX()), (int) Math.round(page.getY())));
	}

	@Test
	void aNeighbourhoodWithoutAFeatureIsListedAsMissing() throws Exception {
		Map<String, String> known = new LinkedHashMap<>(KNOWN);
		known.put("BU0004", "Nowhere");
		Files.copy(Path.of("src/test/resources/maps/three-areas.geojson"),
				folder.resolve(NeighbourhoodBoundaries.FILE));

		Boundaries boundaries = NeighbourhoodBoundaries.read(folder.resolve(NeighbourhoodBoundaries.FILE), known);

		assertThat(boundaries.present()).isTrue();
		assertThat(boundaries.missing()).containsExactly("BU0004");
	}

	@Test
	void aFileThatIsNoFeatureCollectionLeavesTheMapsOut() throws Exception {
		Files.writeString(folder.resolve(NeighbourhoodBoundaries.FILE), "{\"type\": \"Feature\"}");

		Boundaries boundaries = NeighbourhoodBoundaries.read(folder.resolve(NeighbourhoodBoundaries.FILE), KNOWN);

		assertThat(boundaries.present()).isFalse();
		assertThat(boundaries.absentReason()).contains("invalid").contains("not a GeoJSON FeatureCollection");
	}

	@Test
	void coordinatesInMetresAreNotTakenForDegrees() throws Exception {
		Files.writeString(folder.resolve(NeighbourhoodBoundaries.FILE),
				"""
						{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"statcode": "BU0001"},
						 "geometry": {"type": "Polygon", "coordinates": [[[92000, 436000], [93000, 436000], [93000, 437000], [92000, 436000]]]}}]}
						""");

		Boundaries boundaries = NeighbourhoodBoundaries.read(folder.resolve(NeighbourhoodBoundaries.FILE), KNOWN);

		assertThat(boundaries.present()).isFalse();
		assertThat(boundaries.absentReason()).contains("not WGS84");
	}

}
