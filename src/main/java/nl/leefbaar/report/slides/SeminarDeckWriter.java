package nl.leefbaar.report.slides;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import nl.leefbaar.report.ReportWriter;
import nl.leefbaar.system.AtomicFiles;
import nl.leefbaar.report.charts.ChartRenderer;
import nl.leefbaar.report.charts.ChartImages;
import nl.leefbaar.report.charts.ChartRenderer.ChartSet;
import nl.leefbaar.report.charts.ChartRenderer.NamedChart;
import nl.leefbaar.report.charts.Labels;
import nl.leefbaar.report.charts.Takeaways;
import nl.leefbaar.system.LeefbaarProperties;
import org.apache.poi.sl.usermodel.PictureData;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.sl.usermodel.TextParagraph.TextAlign;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFPictureData;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code seminar-<yyyy-mm>.pptx}: a title slide, then one chart a slide under one title,
 * its takeaway, with speaker notes (how to read it, what to be careful about). 16:9, 960
 * x 540 points; each chart is drawn for its slide: on a canvas of the picture's size in
 * points (the full width under the title), without a title of its own, so that no text on
 * it is smaller than 18 pt.
 */
@Component
class SeminarDeckWriter implements ReportWriter {

	static final int SLIDE_WIDTH = 960;
	static final int SLIDE_HEIGHT = 540;

	/**
	 * A font every presenter's laptop has (LibreOffice maps it to the metric-compatible
	 * Liberation Sans).
	 */
	static final String FONT = "Arial";

	private static final Color DARK = new Color(0x1A, 0x1A, 0x1A);

	private static final Color ACCENT = new Color(0x00, 0x72, 0xB2);

	private static final Logger log = LoggerFactory.getLogger(SeminarDeckWriter.class);

	private static final AtomicBoolean WARMED = new AtomicBoolean();

	private final ChartRenderer renderer;

	SeminarDeckWriter(ChartRenderer renderer) {
		this.renderer = renderer;
	}

	/**
	 * The slides' charts in order: one point each; of the three maps the one of the
	 * headline rate (the index and repeat maps are in charts/ and the workbook).
	 */
	static final List<String> SLIDES = List.of("rate-trend", "repeat-trend", "funnel", "ranking", "map-report-rate",
			"activity-effect", "concentration");

	/**
	 * The title band and the picture below it, in points of the 960 x 540 slide, for a
	 * title of two lines; a title of one line gets a lower band and the picture the room
	 * it leaves ({@link #layout}).
	 */
	static final Rectangle2D TITLE = new Rectangle2D.Double(24, 6, 912, 78);

	static final Rectangle2D PICTURE = new Rectangle2D.Double(0, 88, SLIDE_WIDTH, SLIDE_HEIGHT - 88);

	/**
	 * Title sizes in points: one line at the largest size it fits at, otherwise two lines
	 * at the smallest.
	 */
	static final double[] TITLE_SIZES = { 30, 27, 24 };

	/**
	 * The width a line of the title may take: the band less the text box's insets (7.2 pt
	 * each side) and a margin for the renderer's own rounding.
	 */
	static final double TITLE_LINE_WIDTH = 912 - 2 * 7.2 - 12;

	/** Pixels per point of the slides' pictures: crisp on a 1920-pixel projector. */
	static final double PICTURE_SCALE = 2;

	/** Where a slide's title and chart go, and the title's size. */
	record Layout(Rectangle2D title, Rectangle2D picture, double titleSize) {
	}

	/**
	 * The title's band and size and the picture under it: one line at the largest of
	 * {@link #TITLE_SIZES} the title fits at, with the picture right under it; otherwise
	 * two lines at the smallest in the full band. The title is measured in DejaVu Sans
	 * Bold, wider than the Arial (or Liberation Sans) it is shown in, so that a title
	 * taken for one line never wraps.
	 */
	static Layout layout(String title) {
		FontRenderContext context = new FontRenderContext(null, true, true);
		for (double size : TITLE_SIZES) {
			double width = ChartImages.boldFont((float) size).getStringBounds(title, context).getWidth();
			if (width <= TITLE_LINE_WIDTH) {
				double band = size * 1.2 + 2 * 3.6 + 4;
				Rectangle2D titleBox = new Rectangle2D.Double(TITLE.getX(), TITLE.getY(), TITLE.getWidth(), band);
				double top = titleBox.getMaxY() + 4;
				return new Layout(titleBox, new Rectangle2D.Double(0, top, SLIDE_WIDTH, SLIDE_HEIGHT - top), size);
			}
		}
		return new Layout(TITLE, PICTURE, TITLE_SIZES[TITLE_SIZES.length - 1]);
	}

	@Override
	public String describe() {
		return "the seminar deck";
	}

