package nl.leefbaar.report.charts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import nl.leefbaar.report.ReportWriter;
import org.springframework.stereotype.Component;

/** Writes every seminar chart of the month as PNG (1920 x 1080) and SVG into {@code <month>/charts/}. */
@Component
class ChartsReportWriter implements ReportWriter {
    static final int PNG_WIDTH = 2 * ChartStyle.WIDTH;
    static final int PNG_HEIGHT = 2 * ChartStyle.HEIGHT;

    private final ChartRenderer renderer;

    ChartsReportWriter(ChartRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public List<Path> write(ReportRequest request) throws Exception {
        Path folder = AtomicFiles.folder(request.monthFolder().resolve("charts"));
        ChartRenderer.ChartSet set = renderer.build(request.month(), request.locale(), request.scope());
        List<Path> written = new ArrayList<>();
        for (ChartRenderer.NamedChart named : set.charts()) {
            written.add(AtomicFiles.write(folder.resolve(named.name() + ".png"),
                    ChartImages.png(named.chart(), PNG_WIDTH, PNG_HEIGHT)));
            written.add(AtomicFiles.write(folder.resolve(named.name() + ".svg"),
                    ChartImages.svg(named.chart(), ChartStyle.WIDTH, ChartStyle.HEIGHT)));
        }
        return written;
    }
}
