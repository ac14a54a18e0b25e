package nl.leefbaar.report.charts;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/** Marker shapes, so that series differ in form as well as in colour. */
final class Shapes {

	private Shapes() {
	}

	static Shape circle(double r) {
		return new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
	}

	static Shape square(double r) {
		return new Rectangle2D.Double(-r, -r, 2 * r, 2 * r);
	}

	static Shape up(double r) {
		Path2D.Double p = new Path2D.Double();
		p.moveTo(0, -r * 1.2);
		p.lineTo(r * 1.1, r * 0.8);
		p.lineTo(-r * 1.1, r * 0.8);
		p.closePath();
		return p;
	}

	static Shape down(double r) {
		Path2D.Double p = new Path2D.Double();
		p.moveTo(0, r * 1.2);
		p.lineTo(r * 1.1, -r * 0.8);
		p.lineTo(-r * 1.1, -r * 0.8);
		p.closePath();
		return p;
	}

	static Shape diamond(double r) {
		Path2D.Double p = new Path2D.Double();
		p.moveTo(0, -r * 1.25);
		p.lineTo(r * 1.25, 0);
		p.lineTo(0, r * 1.25);
		p.lineTo(-r * 1.25, 0);
		p.closePath();
		return p;
	}

	static Shape series(int i, double r) {
		return switch (i % 5) {
			case 0 -> circle(r);
			case 1 -> square(r * 0.9);
			case 2 -> up(r);
			case 3 -> diamond(r);
			default -> down(r);
		};
	}

}