	@Override
	public List<Path> write(ReportRequest request) throws Exception {
		ChartSet set = renderer.build(request.month(), request.locale(), request.scope(),
				nl.leefbaar.report.charts.ChartStyle.Medium.SLIDE, request.inputFolder(),
				request.settings().indicators());
		Path target = request.monthFolder().resolve("seminar-" + request.month() + ".pptx");
		return List.of(AtomicFiles.write(target, deck(set, request.settings().indicators())));
	}

	/**
	 * The first slide show a JVM builds spends seconds loading POI's OOXML schema
	 * classes; that happens on another thread while the charts are drawn, not after.
	 */
	@EventListener
	void warmUpWhileChartsRender(ChartRenderer.RenderingStarted event) {
		if (WARMED.compareAndSet(false, true)) {
			Thread warm = new Thread(() -> {
				try (XMLSlideShow ppt = new XMLSlideShow()) {
					XSLFSlide slide = ppt.createSlide();
					text(slide, "warm-up", new Rectangle2D.Double(0, 0, 100, 20), 12, false, DARK);
					notes(ppt, slide, "warm-up");
					ppt.write(OutputStream.nullOutputStream());
				}
				catch (Exception | LinkageError e) {
					log.debug("deck warm-up failed; the deck is built without it", e);
				}
			}, "deck-warm-up");
			warm.setDaemon(true);
			warm.start();
		}
	}

	byte[] deck(ChartSet set, LeefbaarProperties.Indicators settings) throws Exception {
		try (XMLSlideShow ppt = new XMLSlideShow()) {
			ppt.setPageSize(new Dimension(SLIDE_WIDTH, SLIDE_HEIGHT));
			titleSlide(ppt, set);
			for (String name : SLIDES) {
				NamedChart chart = set.chart(name);
				if (chart != null) {
					chartSlide(ppt, set, chart, settings);
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
			ppt.write(out);
			return out.toByteArray();
		}
	}

	private void titleSlide(XMLSlideShow ppt, ChartSet set) {
		Labels labels = set.labels();
		XSLFSlide slide = ppt.createSlide();
		text(slide, labels.get("deck.title"), new Rectangle2D.Double(60, 150, 840, 90), 54, true, ACCENT);
		text(slide, labels.get("deck.subtitle", labels.month(set.month())), new Rectangle2D.Double(60, 250, 840, 50),
				28, false, DARK);
		text(slide, labels.get("deck.scope", set.scopeLabel()), new Rectangle2D.Double(60, 305, 840, 40), 20, false,
				DARK);
		text(slide, labels.source(set.month()), new Rectangle2D.Double(60, 470, 840, 30), 12, false,
				new Color(0x55, 0x55, 0x55));
	}

	private void chartSlide(XMLSlideShow ppt, ChartSet set, NamedChart chart, LeefbaarProperties.Indicators settings) {
		XSLFSlide slide = ppt.createSlide();
		String takeaway = Takeaways.of(chart.name(), set);
		Layout layout = layout(takeaway);
		text(slide, takeaway, layout.title(), layout.titleSize(), true, DARK);
		// drawn at the picture's very size (in points), so its text keeps the sizes it
		// was set in
		byte[] png = ChartImages.png(chart.chart(), layout.picture().getWidth(), layout.picture().getHeight(),
				PICTURE_SCALE);
		XSLFPictureData data = ppt.addPicture(png, PictureData.PictureType.PNG);
		XSLFPictureShape picture = slide.createPicture(data);
		picture.setAnchor(layout.picture());
		notes(ppt, slide, SpeakerNotes.of(chart.name(), set, settings.repeatWindowDays(), settings.effectWindowDays()));
	}

	private static void notes(XMLSlideShow ppt, XSLFSlide slide, String text) {
		XSLFNotes notes = ppt.getNotesSlide(slide);
		for (XSLFTextShape shape : notes.getPlaceholders()) {
			Placeholder type = shape.getTextType();
			if (type == Placeholder.BODY) {
				shape.setText(text);
			}
			else if (type == Placeholder.DATETIME || type == Placeholder.SLIDE_NUMBER || type == Placeholder.HEADER
					|| type == Placeholder.FOOTER) {
				// POI copies the master's sample date ("1.7.2013") and number fields; a
				// printed
				// notes page should show the notes only.
				notes.removeShape(shape);
			}
		}
	}

	private static void text(XSLFSlide slide, String value, Rectangle2D anchor, double size, boolean bold,
			Color color) {
		XSLFTextBox box = slide.createTextBox();
		box.setAnchor(anchor);
		box.setWordWrap(true);
		XSLFTextRun run = box.setText(value);
		run.getParagraph().setTextAlign(TextAlign.LEFT);
		run.setFontFamily(FONT);
		run.setFontSize(size);
		run.setBold(bold);
		run.setFontColor(color);
	}

	@Override
	public boolean drawsScopes() {
		return true;
	}

}
