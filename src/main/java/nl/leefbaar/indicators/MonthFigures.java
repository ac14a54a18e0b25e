package nl.leefbaar.indicators;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import nl.leefbaar.domain.Category;
import nl.leefbaar.domain.Level;
import nl.leefbaar.indicators.MonthFacts.Activities;
import nl.leefbaar.indicators.MonthFacts.DaysToClose;
import nl.leefbaar.indicators.stats.FunnelFlag;
import nl.leefbaar.indicators.stats.FunnelResult;
import nl.leefbaar.indicators.stats.FunnelUnit;
import nl.leefbaar.indicators.stats.Funnels;
import nl.leefbaar.indicators.stats.IndexComponent;
import nl.leefbaar.indicators.stats.IndexFigures;
import nl.leefbaar.indicators.stats.IndexReference;
import nl.leefbaar.indicators.stats.LiveabilityIndex;
import nl.leefbaar.system.LeefbaarProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The figures of one month from the aggregates that {@link FactTables} left: rates,
 * shares and their intervals, funnel flags and the liveability index. Statistics only;
 * nothing here touches a single report. Figures go to writers one by one (one writer per
 * thread, each given whole units), so a month of a large city is never held as a whole.
 */
final class MonthFigures {

	private static final Logger log = LoggerFactory.getLogger(MonthFigures.class);

	/** The levels whose units are compared with each other (the city is not). */
	private static final List<Level> COMPARED = List.of(Level.COMPLEX, Level.NEIGHBOURHOOD);

	private static final List<Indicator> FLAGGED = List.of(Indicator.REPORT_RATE_12M,
			Indicator.DWELLING_REPEAT_RATE_12M, Indicator.CLOSED_WITHIN_TARGET_SHARE);

	/** A row of funnel_stat. */
	record FunnelStat(Level level, String category, Indicator indicator, FunnelResult result) {
	}

	/**
	 * A row of index_component: the four components of a unit's index (null where
	 * missing).
	 */
	record Components(Unit unit, Map<IndexComponent, Double> figures) {
	}

	/** What the month's computation leaves besides its figures. */
	record Result(List<FunnelStat> funnelStats, List<Components> components) {
	}

	/**
	 * Whether the data reach far enough back for repeats of the month and of its 12
	 * months, and for the month's hotspots.
	 */
	record Lookback(boolean month, boolean twelveMonths, boolean hotspots) {
	}

	/**
	 * A funnel to compute: a level, a category (its position) and a flagged indicator.
	 */
	private record Funnel(Level level, int category, Indicator indicator) {
	}

	private final JdbcTemplate jdbc;

	/** The session that holds close_percentiles (FactTables.awaitPercentiles). */
	private final JdbcTemplate percentilesSession;

	private final boolean overdispersion;

	private final int hotspotMinReports;

	private final List<Unit> units;

	/** The canonical categories and {@code all}. */
	private final List<String> categories;

	MonthFigures(JdbcTemplate jdbc, JdbcTemplate percentilesSession, LeefbaarProperties.Indicators settings,
			List<Unit> units) {
		this.jdbc = jdbc;
		this.percentilesSession = percentilesSession;
		this.overdispersion = settings.overdispersion();
		this.hotspotMinReports = settings.hotspotMinReports();
		this.units = units;
		this.categories = new ArrayList<>(Category.codes());
		this.categories.add(Category.ALL);
	}

