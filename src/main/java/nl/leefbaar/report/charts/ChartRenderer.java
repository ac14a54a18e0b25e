package nl.leefbaar.report.charts;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import nl.leefbaar.report.ReportWriter.ReportScope;
import nl.leefbaar.report.charts.Figures.Concentration;
import nl.leefbaar.report.charts.Figures.Effect;
import nl.leefbaar.report.charts.Figures.Funnel;
import nl.leefbaar.report.charts.Figures.FunnelPoint;
import nl.leefbaar.report.charts.Figures.Ranking;
import nl.leefbaar.report.charts.Figures.RateTrend;
import nl.leefbaar.report.charts.Figures.RepeatTrend;
import nl.leefbaar.report.charts.ChartStyle.Medium;
import nl.leefbaar.report.charts.Figures.MapUnit;
import nl.leefbaar.report.charts.NeighbourhoodBoundaries.Boundaries;
import nl.leefbaar.system.LeefbaarProperties;
import org.jfree.chart.JFreeChart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Builds the seminar charts of a month: figures from the database, then one JFreeChart
 * each. The charts writer, the deck writer and the workbooks (funnel image) all take
 * their charts from here.
 */
@Component
public class ChartRenderer {

	/** A built chart with the file name (without extension) it is written under. */
	public record NamedChart(String name, JFreeChart chart) {
	}

	/**
	 * Everything one month's charts show, so that takeaways use exactly the plotted
	 * figures.
	 */
	public record ChartSet(Labels labels, YearMonth month, String scopeLabel, RateTrend rateTrend,
			RepeatTrend repeatTrend, Funnel funnel, Ranking ranking, List<Effect> effects, Concentration concentration,
			List<MapUnit> mapUnits, Boundaries boundaries, List<NamedChart> charts) {

		ChartSet withCharts(List<NamedChart> charts) {
			return new ChartSet(labels, month, scopeLabel, rateTrend, repeatTrend, funnel, ranking, effects,
					concentration, mapUnits, boundaries, charts);
		}

		/**
		 * The chart of that name, or null when this set has none (a map without
		 * boundaries).
		 */
		public NamedChart chart(String name) {
			return charts.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
		}
	}

	/**
	 * The charts of one request rendered as PNG (2x) and SVG, by chart name, in slide
	 * order.
	 */
	public record Rendered(ChartSet set, Map<String, byte[]> png, Map<String, byte[]> svg) {
	}

	private record Key(YearMonth month, Locale locale, ReportScope scope, Object computedAt, Path input,
			LeefbaarProperties.Indicators settings) {
	}

	private record Cached(Key key, Rendered rendered, long at) {
	}

	private static final Logger log = LoggerFactory.getLogger(ChartRenderer.class);

	/**
	 * The report step calls the charts writer and the deck writer within seconds of each
	 * other.
	 */
	private static final long CACHE_NANOS = 5L * 60 * 1_000_000_000;

	/**
	 * Published when a month's charts start to be built, so that other writers (the deck)
	 * can warm up their libraries on the second core meanwhile.
	 */
	public record RenderingStarted(YearMonth month) {
	}

	private final ChartFigures figures;

	private final TrendFigures trends;

	private final ApplicationEventPublisher events;

	private final AtomicReference<Cached> last = new AtomicReference<>();

	static final int PNG_WIDTH = 2 * ChartStyle.WIDTH;
	static final int PNG_HEIGHT = 2 * ChartStyle.HEIGHT;

	private final NeighbourhoodBoundaries boundaries;

	public ChartRenderer(ChartFigures figures, TrendFigures trends, ApplicationEventPublisher events,
			NeighbourhoodBoundaries boundaries) {
		this.figures = figures;
		this.trends = trends;
		this.events = events;
		this.boundaries = boundaries;
	}

