package nl.leefbaar.report.slides;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import nl.leefbaar.report.ReportWriter;
import nl.leefbaar.system.AtomicFiles;
import nl.leefbaar.report.charts.ChartRenderer;
import nl.leefbaar.report.charts.ChartRenderer.ChartSet;
import nl.leefbaar.report.charts.ChartRenderer.NamedChart;
import nl.leefbaar.report.charts.Labels;
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
 * {@code seminar-<yyyy-mm>.pptx}: a title slide, then one chart a slide with a one-line
 * takeaway and speaker notes (definition and caveats). 16:9, 960 x 540 points; the 1920 x
 * 1080 chart PNG is scaled to fit under the takeaway.
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

	@Override
	public List<Path> write(ReportRequest request) throws Exception {
		ChartRenderer.Rendered rendered = renderer.rendered(request.month(), request.locale(), request.scope());
		Path target = request.monthFolder().resolve("seminar-" + request.month() + ".pptx");
		return List.of(AtomicFiles.write(target, deck(rendered)));
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

	byte[] deck(ChartRenderer.Rendered rendered) throws Exception {
		ChartSet set = rendered.set();
		try (XMLSlideShow ppt = new XMLSlideShow()) {
			ppt.setPageSize(new Dimension(SLIDE_WIDTH, SLIDE_HEIGHT));
			titleSlide(ppt, set);
			for (NamedChart chart : set.charts()) {
				chartSlide(ppt, set, chart, rendered.png().get(chart.name()));
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

	private void chartSlide(XMLSlideShow ppt, ChartSet set, NamedChart chart, byte[] png) {
		XSLFSlide slide = ppt.createSlide();
		String takeaway = Takeaways.of(chart.name(), set);
		// One line at 24 pt holds about 60 characters; a longer takeaway gets two lines
		// at 20 pt,
		// which still end above the chart.
		text(slide, takeaway, new Rectangle2D.Double(30, 8, 900, 60), takeaway.length() <= 60 ? 24 : 20, true, DARK);
		XSLFPictureData data = ppt.addPicture(png, PictureData.PictureType.PNG);
		XSLFPictureShape picture = slide.createPicture(data);
		double height = SLIDE_HEIGHT - 74 - 8;
		double width = height * 16 / 9;
		picture.setAnchor(new Rectangle2D.Double((SLIDE_WIDTH - width) / 2, 74, width, height));
		notes(ppt, slide, SpeakerNotes.of(chart.name(), set, renderer.repeatWindowDays(), renderer.effectWindowDays()));
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
