package nl.leefbaar.report.charts;

import nl.leefbaar.system.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import nl.leefbaar.report.ReportWriter;
import org.springframework.stereotype.Component;

/**
 * Writes every seminar chart of the month as PNG (1920 x 1080) and SVG into
 * {@code <month>/charts/}.
 */
@Component
class ChartsReportWriter implements ReportWriter {

	private final ChartRenderer renderer;

	ChartsReportWriter(ChartRenderer renderer) {
		this.renderer = renderer;
	}

	@Override
	public String describe() {
		return "the charts";
	}

	@Override
	public List<Path> write(ReportRequest request) throws Exception {
		Path folder = AtomicFiles.createPrivateFolder(request.monthFolder().resolve("charts"));
		ChartRenderer.Rendered rendered = renderer.rendered(request.month(), request.locale(), request.scope(),
				request.inputFolder(), request.settings().indicators());
		List<Path> written = new ArrayList<>();
		for (String name : rendered.png().keySet()) {
			written.add(AtomicFiles.write(folder.resolve(name + ".png"), rendered.png().get(name)));
			written.add(AtomicFiles.write(folder.resolve(name + ".svg"), rendered.svg().get(name)));
		}
		return written;
	}

	@Override
	public boolean drawsScopes() {
		return true;
	}

}
