package nl.leefbaar.report.excel;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import nl.leefbaar.report.ReportWriter;
import nl.leefbaar.system.AtomicFiles;
import nl.leefbaar.system.LeefbaarProperties;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The managers' dashboards (outputs.md, Managers):
 * {@code dashboard-<owner-slug>-<m>.xlsx} for each owner in complexes.csv, holding that
 * owner's complexes only and the city only as aggregates, and
 * {@code dashboard-team-<m>.xlsx} over every complex with an owner column, for the
 * neighbourhood team (complexes without an owner appear there only).
 * <p>
 * The month's figures are read once ({@link DashboardData}); each dashboard takes its
 * part. The sheets with charts (Overzicht, Trends) and the Toelichting are built as XSSF
 * sheets first; the workbook is then wrapped in a streaming {@link SXSSFWorkbook} that
 * streams the long lists (Complexen, Herhaalmeldingen, Activiteiten) row by row to
 * temporary files, so that 12,800 complexes need little memory.
 */
@Component
class DashboardWriter implements ReportWriter {

	static final List<String> SHEETS = List.of("overview", "complexes", "repeats", "activities", "trends", "notes");

	private static final int ROWS_IN_MEMORY = 200;

	private static final Logger log = LoggerFactory.getLogger(DashboardWriter.class);

	private final FigureStore figures;

	private final DashboardStore store;

	private final DwellingRepeats dwellingRepeats;

	private final ObjectProvider<FunnelImageSource> funnel;

	DashboardWriter(FigureStore figures, DashboardStore store, DwellingRepeats dwellingRepeats,
			ObjectProvider<FunnelImageSource> funnel) {
		this.figures = figures;
		this.store = store;
		this.dwellingRepeats = dwellingRepeats;
		this.funnel = funnel;
	}

	@Override
	public String describe() {
		return "the dashboards";
	}

	@Override
	public List<Path> write(ReportRequest request) throws Exception {
		long start = System.nanoTime();
		YearMonth month = request.month();
		int windowDays = request.settings().indicators().repeatWindowDays();
		// The dwellings' list (and, the first time, its month facts) comes from a second
		// connection while this thread reads the rest: the database and the JVM work at
		// the same time.
		ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
			Thread thread = new Thread(runnable, "dashboard-queries");
			thread.setDaemon(true);
			return thread;
		});
		try {
			Future<List<DwellingRepeats.Dwelling>> dwellings = background
				.submit(() -> dwellingRepeats.worst(month, windowDays, RepeatSheet.MAX_ROWS));
			DashboardData data = DashboardData.load(month, figures, store, List.of());
			data.dwellings = result(dwellings);
			long loaded = System.nanoTime();
			List<Path> written = new ArrayList<>();
			for (DashboardScope scope : DashboardScope.of(data.complexes)) {
				written.add(write(request, data, scope));
			}
			log.info("Wrote {} dashboards for {} in {} ms ({} ms reading the figures)", written.size(), month,
					(System.nanoTime() - start) / 1_000_000, (loaded - start) / 1_000_000);
			return written;
		}
		finally {
			background.shutdownNow();
		}
	}

	/** One dashboard, written atomically. */
	Path write(ReportRequest request, DashboardData data, DashboardScope scope) throws Exception {
		long start = System.nanoTime();
		YearMonth month = request.month();
		LeefbaarProperties settings = request.settings();
		Labels labels = Labels.of(request.locale());
		Path target = request.monthFolder().resolve(scope.fileName(month));
		List<AttentionList.Entry> attention = AttentionList.of(data, data.holds(scope));
		List<DashboardStore.Complex> complexes = data.complexes(scope);
		String title = scope.team() ? labels.format("overview.title.team", labels.month(month))
				: labels.format("overview.title.owner", scope.owner(), labels.month(month));
		List<String> sheetNames = SHEETS.stream().map(s -> sheetName(labels, s)).toList();
		Laps laps = new Laps(target);
		AtomicFiles.write(target, out -> {
			Optional<byte[]> funnelPng = Optional.ofNullable(funnel.getIfAvailable())
				.flatMap(source -> source.funnelPng(month, request.locale(),
						scope.team() ? null : complexes.stream().map(DashboardStore.Complex::id).toList(), 1200, 800));
			laps.lap("funnel image");
			XSSFWorkbook template = new XSSFWorkbook();
			Styles styles = new Styles(template);
			try {
				for (String sheet : sheetNames) {
					template.createSheet(sheet);
				}
				TrendSheet.Layout trends = TrendSheet.write(template.getSheet(sheetName(labels, "trends")), styles,
						labels, data.series(scope), data.citySeries, scope.team());
				OverviewSheet.write(template.getSheet(sheetName(labels, "overview")), styles, labels, sheetNames,
						new OverviewSheet.Content(scope, title, data.series(scope), data.citySeries, attention,
								new AttentionText(labels, settings.indicators().hotspotWindowDays()), complexes.size(),
								trends, funnelPng));
				NotesSheet.write(template.getSheet(sheetName(labels, "notes")), styles, labels, month, figures,
						settings, false);
				template.getProperties().getCoreProperties().setTitle(title);
				laps.lap("Overzicht, Trends, Toelichting");
			}
			catch (RuntimeException e) {
				template.close();
				throw e;
			}
			// The streaming wrapper shares the template's style table, so the styles are
			// made once for all sheets.
			try (SXSSFWorkbook workbook = new SXSSFWorkbook(template, ROWS_IN_MEMORY)) {
				try {
					ComplexSheet.write(workbook.getSheet(sheetName(labels, "complexes")), styles, labels, data, scope,
							attention);
					laps.lap("Complexen");
					RepeatSheet.write(workbook.getSheet(sheetName(labels, "repeats")), styles, labels, data, scope,
							settings.indicators().repeatWindowDays(), settings.indicators().hotspotWindowDays());
					laps.lap("Herhaalmeldingen");
					ActivitySheet.write(workbook.getSheet(sheetName(labels, "activities")), styles, labels, data,
							scope);
					laps.lap("Activiteiten");
					Pages.mark(workbook, title, data.dataUntil, labels);
					workbook.setActiveSheet(0);
					workbook.write(out);
					laps.lap("the package written");
				}
				finally {
					workbook.dispose();
				}
			}
		});
		log.info("Wrote {} ({} complexes) in {} ms", target, complexes.size(), (System.nanoTime() - start) / 1_000_000);
		return target;
	}

	/** The time each part of a workbook took, at debug level. */
	private static final class Laps {

		private final Path target;

		private long last = System.nanoTime();

		Laps(Path target) {
			this.target = target;
		}

		void lap(String what) {
			long now = System.nanoTime();
			log.debug("{}: {} in {} ms", target.getFileName(), what, (now - last) / 1_000_000);
			last = now;
		}

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