	/**
	 * @param reference the complexes' components of the reference December, or null when
	 * the reference year is not in the data yet (then every index is missing); when
	 * {@code isReferenceMonth}, this month's own complexes are the reference
	 * @param writers gives a new writer for each thread that computes figures
	 */
	Result compute(YearMonth month, Lookback lookback, List<Components> reference, boolean isReferenceMonth,
			Supplier<Consumer<Figure>> writers) {
		long started = System.nanoTime();
		MonthFacts facts = MonthFacts.read(jdbc, percentilesSession, month, units, categories, hotspotMinReports);
		long read = System.nanoTime();
		List<FunnelStat> stats = funnels(facts, lookback);
		Flags flags = new Flags(stats);
		long funnelled = System.nanoTime();
		List<Components> components = components(facts, lookback);
		List<Components> referenceComplexes = isReferenceMonth ? components : reference;
		IndexReference indexReference = referenceComplexes == null ? null
				: IndexReference.of(referenceComplexes.stream()
					.filter(c -> c.unit().level() == Level.COMPLEX)
					.map(c -> new IndexFigures(c.unit().dwellings(), present(c.figures())))
					.toList());
		// The units' figures in as many contiguous parts as there are cores, each part on
		// its own thread with its own writer: nothing below writes what another part
		// reads.
		int parts = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), units.size()));
		IntStream.range(0, parts).parallel().forEach(part -> {
			Consumer<Figure> out = writers.get();
			for (int unitIndex = part * units.size() / parts; unitIndex < (part + 1) * units.size()
					/ parts; unitIndex++) {
				writeUnit(unitIndex, facts, flags, components.get(unitIndex), indexReference, lookback, out);
			}
		});
		log.debug("{}: facts read in {} ms, funnels in {} ms, figures in {} ms", month, (read - started) / 1_000_000,
				(funnelled - read) / 1_000_000, (System.nanoTime() - funnelled) / 1_000_000);
		return new Result(stats, components);
	}

	/**
	 * The funnels of every compared level, category and flagged indicator (they need all
	 * units of a level), computed in parallel and kept in order.
	 */
	private List<FunnelStat> funnels(MonthFacts facts, Lookback lookback) {
		List<Funnel> funnels = new ArrayList<>();
		for (Level level : COMPARED) {
			for (int category = 0; category < categories.size(); category++) {
				for (Indicator indicator : FLAGGED) {
					if (indicator != Indicator.DWELLING_REPEAT_RATE_12M || lookback.twelveMonths()) {
						funnels.add(new Funnel(level, category, indicator));
					}
				}
			}
		}
		return funnels.parallelStream()
			.map(f -> new FunnelStat(f.level(), categories.get(f.category()), f.indicator(),
					funnel(f.level(), f.category(), f.indicator(), facts)))
			.toList();
	}

	/**
	 * The funnel of one level, category (its position) and flagged indicator over the
	 * units that have a figure.
	 */
	private FunnelResult funnel(Level level, int categoryIndex, Indicator indicator, MonthFacts facts) {
		List<FunnelUnit> funnelUnits = new ArrayList<>();
		for (int unitIndex = 0; unitIndex < units.size(); unitIndex++) {
			Unit u = units.get(unitIndex);
			if (u.level() != level) {
				continue;
			}
			Facts f = facts.facts(unitIndex, categoryIndex);
			switch (indicator) {
				case REPORT_RATE_12M -> {
					if (u.dwellings() > 0) {
						funnelUnits.add(new FunnelUnit(u.id(), f.reports12(), u.dwellings()));
					}
				}
				case DWELLING_REPEAT_RATE_12M -> {
					if (f.dwReports12() > 0) {
						funnelUnits.add(new FunnelUnit(u.id(), f.dwRepeats12(), f.dwReports12()));
					}
				}
				default -> {
					if (f.closed() > 0) {
						funnelUnits.add(new FunnelUnit(u.id(), f.within(), f.closed()));
					}
				}
			}
		}
		return indicator == Indicator.REPORT_RATE_12M ? Funnels.rates(funnelUnits, overdispersion)
				: Funnels.shares(funnelUnits, overdispersion);
	}

	/** Every unit's index components, in the units' order. */
	private List<Components> components(MonthFacts facts, Lookback lookback) {
		List<Components> components = new ArrayList<>(units.size());
		int all = categories.indexOf(Category.ALL);
		for (int unitIndex = 0; unitIndex < units.size(); unitIndex++) {
			Unit u = units.get(unitIndex);
			Facts f = facts.facts(unitIndex, all);
			Map<IndexComponent, Double> figures = new EnumMap<>(IndexComponent.class);
			figures.put(IndexComponent.REPORT_RATE_12M,
					u.dwellings() > 0 ? 100.0 * f.reports12() / u.dwellings() : null);
			figures.put(IndexComponent.DWELLING_REPEAT_RATE_12M,
					lookback.twelveMonths() && f.dwReports12() > 0 ? (double) f.dwRepeats12() / f.dwReports12() : null);
			figures.put(IndexComponent.CLOSED_WITHIN_TARGET_SHARE_12M,
					f.closed12() > 0 ? (double) f.within12() / f.closed12() : null);
			figures.put(IndexComponent.PARTICIPATION_RATE_12M,
					u.dwellings() > 0 ? 100.0 * facts.activities(unitIndex).participants12() / u.dwellings() : null);
			components.add(new Components(u, figures));
		}
		return components;
	}

	/** Every figure of one unit, category by category, with its funnel flag. */
	private void writeUnit(int unitIndex, MonthFacts facts, Flags flags, Components own, IndexReference indexReference,
			Lookback lookback, Consumer<Figure> out) {
		Unit u = units.get(unitIndex);
		int compared = COMPARED.indexOf(u.level());
		for (int categoryIndex = 0; categoryIndex < categories.size(); categoryIndex++) {
			String code = categories.get(categoryIndex);
			for (Indicator indicator : Indicator.values()) {
				if (!indicator.appliesTo(u.level()) || !indicator.hasCategory(code)) {
					continue;
				}
				Figure figure = figure(indicator, unitIndex, categoryIndex, facts, own, indexReference, lookback);
				FunnelFlag flag = flags.of(compared, categoryIndex, indicator, u.id());
				out.accept(flag == null ? figure : UnitFigures.flagged(figure, flag.code()));
			}
		}
	}

	private Figure figure(Indicator indicator, int unitIndex, int categoryIndex, MonthFacts facts, Components own,
			IndexReference indexReference, Lookback lookback) {
		Unit u = units.get(unitIndex);
		String code = categories.get(categoryIndex);
		Facts f = facts.facts(unitIndex, categoryIndex);
		Activities activities = facts.activities(unitIndex);
		return switch (indicator) {
			case REPORTS -> UnitFigures.reportCount(u, code, indicator, f.reports());
			case REPORTS_12M -> UnitFigures.reportCount(u, code, indicator, f.reports12());
			case REPORT_RATE -> UnitFigures.rate(u, code, indicator, f.reports());
			case REPORT_RATE_12M -> UnitFigures.rate(u, code, indicator, f.reports12());
			case REPEAT_RATE -> UnitFigures.repeat(u, code, indicator, f.repeats(), f.reports(), lookback.month());
			case REPEAT_RATE_12M ->
				UnitFigures.repeat(u, code, indicator, f.repeats12(), f.reports12(), lookback.twelveMonths());
			case DWELLING_REPEAT_RATE ->
				UnitFigures.repeat(u, code, indicator, f.dwRepeats(), f.dwReports(), lookback.month());
			case DWELLING_REPEAT_RATE_12M ->
				UnitFigures.repeat(u, code, indicator, f.dwRepeats12(), f.dwReports12(), lookback.twelveMonths());
			case HOTSPOTS -> lookback.hotspots() ? UnitFigures.count(u, code, indicator, f.hotspots())
					: UnitFigures.missing(u, code, indicator);
			case CONCENTRATION_TOP10_12M -> UnitFigures.share(u, code, indicator, facts.concentration(unitIndex).top(),
					facts.concentration(unitIndex).total());
			case DAYS_TO_CLOSE_MEDIAN, DAYS_TO_CLOSE_P90 -> {
				DaysToClose days = facts.daysToClose(unitIndex, categoryIndex);
				Double value = days == null ? null
						: indicator == Indicator.DAYS_TO_CLOSE_MEDIAN ? days.median() : days.p90();
				yield UnitFigures.daysToClose(u, code, indicator, value, f.closed());
			}
			case CLOSED_WITHIN_TARGET_SHARE -> UnitFigures.share(u, code, indicator, f.within(), f.closed());
			case OPEN_OVERDUE -> UnitFigures.count(u, code, indicator, f.overdue());
			case FOLLOW_UP_SHARE -> UnitFigures.share(u, code, indicator, f.followUps(), f.reports());
			case ACTIVITIES -> UnitFigures.count(u, code, indicator, activities.activities());
			case PARTICIPANTS -> UnitFigures.count(u, code, indicator, activities.participants());
			case PARTICIPATION_RATE_12M -> UnitFigures.rate(u, code, indicator, activities.participants12());
			case LIVEABILITY_INDEX -> UnitFigures.index(u, code, indicator,
					indexReference == null ? null : LiveabilityIndex.index(present(own.figures()), indexReference));
		};
	}

	private static Map<IndexComponent, Double> present(Map<IndexComponent, Double> figures) {
		Map<IndexComponent, Double> present = new EnumMap<>(IndexComponent.class);
		figures.forEach((component, value) -> {
			if (value != null) {
				present.put(component, value);
			}
		});
		return present;
	}

	/**
	 * The funnel flags as the funnels gave them (unit id to flag), per compared level,
	 * category and flagged indicator, so that a figure looks up a flag only for the three
	 * flagged indicators.
	 */
	private final class Flags {

		private final Map<String, FunnelFlag>[][][] flags;

		@SuppressWarnings("unchecked")
		Flags(List<FunnelStat> stats) {
			flags = new Map[COMPARED.size()][categories.size()][FLAGGED.size()];
			for (FunnelStat stat : stats) {
				flags[COMPARED.indexOf(stat.level())][categories.indexOf(stat.category())][FLAGGED
					.indexOf(stat.indicator())] = stat.result().flags();
			}
		}

		/** The flag of a unit (its level's position in COMPARED, or -1), or null. */
		FunnelFlag of(int compared, int categoryIndex, Indicator indicator, String unitId) {
			int flagged = FLAGGED.indexOf(indicator);
			Map<String, FunnelFlag> levelFlags = compared < 0 || flagged < 0 ? null
					: flags[compared][categoryIndex][flagged];
			return levelFlags == null ? null : levelFlags.get(unitId);
		}

	}

}
