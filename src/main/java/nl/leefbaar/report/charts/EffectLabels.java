package nl.leefbaar.report.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.IntervalXYDataset;

/**
 * The words of each activity's net effect, placed when the plot is drawn, in its real
 * pixels: on the row's line, beside all of that row's marks and intervals, on the side of
 * 1 the effect is not on when it fits there, otherwise on the other side; when neither
 * side has room for the whole words, the short ones; failing that, on the roomier side,
 * pushed inside the plot. No text is ever cut.
 */
final class EffectLabels extends AbstractXYAnnotation {

	/**
	 * A row's words, at the height y (data units), and whether they go right of the marks
	 * first; the short words (the effect without its interval, which the bar shows) where
	 * the whole words do not fit beside the marks.
	 */
	record Row(String text, String shortText, double y, boolean rightFirst) {
	}

	/** Where the words went, in the drawing's units, for tests. */
	record Placed(String text, Rectangle2D box, Rectangle2D marks) {
	}

	/** Rows' marks lie within this distance of the row's height (data units). */
	private static final double ROW_HALF_HEIGHT = 0.45;

	private static final double GAP = 8;

	private final List<Row> rows;

	private final IntervalXYDataset marks;

	private final transient List<Placed> placed = new ArrayList<>();

	EffectLabels(List<Row> rows, IntervalXYDataset marks) {
		this.rows = List.copyOf(rows);
		this.marks = marks;
	}

	List<Placed> placed() {
		return List.copyOf(placed);
	}

	@Override
	public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
			int rendererIndex, PlotRenderingInfo info) {
		placed.clear();
		Font font = ChartStyle.bold(ChartStyle.MIN_FONT);
		FontMetrics metrics = g2.getFontMetrics(font);
		for (Row row : rows) {
			double minX = Double.MAX_VALUE;
			double maxX = -Double.MAX_VALUE;
			for (int s = 0; s < marks.getSeriesCount(); s++) {
				for (int i = 0; i < marks.getItemCount(s); i++) {
					if (Math.abs(marks.getYValue(s, i) - row.y()) > ROW_HALF_HEIGHT) {
						continue;
					}
					for (double x : new double[] { marks.getStartXValue(s, i), marks.getEndXValue(s, i) }) {
						double page = domainAxis.valueToJava2D(x, dataArea, plot.getDomainAxisEdge());
						minX = Math.min(minX, page);
						maxX = Math.max(maxX, page);
					}
				}
			}
			if (minX > maxX) {
				continue;
			}
			double height = metrics.getHeight();
			double y = rangeAxis.valueToJava2D(row.y(), dataArea, plot.getRangeAxisEdge()) - height / 2;
			String text = null;
			double x = 0;
			for (String candidate : new String[] { row.text(), row.shortText() }) {
				double width = metrics.stringWidth(candidate) + 6;
				double right = maxX + GAP;
				double left = minX - GAP - width;
				boolean rightFits = right + width <= dataArea.getMaxX();
				boolean leftFits = left >= dataArea.getMinX();
				if (rightFits || leftFits) {
					text = candidate;
					x = rightFits && (row.rightFirst() || !leftFits) ? right : left;
					break;
				}
			}
			if (text == null) {
				text = row.shortText();
				double width = metrics.stringWidth(text) + 6;
				boolean rightRoomier = dataArea.getMaxX() - maxX >= minX - dataArea.getMinX();
				x = rightRoomier ? dataArea.getMaxX() - width : dataArea.getMinX();
			}
			double width = metrics.stringWidth(text) + 6;
			x = Math.max(dataArea.getMinX(), Math.min(x, dataArea.getMaxX() - width));
			Rectangle2D box = new Rectangle2D.Double(x, y, width, height);
			placed.add(new Placed(text, box, new Rectangle2D.Double(minX, y, maxX - minX, height)));
			g2.setPaint(new Color(255, 255, 255, 220));
			g2.fill(box);
			g2.setPaint(ChartStyle.BLACK);
			g2.setFont(font);
			g2.drawString(text, (float) (x + 3), (float) (y + metrics.getAscent()));
		}
	}

	@Override
	public boolean equals(Object other) {
		return this == other;
	}

	@Override
	public int hashCode() {
		return System.identityHashCode(this);
	}

}
