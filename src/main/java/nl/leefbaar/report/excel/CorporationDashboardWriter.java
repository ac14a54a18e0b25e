package nl.leefbaar.report.excel;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Optional;

import nl.leefbaar.system.AtomicFiles;
import nl.leefbaar.report.ReportWriter;
import nl.leefbaar.system.LeefbaarProperties;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code dashboard-corporation-<yyyy-mm>.xlsx} for the corporation's managers, with exact
 * counts.
 * <p>
 * The sheets with native charts (Overzicht, Trends) and the short Toelichting are built
 * as XSSF sheets first; the workbook is then wrapped in a streaming
 * {@link SXSSFWorkbook}, which keeps those sheets (and their charts) and streams the long
 * ones (Complexen, Herhaalmeldingen, Activiteiten) row by row to temporary files, so that
 * 5,000 complexes need little memory.
 */
@Component
class CorporationDashboardWriter implements ReportWriter {

	static final List<String> SHEETS = List.of("overview", "complexes", "repeats", "activities", "trends", "notes");

	private static final int ROWS_IN_MEMORY = 200;

	private static final Logger log = LoggerFactory.getLogger(CorporationDashboardWriter.class);

	private final FigureStore store;

	private final LeefbaarProperties properties;

	private final ObjectProvider<FunnelImageSource> funnel;

	CorporationDashboardWriter(FigureStore store, LeefbaarProperties properties,
			ObjectProvider<FunnelImageSource> funnel) {
		this.store = store;
		this.properties = properties;
		this.funnel = funnel;
	}

	static String fileName(YearMonth month) {
		return "dashboard-corporation-" + month + ".xlsx";
	}

	@Override
	public List<Path> write(ReportRequest request) throws Exception {
		long start = System.nanoTime();
		YearMonth month = request.month();
		Labels labels = Labels.of(request.locale());
		Path target = request.monthFolder().resolve(fileName(month));
		int windowDays = properties.indicators().repeatWindowDays();
		// The two slowest queries run on a second connection while this thread reads the
		// rest and
		// builds the sheets: the database and the JVM work at the same time.
		ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
			Thread thread = new Thread(runnable, "dashboard-queries");
			thread.setDaemon(true);
			return thread;
		});
		try {
			Future<List<Map<String, Object>>> dwellingRepeats = background
				.submit(() -> store.dwellingRepeats(month, windowDays, RepeatSheet.MAX_ROWS));
			Future<List<Map<String, Object>>> effects = background.submit(() -> store.activityEffects(month));
			return write(request, labels, target, start, dwellingRepeats, effects);
		}
		finally {
			background.shutdownNow();
		}
	}

	private List<Path> write(ReportRequest request, Labels labels, Path target, long start,
			Future<List<Map<String, Object>>> dwellingRepeats, Future<List<Map<String, Object>>> effects)
			throws Exception {
		YearMonth month = request.month();
		int windowDays = properties.indicators().repeatWindowDays();
		CitySeries city = CitySeries.load(store, month);
		List<ComplexSheet.Line> complexes = ComplexSheet.lines(store, month);
		List<FigureStore.Hotspot> hotspots = store.hotspots(month);
		long loaded = System.nanoTime();
		AtomicFiles.write(target, out -> {
			Optional<byte[]> funnelPng = Optional.ofNullable(funnel.getIfAvailable())
				.flatMap(source -> source.funnelPng(month, request.locale(), 1200, 800));
			XSSFWorkbook template = new XSSFWorkbook();
			Styles styles = new Styles(template);
			try {
				writeXssfSheets(template, styles, labels, month, city, funnelPng);
			}
			catch (RuntimeException e) {
				template.close();
				throw e;
			}
			// The streaming wrapper shares the template's style table, so the styles are
			// made once for all sheets.
			try (SXSSFWorkbook workbook = new SXSSFWorkbook(template, ROWS_IN_MEMORY)) {
				try {
					ComplexSheet.write(workbook.getSheet(sheetName(labels, "complexes")), styles, labels, month,
							complexes, FigureStore.hotspotCategories(hotspots));
					RepeatSheet.write(workbook.getSheet(sheetName(labels, "repeats")), styles, labels, month, hotspots,
							store.dwellingRepeatPairs(month, RepeatSheet.MAX_ROWS), result(dwellingRepeats),
							windowDays);
					ActivitySheet.write(workbook.getSheet(sheetName(labels, "activities")), styles, labels, month,
							store.activities(month), result(effects));
					Pages.mark(workbook, labels.format("overview.title", labels.month(month)),
							dataUntil(store.dataPeriod(), month), labels);
					workbook.setActiveSheet(0);
					workbook.write(out);
				}
				finally {
					workbook.dispose();
				}
			}
		});
		log.info("Wrote {} ({} complexes) in {} ms ({} ms reading the figures)", target, complexes.size(),
				(System.nanoTime() - start) / 1_000_000, (loaded - start) / 1_000_000);
		return List.of(target);
	}

	/**
	 * The chart sheets and the Toelichting in plain XSSF; the sheets to stream stay empty
	 * until wrapped.
	 */
	private void writeXssfSheets(XSSFWorkbook template, Styles styles, Labels labels, YearMonth month, CitySeries city,
			Optional<byte[]> funnelPng) {
		for (String sheet : SHEETS) {
			template.createSheet(sheetName(labels, sheet));
		}
		TrendSheet.Layout trends = TrendSheet.write(template.getSheet(sheetName(labels, "trends")), styles, labels,
				city);
		OverviewSheet.write(template.getSheet(sheetName(labels, "overview")), styles, labels, city, trends, funnelPng);
		NotesSheet.write(template.getSheet(sheetName(labels, "notes")), styles, labels, month, store, properties,
				false);
	}

	/**
	 * The last report day the month's figures rest on: the data's last day, at most the
	 * month's last.
	 */
	static java.time.LocalDate dataUntil(Map<String, Object> period, YearMonth month) {
		Object last = period.get("last_day");
		if (last == null) {
			return null;
		}
		java.time.LocalDate day = ((java.sql.Date) last).toLocalDate();
		return day.isAfter(month.atEndOfMonth()) ? month.atEndOfMonth() : day;
	}

	/**
	 * The query's rows, or its own exception (not wrapped), so that the report step says
	 * what failed.
	 */
	private static <T> T result(Future<T> future) throws Exception {
		try {
			return future.get();
		}
		catch (ExecutionException e) {
			throw e.getCause() instanceof Exception cause ? cause : e;
		}
	}

	static String sheetName(Labels labels, String sheet) {
		return labels.get("sheet." + sheet);
	}

}
