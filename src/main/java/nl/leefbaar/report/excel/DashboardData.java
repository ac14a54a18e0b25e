package nl.leefbaar.report.excel;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import nl.leefbaar.domain.Category;
import nl.leefbaar.domain.Level;
import nl.leefbaar.indicators.stats.Change;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the month's dashboards show, read once for all of them: the team's dashboard
 * shows all of it, an owner's the part of its complexes ({@link DashboardScope#holds})
 * and the city's aggregates.
 */
final class DashboardData {

	private static final Logger log = LoggerFactory.getLogger(DashboardData.class);

	/**
	 * complex id -> the tested change of its 12-month reports on a year earlier (null:
	 * none).
	 */
	private final Map<String, Optional<Change>> yearChanges = new HashMap<>();

	/** The complexes' figures of the month shown on Complexen (category all). */
	static final List<String> COMPLEX_INDICATORS = List.of("reports", "reports_12m", "report_rate_12m",
			"dwelling_repeat_rate_12m", "days_to_close_median", "open_overdue", "activities", "liveability_index");

	final YearMonth month;

	final List<DashboardStore.Complex> complexes;

	final Map<String, DashboardStore.Complex> complexById = new LinkedHashMap<>();

	/** neighbourhood code -> name. */
	final Map<String, String> neighbourhoodNames;

	/** complex id -> indicator -> figure of month m, category all. */
	final Map<String, Map<String, Figure>> now;

	/** complex id -> indicator -> figure of m - 12 (reports_12m, report_rate_12m). */
	final Map<String, Map<String, Figure>> yearAgo;

	/** complex id -> "indicator|category" -> figure flagged high or elevated. */
	final Map<String, Map<String, Figure>> flagged;

	/** complex id -> its reports in the 12 months to m (NaN where missing). */
	final Map<String, double[]> monthlyReports;

	/** category -> indicator -> the city's figure of m. */
	final Map<String, Map<String, Figure>> city;

	final Map<String, DashboardStore.FunnelStat> funnelStats;

	final List<DashboardStore.Hotspot> hotspots;

	final ScopeSeries citySeries;

	/** owner -> its series. */
	final Map<String, ScopeSeries> ownerSeries = new HashMap<>();

	final List<Map<String, Object>> activities;

	final List<Map<String, Object>> effects;

	List<DwellingRepeats.Dwelling> dwellings;

	/** The last report day the figures rest on (at most the month's last day). */
	final LocalDate dataUntil;

	private DashboardData(YearMonth month, FigureStore figures, DashboardStore store,
			List<DwellingRepeats.Dwelling> dwellings, boolean whole) {
		this.month = month;
		long lap = System.nanoTime();
		this.complexes = store.complexes();
		complexes.forEach(c -> complexById.put(c.id(), c));
		lap = lap("complexes", lap);
		this.neighbourhoodNames = store.neighbourhoodNames();
		this.now = figures.byUnit(month, Level.COMPLEX, Category.ALL, COMPLEX_INDICATORS);
		this.yearAgo = figures.byUnit(month.minusYears(1), Level.COMPLEX, Category.ALL,
				List.of("reports_12m", "report_rate_12m"));
		lap = lap("complex figures", lap);
		this.flagged = store.flagged(month);
		this.city = figures.byCategory(month, Level.CITY, Level.CITY_UNIT,
				List.of("report_rate_12m", "dwelling_repeat_rate_12m"));
		lap = lap("flags, city", lap);
		this.funnelStats = store.funnelStats(month);
		this.hotspots = store.hotspots(month);
		lap = lap("funnel statistics, hotspots", lap);
		this.monthlyReports = whole ? store.monthlyReports(month) : Map.of();
		lap = lap("monthly reports", lap);
		this.citySeries = whole ? ScopeSeries.city(figures, month) : new ScopeSeries(month, Map.of());
		lap = lap("city series", lap);
		if (whole) {
			store
				.ownerSums(month.minusMonths(ScopeSeries.MONTHS - 1), month, ScopeSeries.INDICATORS,
						ScopeSeries.PER_CATEGORY)
				.forEach((owner, sums) -> ownerSeries.put(owner, ScopeSeries.fromSums(month, sums)));
		}
		lap = lap("owners' sums", lap);
		this.activities = whole ? store.activities(month) : List.of();
		this.effects = whole ? store.activityEffects(month) : List.of();
		lap = lap("activities, effects", lap);
		this.dwellings = dwellings;
		LocalDate last = store.lastReportDay();
		this.dataUntil = last == null || !last.isAfter(month.atEndOfMonth()) ? last : month.atEndOfMonth();
	}

	private static long lap(String what, long since) {
		long now = System.nanoTime();
		log.debug("reading {}: {} ms", what, (now - since) / 1_000_000);
		return now;
	}

	/** Everything for the dashboards. */
	static DashboardData load(YearMonth month, FigureStore figures, DashboardStore store,
			List<DwellingRepeats.Dwelling> dwellings) {
		return new DashboardData(month, figures, store, dwellings, true);
	}

	/** What the Aandacht list needs, and no more (AttentionLines). */
	static DashboardData forAttention(YearMonth month, FigureStore figures, DashboardStore store) {
		return new DashboardData(month, figures, store, List.of(), false);
	}

	Map<String, Figure> figures(String complexId) {
		return now.getOrDefault(complexId, Map.of());
	}

	Figure figure(String complexId, String indicator) {
		return Figure.orMissing(figures(complexId).get(indicator));
	}

	Figure yearAgo(String complexId, String indicator) {
		return Figure.orMissing(yearAgo.getOrDefault(complexId, Map.of()).get(indicator));
	}

	/**
	 * The complex's 12-month reports against those of a year earlier, tested once for all
	 * the month's dashboards (AttentionList.yearChange).
	 */
	Change yearChange(String complexId) {
		return yearChanges.computeIfAbsent(complexId, id -> Optional.ofNullable(AttentionList.yearChange(this, id)))
			.orElse(null);
	}

	Figure city(String category, String indicator) {
		return Figure.orMissing(city.getOrDefault(category, Map.of()).get(indicator));
	}

	DashboardStore.FunnelStat funnelStat(String indicator, String category) {
		return funnelStats.getOrDefault(DashboardStore.statKey(Level.COMPLEX.code(), indicator, category),
				DashboardStore.FunnelStat.NONE);
	}

	/** The scope's own series: the city's for the team, the owner's sums otherwise. */
	ScopeSeries series(DashboardScope scope) {
		if (scope.team()) {
			return citySeries;
		}
		return ownerSeries.getOrDefault(scope.owner(), new ScopeSeries(month, Map.of()));
	}

	/** The scope's complexes, in complex id order. */
	List<DashboardStore.Complex> complexes(DashboardScope scope) {
		return complexes.stream().filter(scope::holds).toList();
	}

	Predicate<String> holds(DashboardScope scope) {
		return id -> scope.holds(complexById.get(id));
	}

	/** The neighbourhoods in which the scope has a complex. */
	Set<String> neighbourhoods(DashboardScope scope) {
		Set<String> codes = new HashSet<>();
		complexes(scope).forEach(c -> codes.add(c.neighbourhoodCode()));
		return codes;
	}

	/** complex id -> its hotspot categories, in the hotspot list's order. */
	Map<String, List<String>> hotspotCategories() {
		Map<String, List<String>> result = new HashMap<>();
		for (DashboardStore.Hotspot hotspot : hotspots) {
			result.computeIfAbsent(hotspot.complexId(), k -> new ArrayList<>()).add(hotspot.category());
		}
		return result;
	}

}
