package nl.leefbaar.report.charts;

import java.awt.Color;
import java.awt.Shape;

/**
 * One look per funnel flag in every chart and map: Okabe-Ito colours, and shapes that
 * differ without colour: above the range a triangle pointing up, below one pointing down;
 * the 99.8 % flags (high, low) filled, the 95 % flags (elevated, reduced) hollow; in
 * range a small grey dot.
 */
final class FlagStyle {

	private FlagStyle() {
	}

	static Color colour(String flag) {
		if (flag == null) {
			return ChartStyle.GREY;
		}
		return switch (flag) {
			case "high" -> ChartStyle.VERMILLION;
			case "elevated" -> ChartStyle.ORANGE;
			case "reduced" -> ChartStyle.SKY_BLUE;
			case "low" -> ChartStyle.BLUE;
			default -> ChartStyle.GREY;
		};
	}

	/** The fill of a map area with this flag: light enough for black text on it. */
	static Color areaFill(String flag) {
		if (flag == null) {
			return Color.WHITE;
		}
		return switch (flag) {
			case "high" -> new Color(0xE8, 0x8A, 0x4F);
			case "elevated" -> new Color(0xF5, 0xC8, 0x66);
			case "reduced" -> new Color(0xA6, 0xD6, 0xF2);
			case "low" -> new Color(0x5C, 0xA3, 0xD6);
			case "in range" -> new Color(0xE6, 0xE6, 0xE6);
			default -> Color.WHITE;
		};
	}

	static boolean hollow(String flag) {
		return "elevated".equals(flag) || "reduced".equals(flag);
	}

	/** The 99.8 % flags, which the maps hatch as well. */
	static boolean strong(String flag) {
		return "high".equals(flag) || "low".equals(flag);
	}

	static Shape marker(String flag, double r) {
		if (flag == null) {
			return Shapes.circle(r * 0.7);
		}
		return switch (flag) {
			case "high", "elevated" -> Shapes.up(r);
			case "low", "reduced" -> Shapes.down(r);
			default -> Shapes.circle(r * 0.7);
		};
	}

}
