package nl.leefbaar.report.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.renderer.AbstractRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look of every chart: the bundled DejaVu Sans (headless servers often have no usable
 * fonts, and a missing font draws boxes), the Okabe-Ito palette (readable with every
 * common form of colour blindness), a white background, the title block and the source
 * line.
 */
public final class ChartStyle {

	/**
	 * Logical size of a chart; PNGs are drawn at twice this, so text stays crisp on a
	 * projector.
	 */
	static final int WIDTH = 960;
	static final int HEIGHT = 540;

	/**
	 * The smallest text on any chart, in logical units: a chart is drawn on a canvas as
	 * wide in logical units as the slide's picture is in points (960 for a file, the
	 * picture's width on a slide), so no text is smaller than 18 pt on the slide.
	 */
	static final float MIN_FONT = 18f;

	/**
	 * Where a chart is shown: as a file of its own (its title is the takeaway), or on a
	 * slide, whose title already states the takeaway (so the chart has none).
	 */
	public enum Medium {

		FILE, SLIDE

	}

	// Okabe & Ito (2008), "Color Universal Design".
	static final Color BLACK = new Color(0x000000);
	static final Color ORANGE = new Color(0xE69F00);
	static final Color SKY_BLUE = new Color(0x56B4E9);
	static final Color GREEN = new Color(0x009E73);
	static final Color YELLOW = new Color(0xF0E442);
	static final Color BLUE = new Color(0x0072B2);
	static final Color VERMILLION = new Color(0xD55E00);
	static final Color PURPLE = new Color(0xCC79A7);
	static final Color GREY = new Color(0x999999);
	static final Color LIGHT_GREY = new Color(0xDDDDDD);
	static final Color TEXT_GREY = new Color(0x555555);

	/**
	 * Series colours in order; yellow is left out because thin lines of it vanish on
	 * white.
	 */
	static final Color[] SERIES = { BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY_BLUE, BLACK };

	static final Font REGULAR = load("/fonts/DejaVuSans.ttf");
	static final Font BOLD = load("/fonts/DejaVuSans-Bold.ttf");

	private static final StandardChartTheme THEME = theme();

	private ChartStyle() {
	}

	private static Font load(String resource) {
		try (InputStream in = ChartStyle.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("font missing from the application: " + resource);
			}
			Font font = Font.createFont(Font.TRUETYPE_FONT, in);
			// Registered so that SVG output and POI can name it as a family, too.
			GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
			return font;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (FontFormatException e) {
			throw new IllegalStateException("unreadable font " + resource, e);
		}
	}

	static Font regular(float size) {
		return REGULAR.deriveFont(Font.PLAIN, size);
	}

	static Font bold(float size) {
		// The style flag tells SVG to write font-weight bold; Java2D does not embolden an
		// already bold face again.
		return BOLD.deriveFont(Font.BOLD, size);
	}

	/**
	 * JFreeChart's theme resets renderers' series paints, shapes and strokes and the
	 * annotations' fonts when applied; each chart styles those itself, so the theme
	 * leaves them alone.
	 */
	private static final class Theme extends StandardChartTheme {

		Theme() {
			super("Leefbaar");
		}

		@Override
		protected void applyToAbstractRenderer(AbstractRenderer renderer) {
		}

		@Override
		protected void applyToXYItemRenderer(XYItemRenderer renderer) {
		}

		@Override
		protected void applyToXYAnnotation(XYAnnotation annotation) {
		}

		@Override
		protected void applyToValueAxis(ValueAxis axis) {
			Font ticks = axis.getTickLabelFont();
			super.applyToValueAxis(axis);
			if (axis instanceof SymbolAxis) {
				axis.setTickLabelFont(ticks);
			}
		}

	}

	private static StandardChartTheme theme() {
		StandardChartTheme theme = new Theme();
		theme.setExtraLargeFont(titleFont());
		theme.setLargeFont(bold(MIN_FONT));
		theme.setRegularFont(regular(MIN_FONT));
		theme.setSmallFont(regular(MIN_FONT));
		theme.setChartBackgroundPaint(Color.WHITE);
		theme.setPlotBackgroundPaint(Color.WHITE);
		theme.setPlotOutlinePaint(LIGHT_GREY);
		theme.setDomainGridlinePaint(LIGHT_GREY);
		theme.setRangeGridlinePaint(LIGHT_GREY);
		theme.setAxisLabelPaint(BLACK);
		theme.setTickLabelPaint(TEXT_GREY);
		theme.setLegendBackgroundPaint(Color.WHITE);
		theme.setLegendItemPaint(BLACK);
		theme.setTitlePaint(BLACK);
		theme.setSubtitlePaint(TEXT_GREY);
		theme.setShadowVisible(false);
		theme.setBarPainter(new StandardBarPainter());
		theme.setXYBarPainter(new StandardXYBarPainter());
		return theme;
	}

