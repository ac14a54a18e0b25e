package nl.leefbaar.report.excel;

import java.nio.file.Path;
import java.sql.Date;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import nl.leefbaar.domain.Category;
import nl.leefbaar.domain.Level;
import nl.leefbaar.system.AtomicFiles;
import nl.leefbaar.report.ReportWriter;
import nl.leefbaar.report.ReportWriter.ReportScope;
import nl.leefbaar.report.charts.ChartRenderer;
import nl.leefbaar.system.LeefbaarProperties;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * {@code neighbourhoods-<yyyy-mm>.xlsx} for the municipality's policy advisors:
 * neighbourhoods by indicator with ranks, index and band, change against last year,
 * funnel flags and intervals; the district roll-up; the complexes large enough to
 * publish. The small-number rules apply to every figure and no dwelling reference
 * appears.
 */
@Component
class NeighbourhoodWorkbookWriter implements ReportWriter {

	static final List<String> SHEETS = List.of("map", "neighbourhoods", "districts", "public_complexes", "notes");

	private final FigureStore store;

	private final ChartRenderer charts;

	NeighbourhoodWorkbookWriter(FigureStore store, ChartRenderer charts) {
		this.store = store;
		this.charts = charts;
	}

	static String fileName(YearMonth month) {
		return "neighbourhoods-" + month + ".xlsx";
	}

	@Override
	public String describe() {
		return "the neighbourhood workbook";
	}

	@Override
	public List<Path> write(ReportRequest request) throws Exception {
		YearMonth month = request.month();
		Labels labels = Labels.of(request.locale());
		LeefbaarProperties settings = request.settings();
		SmallNumbers rules = new SmallNumbers(settings.publishing());
		Path target = request.monthFolder().resolve(fileName(month));
		List<FigureStore.Neighbourhood> neighbourhoods = store.neighbourhoods();
		Map<String, Map<String, Figure>> now = store.byUnit(month, Level.NEIGHBOURHOOD, Category.ALL,
				NeighbourhoodSheet.INDICATORS);
		Map<String, Map<String, Figure>> yearAgo = store.byUnit(month.minusYears(1), Level.NEIGHBOURHOOD, Category.ALL,
				NeighbourhoodSheet.INDICATORS);
		Map<String, Map<String, Figure>> complexFigures = store.byUnit(month, Level.COMPLEX, Category.ALL,
				PublicComplexSheet.INDICATORS);
		List<FigureStore.Complex> complexes = store.complexes();
		Map<String, Figure> city = store.byUnit(month, Level.CITY, Category.ALL, NeighbourhoodSheet.INDICATORS)
			.getOrDefault(Level.CITY_UNIT, Map.of());
		Map<String, Figure> cityYearAgo = store
			.byUnit(month.minusYears(1), Level.CITY, Category.ALL, NeighbourhoodSheet.INDICATORS)
			.getOrDefault(Level.CITY_UNIT, Map.of());
		ExpectedRanges ranges = ExpectedRanges.of(now, store.funnelStats(month));
		ChartRenderer.Rendered rendered = charts.rendered(month, request.locale(), ReportScope.CITY,
				request.inputFolder(), settings.indicators());
		AtomicFiles.write(target, out -> {
			try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
				try {
					Styles styles = new Styles(workbook);
					List<String> names = SHEETS.stream().map(k -> labels.get("sheet." + k)).toList();
					MapSheet.write(workbook, workbook.createSheet(labels.get("sheet.map")), styles, labels, month,
							rendered, names);
					NeighbourhoodSheet.write(workbook.createSheet(labels.get("sheet.neighbourhoods")), styles, labels,
							rules, month, neighbourhoods, now, yearAgo, city, cityYearAgo, ranges);
					DistrictSheet.write(workbook.createSheet(labels.get("sheet.districts")), styles, labels, rules,
							month, neighbourhoods, now);
					PublicComplexSheet.write(workbook.createSheet(labels.get("sheet.public_complexes")), styles, labels,
							rules, month, complexes, complexFigures);
					NotesSheet.write(workbook.createSheet(labels.get("sheet.notes")), styles, labels, month, store,
							settings, true);
					Object lastDay = store.dataPeriod().get("last_day");
					Pages.mark(workbook, labels.format("neighbourhoods.title", labels.month(month)),
							lastDay instanceof Date d ? d.toLocalDate() : null, labels);
					workbook.write(out);
				}
				finally {
					workbook.dispose();
				}
			}
		});
		return List.of(target);
	}

}
