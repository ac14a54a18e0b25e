package nl.leefbaar.report.charts;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.json.simple.JSONArray;
import org.json.simple.JSONObject;
import org.json.simple.parser.JSONParser;
import org.json.simple.parser.ParseException;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The neighbourhoods' boundaries from {@code neighbourhoods.geojson} in the input folder
 * (input-format.md): a WGS84 FeatureCollection of (Multi)Polygons, the code in
 * {@code neighbourhood_code} or else {@code statcode} (CBS wijk- en buurtkaart).
 * <p>
 * JTS reads the geometries (its GeoJSON reader, fed one feature's geometry at a time,
 * because it drops the properties) and later gives the maps what plain Java2D lacks: an
 * interior point for each label (a concave neighbourhood's centroid can lie outside it)
 * and the conversion to Java2D shapes, with holes. A missing or invalid file, a feature
 * for an unknown code and a neighbourhood without a feature are each said once in the
 * log; the run goes on (without maps, or with "geen grens").
 */
@Component
public class NeighbourhoodBoundaries {

	static final String FILE = "neighbourhoods.geojson";

	private static final Logger log = LoggerFactory.getLogger(NeighbourhoodBoundaries.class);

	/**
	 * The boundaries of the known neighbourhoods, projected (metres); {@code missing}
	 * lists the known neighbourhoods without a feature; {@code absentReason} is set (and
	 * areas empty) when there are no maps at all.
	 */
	public record Boundaries(Map<String, Geometry> areas, List<String> missing, boolean rdNew, String absentReason) {

		static Boundaries absent(String reason) {
			return new Boundaries(Map.of(), List.of(), false, reason);
		}

		public boolean present() {
			return absentReason == null && !areas.isEmpty();
		}
	}

	private record Key(Path file, long modified, long size, Map<String, String> known) {
	}

	private record Cached(Key key, Boundaries boundaries) {
	}

	private final JdbcTemplate jdbc;

	private final AtomicReference<Cached> last = new AtomicReference<>();

	public NeighbourhoodBoundaries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The boundaries for the neighbourhoods in the database, from the given input folder,
	 * or when it is null from the folder of the latest import. Read once per file
	 * version, so that the charts, the deck and the workbook of one run say each problem
	 * once.
	 */
	public Boundaries load(Path inputFolder) {
		Map<String, String> known = new LinkedHashMap<>();
		jdbc.query("select neighbourhood_code, name from neighbourhood order by neighbourhood_code", rs -> {
			known.put(rs.getString(1), rs.getString(2));
		});
		Path folder = inputFolder != null ? inputFolder : latestImportFolder();
		if (folder == null) {
			return remember(new Key(null, 0, 0, known),
					() -> absent("no input folder known (nothing imported yet): the maps are left out"));
		}
		Path file = folder.resolve(FILE);
		long modified = 0;
		long size = -1;
		try {
			if (Files.isRegularFile(file)) {
				modified = Files.getLastModifiedTime(file).toMillis();
				size = Files.size(file);
			}
		}
		catch (IOException e) {
			size = -2;
		}
		Key key = new Key(file, modified, size, known);
		return remember(key, () -> read(file, known));
	}

	private Boundaries remember(Key key, Supplier<Boundaries> reader) {
		Cached cached = last.get();
		if (cached != null && cached.key().equals(key)) {
			return cached.boundaries();
		}
		Boundaries boundaries = reader.get();
		last.set(new Cached(key, boundaries));
		return boundaries;
	}

	private static Boundaries absent(String message) {
		log.info("Maps: {}", message);
		return Boundaries.absent(message);
	}

	private Path latestImportFolder() {
		List<String> folders = jdbc.queryForList(
				"select input_folder from import_run where input_folder is not null order by started_at desc, import_run_id desc limit 1",
				String.class);
		return folders.isEmpty() ? null : Path.of(folders.get(0));
	}

	/** Reads and checks the file; logs each problem once. */
	static Boundaries read(Path file, Map<String, String> known) {
		if (!Files.isRegularFile(file)) {
			return absent(FILE + " not found in " + file.getParent() + ": the maps are left out");
		}
		Object root;
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			root = new JSONParser().parse(in);
		}
		catch (IOException | ParseException | RuntimeException e) {
			return invalid(file, "not readable as JSON: " + oneLine(e));
		}
		if (!(root instanceof JSONObject collection) || !"FeatureCollection".equals(collection.get("type"))
				|| !(collection.get("features") instanceof JSONArray features)) {
			return invalid(file, "not a GeoJSON FeatureCollection");
		}
		GeoJsonReader reader = new GeoJsonReader();
		Map<String, Geometry> lonLat = new LinkedHashMap<>();
		TreeSet<String> unknown = new TreeSet<>();
		int withoutCode = 0;
		int notAreas = 0;
		for (Object element : features) {
			if (!(element instanceof JSONObject feature)) {
				return invalid(file, "a feature is not an object");
			}
			String code = code(feature.get("properties"));
			if (code == null) {
				withoutCode++;
				continue;
			}
			if (!known.containsKey(code)) {
				unknown.add(code);
				continue;
			}
			Object geometryJson = feature.get("geometry");
			Geometry geometry;
			try {
				geometry = geometryJson instanceof JSONObject g ? reader.read(g.toJSONString()) : null;
			}
			catch (org.locationtech.jts.io.ParseException | RuntimeException e) {
				return invalid(file, "the geometry of " + code + " is not valid GeoJSON: " + oneLine(e));
			}
			if (!(geometry instanceof Polygon || geometry instanceof MultiPolygon) || geometry.isEmpty()) {
				notAreas++;
				continue;
			}
			Geometry earlier = lonLat.get(code);
			lonLat.put(code, earlier == null ? geometry : earlier.union(geometry));
		}
		Envelope bounds = new Envelope();
		lonLat.values().forEach(g -> bounds.expandToInclude(g.getEnvelopeInternal()));
		if (!lonLat.isEmpty() && (bounds.getMinX() < -180 || bounds.getMaxX() > 180 || bounds.getMinY() < -90
				|| bounds.getMaxY() > 90)) {
			return invalid(file, "coordinates are not WGS84 longitude/latitude degrees");
		}
		if (!unknown.isEmpty()) {
			log.info("Maps: {} feature(s) of {} for codes that are no neighbourhood here, ignored: {}", unknown.size(),
					FILE, String.join(", ", unknown));
		}
		if (withoutCode > 0) {
			log.info("Maps: {} feature(s) of {} without neighbourhood_code or statcode, ignored", withoutCode, FILE);
		}
		if (notAreas > 0) {
			log.info("Maps: {} feature(s) of {} without a (Multi)Polygon, ignored", notAreas, FILE);
		}
		List<String> missing = new ArrayList<>();
		known.forEach((code, name) -> {
			if (!lonLat.containsKey(code)) {
				missing.add(code);
			}
		});
		if (lonLat.isEmpty()) {
			return absent(FILE + " has no boundary of any neighbourhood here: the maps are left out");
		}
		if (!missing.isEmpty()) {
			log.info("Maps: no boundary in {} for {} neighbourhood(s), shown as \"geen grens\": {}", FILE,
					missing.size(),
					String.join(", ", missing.stream().map(c -> known.get(c) + " (" + c + ")").toList()));
		}
		MapProjection projection = MapProjection.forBounds(bounds);
		Map<String, Geometry> projected = new LinkedHashMap<>();
		lonLat.forEach((code, geometry) -> projected.put(code, projection.project(geometry)));
		return new Boundaries(projected, List.copyOf(missing), projection.isRdNew(), null);
	}

	private static Boundaries invalid(Path file, String reason) {
		return absent(FILE + " in " + file.getParent() + " is invalid (" + reason + "): the maps are left out");
	}

	/** The feature's code: neighbourhood_code, else statcode; null when neither. */
	static String code(Object properties) {
		if (!(properties instanceof JSONObject p)) {
			return null;
		}
		for (String name : new String[] { "neighbourhood_code", "statcode" }) {
			Object value = p.get(name);
			if (value != null && !value.toString().isBlank()) {
				return value.toString().trim();
			}
		}
		return null;
	}

	private static String oneLine(Exception e) {
		String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		message = message.replaceAll("\\s+", " ").trim();
		return message.length() > 160 ? message.substring(0, 157) + "..." : message;
	}

}
