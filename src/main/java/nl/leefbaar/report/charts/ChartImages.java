package nl.leefbaar.report.charts;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** Rendering, kept apart from building: the same chart goes to PNG (2x scale) and SVG. */
public final class ChartImages {

	private ChartImages() {
	}

	/**
	 * The charts' bold face (DejaVu Sans Bold) at a size, for measuring text that goes
	 * beside a chart (a slide's title).
	 */
	public static Font boldFont(float size) {
		return ChartStyle.bold(size);
	}

	/**
	 * Draws the chart on a logical canvas 960 wide (the layout every chart is designed
	 * for) and scales it to the requested pixels: 1920 x 1080 is a 960 x 540 chart at 2x,
	 * so text stays large and crisp; other sizes (the workbook's funnel image) keep the
	 * same proportions of text.
	 */
	public static byte[] png(JFreeChart chart, int widthPx, int heightPx) {
		double scale = widthPx / (double) ChartStyle.WIDTH;
		return png(chart, ChartStyle.WIDTH, heightPx / scale, scale);
	}

	/**
	 * Draws the chart on a logical canvas of the given size (a slide picture's size in
	 * points), at {@code scale} pixels per logical unit.
	 */
	public static byte[] png(JFreeChart chart, double logicalWidth, double logicalHeight, double scale) {
		int widthPx = (int) Math.round(logicalWidth * scale);
		int heightPx = (int) Math.round(logicalHeight * scale);
		BufferedImage image = new BufferedImage(widthPx, heightPx, BufferedImage.TYPE_INT_RGB);
		Graphics2D g2 = image.createGraphics();
		try {
			g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
			g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
			g2.scale(scale, scale);
			chart.draw(g2, new Rectangle2D.Double(0, 0, logicalWidth, logicalHeight));
		}
		finally {
			g2.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	public static byte[] svg(JFreeChart chart, int width, int height) {
		SVGGraphics2D g2 = new SVGGraphics2D(width, height);
		// Two decimals of a logical pixel are plenty; full doubles make a 5,000-point
		// funnel 6 MB.
		g2.setGeomDoubleConverter(ChartImages::twoDecimals);
		g2.setTransformDoubleConverter(ChartImages::twoDecimals);
		// A viewer without DejaVu Sans falls back to its own sans-serif rather than to a
		// serif face.
		g2.setFontFunction(family -> "\"" + family + "\", Verdana, sans-serif");
		chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
		return g2.getSVGDocument().getBytes(StandardCharsets.UTF_8);
	}

	static String twoDecimals(double value) {
		if (!Double.isFinite(value) || Math.abs(value) > 1e9) {
			return String.valueOf(value);
		}
		long hundredths = Math.round(value * 100);
		long whole = Math.abs(hundredths) / 100;
		long fraction = Math.abs(hundredths) % 100;
		StringBuilder text = new StringBuilder(12);
		if (hundredths < 0) {
			text.append('-');
		}
		text.append(whole);
		if (fraction != 0) {
			text.append('.').append(fraction / 10);
			if (fraction % 10 != 0) {
				text.append(fraction % 10);
			}
		}
		return text.toString();
	}

}