	/**
	 * The month's charts, built and rendered once for the charts writer and the deck
	 * writer together: the last result is kept for a few minutes, keyed by month,
	 * language, scope, the month's computed_at, the input folder and the settings, so
	 * that a recomputed month is never drawn from stale figures. The maps' boundaries
	 * come from {@code neighbourhoods.geojson} in the input folder (null: the latest
	 * import's); the run's settings give the windows the charts state.
	 */
	public Rendered rendered(YearMonth month, Locale locale, ReportScope scope, Path input,
			LeefbaarProperties.Indicators settings) {
		Key key = new Key(month, locale == null ? Locale.ROOT : locale, scope == null ? ReportScope.CITY : scope,
				figures.computedAt(month), input, settings);
		Cached cached = last.get();
		if (cached != null && cached.key().equals(key) && System.nanoTime() - cached.at() < CACHE_NANOS) {
			return cached.rendered();
		}
		events.publishEvent(new RenderingStarted(month));
		long start = System.nanoTime();
		ChartSet set = build(month, locale, scope, Medium.FILE, input, settings);
		long built = System.nanoTime();
		// Each chart is its own object graph, so the two cores can draw two charts at
		// once.
		List<byte[][]> images = set.charts().parallelStream().map(ChartRenderer::render).toList();
		Map<String, byte[]> png = new LinkedHashMap<>();
		Map<String, byte[]> svg = new LinkedHashMap<>();
		for (int i = 0; i < images.size(); i++) {
			png.put(set.charts().get(i).name(), images.get(i)[0]);
			svg.put(set.charts().get(i).name(), images.get(i)[1]);
		}
		log.debug("charts {}: figures {} ms, rendering {} ms", month, (built - start) / 1_000_000,
				(System.nanoTime() - built) / 1_000_000);
		Rendered rendered = new Rendered(set, png, svg);
		last.set(new Cached(key, rendered, System.nanoTime()));
		return rendered;
	}

	private static byte[][] render(NamedChart chart) {
		long start = System.nanoTime();
		byte[] png = ChartImages.png(chart.chart(), PNG_WIDTH, PNG_HEIGHT);
		long middle = System.nanoTime();
		byte[] svg = ChartImages.svg(chart.chart(), ChartStyle.WIDTH, ChartStyle.HEIGHT);
		log.debug("chart {}: png {} ms, svg {} ms", chart.name(), (middle - start) / 1_000_000,
				(System.nanoTime() - middle) / 1_000_000);
		return new byte[][] { png, svg };
	}

	/**
	 * The month's figures and charts drawn for the medium: for a file each chart's title
	 * is its takeaway, on a slide the slide's title is.
	 */
	public ChartSet build(YearMonth month, Locale locale, ReportScope scope, Medium medium, Path input,
			LeefbaarProperties.Indicators settings) {
		Labels labels = new Labels(locale);
		String scopeLabel = labels.scope(scope, figures.neighbourhoodName(scope));
		String source = labels.source(month);
		List<YearMonth> months = TrendFigures.trendMonths(month);
		String trendPeriod = scopeLabel + " · "
				+ labels.get("period.months", labels.month(months.get(0)), labels.month(month));
		String twelvePeriod = scopeLabel + " · " + labels.get("period.12m", labels.month(month));

		// The two queries over all complexes run beside the others (two connections, two
		// cores).
		CompletableFuture<Funnel> funnelQuery = CompletableFuture.supplyAsync(() -> figures.funnel(month, scope));
		CompletableFuture<Concentration> concentrationQuery = CompletableFuture
			.supplyAsync(() -> figures.concentration(month, scope));
		RateTrend rateTrend = trends.rateTrend(month, scope);
		RepeatTrend repeatTrend = trends.repeatTrend(month, scope);
		Ranking ranking = figures.ranking(month, scope);
		List<Effect> effects = figures.effects(month);
		Funnel funnel = funnelQuery.join();
		Concentration concentration = concentrationQuery.join();

		boolean city = ChartFigures.isCity(scope);
		List<MapUnit> mapUnits = city ? figures.mapUnits(month) : List.of();
		Boundaries areas = city ? boundaries.load(input) : Boundaries.absent("not drawn for a scope");
		ChartSet set = new ChartSet(labels, month, scopeLabel, rateTrend, repeatTrend, funnel, ranking, effects,
				concentration, mapUnits, areas, List.of());
		Function<String, String> title = name -> Takeaways.of(name, set);

		List<NamedChart> charts = new ArrayList<>();
		charts.add(new NamedChart("rate-trend", RateTrendChart.chart(RateTrendChart.dataset(rateTrend), labels,
				title.apply("rate-trend"), trendPeriod, Takeaways.rateNote(set, labels), source, medium)));
		charts.add(new NamedChart("repeat-trend",
				RepeatTrendChart.chart(RepeatTrendChart.dataset(repeatTrend), months, labels,
						title.apply("repeat-trend"), trendPeriod,
						Takeaways.repeatNote(set, labels, settings.repeatWindowDays()), source, medium)));
		charts.add(new NamedChart("funnel",
				funnelChart(funnel, labels, title.apply("funnel"), twelvePeriod, source, medium)));
		charts.add(new NamedChart("ranking",
				RankingChart.chart(
						RankingChart.dataset(ranking,
								medium == ChartStyle.Medium.SLIDE ? RankingChart.MAX_SLIDE_UNITS
										: RankingChart.MAX_UNITS),
						ranking, labels, title.apply("ranking"), twelvePeriod, source, medium)));
		if (areas.present()) {
			String missing = MapChart.missingNote(areas, mapUnits, labels);
			charts.add(new NamedChart("map-report-rate",
					MapChart.chart(title.apply("map-report-rate"),
							MapChart.flagAreas(areas, mapUnits, labels, MapUnit::rateFlag, MapUnit::rate,
									v -> labels.number(v, 1)),
							MapChart.flagClasses(labels), labels,
							labels.get("map.rate.subtitle", labels.get("period.12m", labels.month(month))), missing,
							source, medium)));
			charts.add(new NamedChart("map-repeat-rate",
					MapChart.chart(title.apply("map-repeat-rate"),
							MapChart.flagAreas(areas, mapUnits, labels, MapUnit::repeatFlag, MapUnit::repeat,
									v -> labels.percent(v, 0)),
							MapChart.flagClasses(labels), labels,
							labels.get("map.repeat.subtitle", labels.get("period.12m", labels.month(month))), missing,
							source, medium)));
			charts.add(new NamedChart("map-index",
					MapChart.chart(title.apply("map-index"), MapChart.indexAreas(areas, mapUnits, labels),
							MapChart.bandClasses(labels), labels,
							labels.get("map.index.subtitle", labels.get("period.12m", labels.month(month))), missing,
							source, medium)));
		}
		charts.add(new NamedChart("activity-effect",
				EffectChart.chart(EffectChart.dataset(effects), labels, title.apply("activity-effect"),
						effectPeriod(labels, month, settings.effectWindowDays()), source, medium)));
		charts.add(new NamedChart("concentration", ConcentrationChart.chart(ConcentrationChart.dataset(concentration),
				concentration, labels, title.apply("concentration"), twelvePeriod, source, medium)));
		return set.withCharts(List.copyOf(charts));
	}