	/**
	 * Applies fonts and colours, then adds the subtitle (period and scope), the optional
	 * note and the source line. The theme is applied first because it resets the fonts of
	 * all titles.
	 */
	static JFreeChart decorate(JFreeChart chart, String subtitle, String note, String source) {
		return decorate(chart, subtitle, note, source, Medium.FILE);
	}

	/** The title's font: the takeaway, in one or two lines. */
	static Font titleFont() {
		return bold(26f);
	}

	/**
	 * As {@link #decorate(JFreeChart, String, String, String)}; on a slide without the
	 * chart's own title.
	 */
	static JFreeChart decorate(JFreeChart chart, String subtitle, String note, String source, Medium medium) {
		THEME.apply(chart);
		if (medium == Medium.SLIDE) {
			// the slide's title states the point
			chart.setTitle((TextTitle) null);
		}
		chart.setAntiAlias(true);
		chart.setTextAntiAlias(true);
		chart.setPadding(new RectangleInsets(10, 14, 8, 22));
		TextTitle title = chart.getTitle();
		if (title != null) {
			title.setHorizontalAlignment(HorizontalAlignment.LEFT);
			title.setTextAlignment(HorizontalAlignment.LEFT);
			title.setPadding(new RectangleInsets(0, 0, 2, 0));
		}
		TextTitle period = new TextTitle(subtitle, regular(MIN_FONT));
		period.setPaint(TEXT_GREY);
		period.setHorizontalAlignment(HorizontalAlignment.LEFT);
		period.setTextAlignment(HorizontalAlignment.LEFT);
		period.setPadding(new RectangleInsets(0, 0, 8, 0));
		chart.addSubtitle(0, period);
		LegendTitle legend = chart.getLegend();
		if (legend != null) {
			legend.setFrame(BlockBorder.NONE);
			legend.setItemFont(regular(MIN_FONT));
			legend.setPosition(RectangleEdge.BOTTOM);
			legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
			legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 14));
		}
		// Bottom titles are stacked from the edge inwards in list order: source line,
		// note, legend.
		chart.addSubtitle(0, bottomLine(source, TEXT_GREY));
		if (note != null && !note.isBlank()) {
			chart.addSubtitle(1, bottomLine(note, TEXT_GREY));
		}
		return chart;
	}

	private static TextTitle bottomLine(String text, Paint paint) {
		TextTitle line = new TextTitle(text, regular(MIN_FONT));
		line.setPaint(paint);
		line.setPosition(RectangleEdge.BOTTOM);
		line.setHorizontalAlignment(HorizontalAlignment.LEFT);
		line.setTextAlignment(HorizontalAlignment.LEFT);
		line.setPadding(new RectangleInsets(4, 0, 0, 0));
		return line;
	}

	static void noData(Plot plot, String message) {
		plot.setNoDataMessage(message);
		plot.setNoDataMessageFont(regular(22f));
		plot.setNoDataMessagePaint(TEXT_GREY);
	}

	static BasicStroke line(float width) {
		return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
	}

	static BasicStroke dashed(float width) {
		return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] { 6f, 4f }, 0f);
	}

	static BasicStroke dotted(float width) {
		return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] { 1.5f, 4f }, 0f);
	}

	/**
	 * Text with a white outline, readable across grid lines, marks, fills and boundaries
	 * (the labels of the funnel plot and the map).
	 */
	static void halo(Graphics2D g2, String text, Font font, double x, double y) {
		TextLayout layout = new TextLayout(text, font, g2.getFontRenderContext());
		Shape outline = layout.getOutline(AffineTransform.getTranslateInstance(x, y));
		g2.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g2.setPaint(new Color(255, 255, 255, 235));
		g2.draw(outline);
		g2.setPaint(BLACK);
		g2.setFont(font);
		g2.drawString(text, (float) x, (float) y);
	}

}
