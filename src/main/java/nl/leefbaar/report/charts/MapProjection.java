package nl.leefbaar.report.charts;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Projects WGS84 longitude/latitude onto a flat map in metres. Inside the Netherlands:
 * the national grid RD New (EPSG:28992, the grid of the CBS wijk- en buurtkaart and of
 * every Dutch municipal map) by the published approximation formulas of Schreutelkamp &
 * Strang van Hees ("Benaderingsformules voor de transformatie tussen RD- en
 * WGS84-kaartcoördinaten", 2001), accurate to about a metre there and needing no
 * projection library. Elsewhere, where those formulas are not meant to be used: a local
 * equirectangular projection, x scaled by the cosine of the data's middle latitude, which
 * keeps a city's shapes true to well under 1 %.
 */
final class MapProjection {

	private static final double PHI0 = 52.15517440;

	private static final double LAMBDA0 = 5.38720621;

	private static final double X0 = 155000;

	private static final double Y0 = 463000;

	// R(p, q) and S(p, q): coefficients of dphi^p dlambda^q for x and y.
	private static final double[][] R = { { 0, 1, 190094.945 }, { 1, 1, -11832.228 }, { 2, 1, -114.221 },
			{ 0, 3, -32.391 }, { 1, 0, -0.705 }, { 3, 1, -2.340 }, { 1, 3, -0.608 }, { 0, 2, -0.008 },
			{ 2, 3, 0.148 } };

	private static final double[][] S = { { 1, 0, 309056.544 }, { 0, 2, 3638.893 }, { 2, 0, 73.077 },
			{ 1, 2, -157.984 }, { 3, 0, 59.788 }, { 0, 1, 0.433 }, { 2, 2, -6.439 }, { 1, 1, -0.032 }, { 0, 4, 0.092 },
			{ 1, 4, -0.054 } };

	/** The part of the world where RD New applies (with a margin for border areas). */
	private static final Envelope NETHERLANDS = new Envelope(3.0, 7.6, 50.6, 53.8);

	private final boolean rd;

	private final double cosLatitude;

	private MapProjection(boolean rd, double cosLatitude) {
		this.rd = rd;
		this.cosLatitude = cosLatitude;
	}

	/** The projection for data within these WGS84 bounds. */
	static MapProjection forBounds(Envelope lonLat) {
		if (NETHERLANDS.contains(lonLat)) {
			return new MapProjection(true, 1);
		}
		return new MapProjection(false, Math.cos(Math.toRadians((lonLat.getMinY() + lonLat.getMaxY()) / 2)));
	}

	boolean isRdNew() {
		return rd;
	}

	/** RD New x, y in metres for a WGS84 longitude and latitude in degrees. */
	static double[] rdNew(double longitude, double latitude) {
		double dPhi = 0.36 * (latitude - PHI0);
		double dLambda = 0.36 * (longitude - LAMBDA0);
		double x = X0;
		for (double[] r : R) {
			x += r[2] * Math.pow(dPhi, r[0]) * Math.pow(dLambda, r[1]);
		}
		double y = Y0;
		for (double[] s : S) {
			y += s[2] * Math.pow(dPhi, s[0]) * Math.pow(dLambda, s[1]);
		}
		return new double[] { x, y };
	}

	double[] project(double longitude, double latitude) {
		if (rd) {
			return rdNew(longitude, latitude);
		}
		// metres on a sphere of the Earth's mean radius
		double metresPerDegree = 6371008.8 * Math.PI / 180;
		return new double[] { longitude * metresPerDegree * cosLatitude, latitude * metresPerDegree };
	}

	/** A projected copy of the geometry (x east, y north, metres). */
	Geometry project(Geometry lonLat) {
		Geometry copy = lonLat.copy();
		copy.apply(new CoordinateSequenceFilter() {
			@Override
			public void filter(CoordinateSequence seq, int i) {
				Coordinate c = seq.getCoordinate(i);
				double[] xy = project(c.x, c.y);
				seq.setOrdinate(i, 0, xy[0]);
				seq.setOrdinate(i, 1, xy[1]);
			}

			@Override
			public boolean isDone() {
				return false;
			}

			@Override
			public boolean isGeometryChanged() {
				return true;
			}
		});
		return copy;
	}

}