	/** The funnel plot as PNG, for the workbooks: drawn at 2x scale like every chart. */
	public byte[] funnelPlotPng(YearMonth month, Locale locale, ReportScope scope, int widthPx, int heightPx) {
		Labels labels = new Labels(locale);
		String scopeLabel = labels.scope(scope, figures.neighbourhoodName(scope));
		String period = scopeLabel + " · " + labels.get("period.12m", labels.month(month));
		Funnel funnel = figures.funnel(month, scope);
		JFreeChart chart = funnelChart(funnel, labels, Takeaways.funnel(funnel, labels), period, labels.source(month),
				Medium.FILE);
		return ChartImages.png(chart, widthPx, heightPx);
	}

	/**
	 * The funnel plot of the scope's complexes alone, against the city's limits and
	 * average: no other complex is drawn (an owner's dashboard, outputs.md).
	 */
	public byte[] funnelPlotPngOf(YearMonth month, Locale locale, ReportScope scope, int widthPx, int heightPx) {
		Labels labels = new Labels(locale);
		String period = labels.scope(scope, null) + " · " + labels.get("period.12m", labels.month(month));
		Funnel funnel = figures.funnel(month, scope).scopeOnly();
		JFreeChart chart = funnelChart(funnel, labels, Takeaways.funnel(funnel, labels), period, labels.source(month),
				Medium.FILE);
		return ChartImages.png(chart, widthPx, heightPx);
	}

	private static JFreeChart funnelChart(Funnel funnel, Labels labels, String title, String period, String source,
			Medium medium) {
		FunnelChart.Datasets data = FunnelChart.dataset(funnel);
		long complexes = funnel.points().stream().filter(FunnelPoint::inScope).count();
		return FunnelChart.chart(data, funnel, labels, title == null ? labels.get("funnel.title") : title,
				period + " · " + labels.get("funnel.count", complexes), funnelNote(funnel, labels, data), source,
				medium);
	}

	/**
	 * "Hele stad · activiteiten van maart 2024 t/m oktober 2026": the pooled effects'
	 * real period.
	 */
	private String effectPeriod(Labels labels, YearMonth month, int effectWindowDays) {
		LocalDate[] span = figures.effectSpan(month);
		String scope = labels.get("scope.city");
		if (span == null) {
			return scope + " · " + labels.get("period.month", labels.month(month));
		}
		return scope + " · " + labels.get("effect.period", labels.day(span[0]), labels.day(span[1]), effectWindowDays);
	}

	static String funnelNote(Funnel funnel, Labels labels, FunnelChart.Datasets data) {
		String phi = funnel.phi() == null ? "-" : labels.number(funnel.phi(), 2);
		String tau2 = funnel.tau2() == null ? "-" : labels.number(funnel.tau2(), 4);
		String note = labels.get(funnel.adjusted() ? "funnel.note.adjusted" : "funnel.note.poisson", phi, tau2);
		if (data.flaggedUnlabelled() > 0) {
			note = note.substring(0, note.length() - 1) + labels.get("funnel.note.more", data.flaggedUnlabelled())
					+ ".";
		}
		return note;
	}

}
