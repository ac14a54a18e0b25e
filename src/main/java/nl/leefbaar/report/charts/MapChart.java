package nl.leefbaar.report.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import nl.leefbaar.report.charts.Figures.MapUnit;
import nl.leefbaar.report.charts.MapPlot.Area;
import nl.leefbaar.report.charts.MapPlot.MapClass;
import nl.leefbaar.report.charts.NeighbourhoodBoundaries.Boundaries;
import org.jfree.chart.JFreeChart;
import org.locationtech.jts.geom.Geometry;

/**
 * The neighbourhood maps: one coloured by the liveability index band, one per headline
 * indicator coloured by its funnel flag. Each area carries its name and value; the legend
 * says the flag or band in words, with how many neighbourhoods have it.
 */
final class MapChart {

	/** The maps, by file name. */
	static final List<String> NAMES = List.of("map-index", "map-report-rate", "map-repeat-rate");

	static final List<String> FLAGS = List.of("high", "elevated", "in range", "reduced", "low");

	private MapChart() {
	}

	/** The index band of indicators.md, as a key of the charts bundle. */
	static String band(Double index) {
		if (index == null) {
			return null;
		}
		return index >= 110 ? "clearly_better" : index >= 90 ? "around" : index >= 70 ? "behind" : "far_behind";
	}

	static List<Area> indexAreas(Boundaries boundaries, List<MapUnit> units, Labels labels) {
		Map<String, MapClass> classes = bandClasses(labels);
		return areas(boundaries, units, u -> classes.get(band(u.index()) == null ? "none" : band(u.index())),
				u -> u.index() == null ? labels.get("map.nodata") : labels.number(u.index(), 0));
	}

	static Map<String, MapClass> bandClasses(Labels labels) {
		Map<String, MapClass> classes = new LinkedHashMap<>();
		classes.put("clearly_better", new MapClass(labels.get("map.band.clearly_better"), new Color(0x56, 0xB4, 0xE9),
				false, null, null, false));
		classes.put("around",
				new MapClass(labels.get("map.band.around"), new Color(0xE6, 0xE6, 0xE6), false, null, null, false));
		classes.put("behind",
				new MapClass(labels.get("map.band.behind"), new Color(0xF5, 0xC8, 0x66), false, null, null, false));
		classes.put("far_behind",
				new MapClass(labels.get("map.band.far_behind"), new Color(0xE8, 0x8A, 0x4F), true, null, null, false));
		classes.put("none", new MapClass(labels.get("map.nodata"), Color.WHITE, false, null, null, false));
		return classes;
	}

	static Map<String, MapClass> flagClasses(Labels labels) {
		Map<String, MapClass> classes = new LinkedHashMap<>();
		for (String flag : FLAGS) {
			classes.put(flag, new MapClass(labels.flag(flag), FlagStyle.areaFill(flag), FlagStyle.strong(flag),
					FlagStyle.marker(flag, 7), FlagStyle.colour(flag), FlagStyle.hollow(flag)));
		}
		classes.put("none", new MapClass(labels.get("map.noflag"), Color.WHITE, false, null, null, false));
		return classes;
	}

	static List<Area> flagAreas(Boundaries boundaries, List<MapUnit> units, Labels labels,
			Function<MapUnit, String> flag, Function<MapUnit, Double> value, Function<Double, String> format) {
		Map<String, MapClass> classes = flagClasses(labels);
		return areas(boundaries, units,
				u -> classes.get(flag.apply(u) != null && FLAGS.contains(flag.apply(u)) ? flag.apply(u) : "none"),
				u -> value.apply(u) == null ? labels.get("map.nodata") : format.apply(value.apply(u)));
	}

	private static List<Area> areas(Boundaries boundaries, List<MapUnit> units, Function<MapUnit, MapClass> mapClass,
			Function<MapUnit, String> value) {
		List<Area> areas = new ArrayList<>();
		for (MapUnit u : units) {
			Geometry geometry = boundaries.areas().get(u.code());
			if (geometry != null) {
				areas.add(new Area(u.code(), u.name(), geometry, mapClass.apply(u), value.apply(u)));
			}
		}
		return areas;
	}

	/**
	 * The legend: the classes present, in their order, each with its count ("Hoog (99,8
	 * %): 1").
	 */
	static List<MapClass> legend(List<Area> areas, Map<String, MapClass> classes, Labels labels) {
		List<MapClass> legend = new ArrayList<>();
		for (MapClass c : classes.values()) {
			long count = areas.stream().filter(a -> a.mapClass().label().equals(c.label())).count();
			if (count > 0) {
				legend.add(new MapClass(labels.get("map.legend", c.label(), count), c.fill(), c.hatched(), c.marker(),
						c.markerPaint(), c.hollow()));
			}
		}
		return legend;
	}

	static JFreeChart chart(String title, List<Area> areas, Map<String, MapClass> classes, Labels labels,
			String subtitle, String note, String source, ChartStyle.Medium medium) {
		MapPlot plot = new MapPlot(areas, legend(areas, classes, labels), ChartStyle.MIN_FONT);
		ChartStyle.noData(plot, labels.get("nodata"));
		JFreeChart chart = new JFreeChart(title, ChartStyle.titleFont(), plot, true);
		ChartStyle.decorate(chart, subtitle, note, source, medium);
		return chart;
	}

	/** The "geen grens" line naming the neighbourhoods the map cannot draw, or null. */
	static String missingNote(Boundaries boundaries, List<MapUnit> units, Labels labels) {
		List<String> names = units.stream()
			.filter(u -> boundaries.missing().contains(u.code()))
			.map(MapUnit::name)
			.toList();
		return names.isEmpty() ? null : labels.get("map.missing", String.join(", ", names));
	}

}
