package nl.leefbaar.indicators;

import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import nl.leefbaar.domain.Category;
import nl.leefbaar.domain.Level;
import nl.leefbaar.indicators.stats.FunnelFlag;
import nl.leefbaar.indicators.stats.FunnelResult;
import nl.leefbaar.indicators.stats.FunnelUnit;
import nl.leefbaar.indicators.stats.Funnels;
import nl.leefbaar.indicators.stats.IndexComponent;
import nl.leefbaar.indicators.stats.IndexFigures;
import nl.leefbaar.indicators.stats.IndexReference;
import nl.leefbaar.indicators.stats.Interval;
import nl.leefbaar.indicators.stats.Intervals;
import nl.leefbaar.indicators.stats.LiveabilityIndex;
import nl.leefbaar.system.LeefbaarProperties;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The figures of one month from the aggregates that {@link FactTables} left: rates,
 * shares and their intervals, funnel flags and the liveability index. Statistics only;
 * nothing here touches a single report. Figures go to writers one by one (one writer per
 * thread, each given whole units), so a month of a large city is never held as a whole.
 */
final class MonthFigures {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MonthFigures.class);

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
	 * months.
	 */
	record Lookback(boolean month, boolean twelveMonths) {
	}

	/**
	 * Garwood limits need two chi-square quantiles each (iterative); counts repeat, so
	 * keep them.
	 */
	private static final Map<Long, Interval> GARWOOD = new java.util.concurrent.ConcurrentHashMap<>();

	private final JdbcTemplate jdbc;

	/** The session that holds ind_pct (FactTables.awaitPercentiles). */
	private final JdbcTemplate percentilesSession;

	private final boolean overdispersion;

	private final int hotspotMinReports;

	private final List<Unit> units;

	MonthFigures(JdbcTemplate jdbc, JdbcTemplate percentilesSession, LeefbaarProperties.Indicators settings,
			List<Unit> units) {
		this.jdbc = jdbc;
		this.percentilesSession = percentilesSession;
		this.overdispersion = settings.overdispersion();
		this.hotspotMinReports = settings.hotspotMinReports();
		this.units = units;
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
		Date period = Date.valueOf(month.atDay(1));
		List<String> categories = new ArrayList<>(Category.codes());
		categories.add(Category.ALL);
		// A unit's facts and percentiles by its position in units and the category's in
		// categories: every figure reads them, and hash lookups with concatenated string
		// keys
		// were the top of the profile (a month of 20,000 complexes looks them up millions
		// of times).
		Map<String, Map<String, Integer>> positions = new HashMap<>();
		for (int i = 0; i < units.size(); i++) {
			positions.computeIfAbsent(units.get(i).level().code(), level -> new HashMap<>()).put(units.get(i).id(), i);
		}
		Facts[][] facts = new Facts[units.size()][categories.size()];
		for (Facts[] unitFacts : facts) {
			Arrays.fill(unitFacts, Facts.NONE);
		}
		double[][][] percentiles = new double[units.size()][categories.size()][];
		// Read on their own session, beside the unit facts on this one.
		CompletableFuture<Void> percentilesRead = CompletableFuture.runAsync(() -> percentilesSession
			.query("select level, unit_id, category, median, p90 from ind_pct where month = ?", rs -> {
				Integer at = position(positions, rs.getString(1), rs.getString(2));
				int category = categories.indexOf(rs.getString(3));
				if (at != null && category >= 0) {
					percentiles[at][category] = new double[] { rs.getDouble(4), rs.getDouble(5) };
				}
			}, period));
		jdbc.query(FactTables.UNIT_FACTS, rs -> {
			Integer at = position(positions, rs.getString(1), rs.getString(2));
			int category = categories.indexOf(rs.getString(3));
			if (at != null && category >= 0) {
				facts[at][category] = Facts.of(rs);
			}
		}, hotspotMinReports, period, period);
		join(percentilesRead);
		long[][] concentration = new long[units.size()][];
		jdbc.query("select level, unit_id, top, total from ind_conc where month = ?", rs -> {
			Integer at = position(positions, rs.getString(1), rs.getString(2));
			if (at != null) {
				concentration[at] = new long[] { rs.getLong(3), rs.getLong(4) };
			}
		}, period);
		long[][] activities = new long[units.size()][];
		jdbc.query("select level, unit_id, activities, participants, participants_12m from ind_act where month = ?",
				rs -> {
					Integer at = position(positions, rs.getString(1), rs.getString(2));
					if (at != null) {
						activities[at] = new long[] { rs.getLong(3), rs.getLong(4), rs.getLong(5) };
					}
				}, period);
		for (int at = 0; at < units.size(); at++) {
			concentration[at] = concentration[at] == null ? new long[2] : concentration[at];
			activities[at] = activities[at] == null ? new long[3] : activities[at];
		}
		long read = System.nanoTime();
		// Funnel flags first (they need all units of a level), then the rows unit by
		// unit. The
		// flags are kept per level, category and indicator as the funnel gave them (unit
		// id to
		// flag), so the row loop looks up a flag only for the three flagged indicators.
		// Each
		// funnel is independent of the others: they are computed in parallel, kept in
		// order.
		record Funnel(Level level, int category, Indicator indicator) {
		}
		List<Funnel> funnels = new ArrayList<>();
		for (Level level : COMPARED) {
			for (int ci = 0; ci < categories.size(); ci++) {
				for (Indicator indicator : FLAGGED) {
					if (indicator != Indicator.DWELLING_REPEAT_RATE_12M || lookback.twelveMonths()) {
						funnels.add(new Funnel(level, ci, indicator));
					}
				}
			}
		}
		List<FunnelStat> stats = funnels.parallelStream()
			.map(f -> new FunnelStat(f.level(), categories.get(f.category()), f.indicator(),
					funnel(f.level(), f.category(), f.indicator(), facts)))
			.toList();
		@SuppressWarnings("unchecked")
		Map<String, FunnelFlag>[][][] flags = new Map[COMPARED.size()][categories.size()][FLAGGED.size()];
		for (FunnelStat stat : stats) {
			flags[COMPARED.indexOf(stat.level())][categories.indexOf(stat.category())][FLAGGED
				.indexOf(stat.indicator())] = stat.result().flags();
		}

		long funnelled = System.nanoTime();
		List<Components> components = new ArrayList<>(units.size());
		int allCategories = categories.indexOf(Category.ALL);
		for (int at = 0; at < units.size(); at++) {
			Unit unit = units.get(at);
			Facts all = facts[at][allCategories];
			long[] act = activities[at];
			Map<IndexComponent, Double> figures = new EnumMap<>(IndexComponent.class);
			figures.put(IndexComponent.REPORT_RATE_12M,
					unit.dwellings() > 0 ? 100.0 * all.reports12() / unit.dwellings() : null);
			figures.put(IndexComponent.DWELLING_REPEAT_RATE_12M, lookback.twelveMonths() && all.dwReports12() > 0
					? (double) all.dwRepeats12() / all.dwReports12() : null);
			figures.put(IndexComponent.CLOSED_WITHIN_TARGET_SHARE_12M,
					all.closed12() > 0 ? (double) all.within12() / all.closed12() : null);
			figures.put(IndexComponent.PARTICIPATION_RATE_12M,
					unit.dwellings() > 0 ? 100.0 * act[2] / unit.dwellings() : null);
			components.add(new Components(unit, figures));
		}
		List<Components> referenceComplexes = isReferenceMonth ? components : reference;
		IndexReference indexReference = referenceComplexes == null ? null
				: IndexReference.of(referenceComplexes.stream()
					.filter(c -> c.unit().level() == Level.COMPLEX)
					.map(c -> new IndexFigures(c.unit().dwellings(), present(c.figures())))
					.toList());

		// The units' figures in as many contiguous parts as there are cores, each part on
		// its
		// own thread with its own writer: nothing below writes what another part reads.
		Indicator[] indicators = Indicator.values();
		int parts = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), units.size()));
		IntStream.range(0, parts).parallel().forEach(part -> {
			Consumer<Figure> out = writers.get();
			for (int at = part * units.size() / parts; at < (part + 1) * units.size() / parts; at++) {
				Unit unit = units.get(at);
				Components own = components.get(at);
				int compared = COMPARED.indexOf(unit.level());
				for (int ci = 0; ci < categories.size(); ci++) {
					String category = categories.get(ci);
					Facts f = facts[at][ci];
					double[] p = percentiles[at][ci];
					for (Indicator indicator : indicators) {
						if (!indicator.appliesTo(unit.level()) || !indicator.hasCategory(category)) {
							continue;
						}
						Figure figure = switch (indicator) {
							case REPORTS -> reportCount(unit, category, indicator, f.reports());
							case REPORTS_12M -> reportCount(unit, category, indicator, f.reports12());
							case REPORT_RATE -> rate(unit, category, indicator, f.reports());
							case REPORT_RATE_12M -> rate(unit, category, indicator, f.reports12());
							case REPEAT_RATE ->
								repeat(unit, category, indicator, f.repeats(), f.reports(), lookback.month());
							case REPEAT_RATE_12M -> repeat(unit, category, indicator, f.repeats12(), f.reports12(),
									lookback.twelveMonths());
							case DWELLING_REPEAT_RATE ->
								repeat(unit, category, indicator, f.dwRepeats(), f.dwReports(), lookback.month());
							case DWELLING_REPEAT_RATE_12M -> repeat(unit, category, indicator, f.dwRepeats12(),
									f.dwReports12(), lookback.twelveMonths());
							case HOTSPOTS -> count(unit, category, indicator, f.hotspots());
							case CONCENTRATION_TOP10_12M -> {
								long[] c = concentration[at];
								yield share(unit, category, indicator, c[0], c[1]);
							}
							case DAYS_TO_CLOSE_MEDIAN, DAYS_TO_CLOSE_P90 -> {
								Double value = p == null ? null
										: p[indicator == Indicator.DAYS_TO_CLOSE_MEDIAN ? 0 : 1];
								yield new Figure(unit.level(), unit.id(), category, indicator, value, null,
										(double) f.closed(), null, null, null);
							}
							case CLOSED_WITHIN_TARGET_SHARE -> share(unit, category, indicator, f.within(), f.closed());
							case OPEN_OVERDUE -> count(unit, category, indicator, f.overdue());
							case FOLLOW_UP_SHARE -> share(unit, category, indicator, f.followUps(), f.reports());
							case ACTIVITIES -> count(unit, category, indicator, activities[at][0]);
							case PARTICIPANTS -> count(unit, category, indicator, activities[at][1]);
							case PARTICIPATION_RATE_12M -> rate(unit, category, indicator, activities[at][2]);
							case LIVEABILITY_INDEX -> new Figure(unit.level(), unit.id(), category, indicator,
									indexReference == null ? null
											: LiveabilityIndex.index(present(own.figures()), indexReference),
									null, null, null, null, null);
						};
						int flagged = FLAGGED.indexOf(indicator);
						Map<String, FunnelFlag> levelFlags = compared < 0 || flagged < 0 ? null
								: flags[compared][ci][flagged];
						FunnelFlag flag = levelFlags == null ? null : levelFlags.get(unit.id());
						if (flag != null) {
							figure = new Figure(figure.level(), figure.unitId(), figure.category(), figure.indicator(),
									figure.value(), figure.numerator(), figure.denominator(), figure.ciLow(),
									figure.ciHigh(), flag.code());
						}
						out.accept(figure);
					}
				}
			}
		});
		log.debug("{}: facts read in {} ms, funnels in {} ms, figures in {} ms", month, (read - started) / 1_000_000,
				(funnelled - read) / 1_000_000, (System.nanoTime() - funnelled) / 1_000_000);
		return new Result(stats, components);
	}

	/**
	 * A unit's position in units, by its level's code and its id (null for a unit not
	 * there).
	 */
	private static Integer position(Map<String, Map<String, Integer>> positions, String level, String unitId) {
		Map<String, Integer> ofLevel = positions.get(level);
		return ofLevel == null ? null : ofLevel.get(unitId);
	}

	/** Waits for work on another thread, rethrowing its failure as it was. */
	private static void join(CompletableFuture<Void> work) {
		try {
			work.join();
		}
		catch (java.util.concurrent.CompletionException e) {
			if (e.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw e;
		}
	}

	/**
	 * The funnel of one level, category (its position) and flagged indicator over the
	 * units that have a figure.
	 */
	private FunnelResult funnel(Level level, int ci, Indicator indicator, Facts[][] facts) {
		List<FunnelUnit> funnelUnits = new ArrayList<>();
		for (int at = 0; at < units.size(); at++) {
			Unit unit = units.get(at);
			if (unit.level() != level) {
				continue;
			}
			Facts f = facts[at][ci];
			switch (indicator) {
				case REPORT_RATE_12M -> {
					if (unit.dwellings() > 0) {
						funnelUnits.add(new FunnelUnit(unit.id(), f.reports12(), unit.dwellings()));
					}
				}
				case DWELLING_REPEAT_RATE_12M -> {
					if (f.dwReports12() > 0) {
						funnelUnits.add(new FunnelUnit(unit.id(), f.dwRepeats12(), f.dwReports12()));
					}
				}
				default -> {
					if (f.closed() > 0) {
						funnelUnits.add(new FunnelUnit(unit.id(), f.within(), f.closed()));
					}
				}
			}
		}
		return indicator == Indicator.REPORT_RATE_12M ? Funnels.rates(funnelUnits, overdispersion)
				: Funnels.shares(funnelUnits, overdispersion);
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

	private static Figure count(Unit unit, String category, Indicator indicator, long count) {
		return new Figure(unit.level(), unit.id(), category, indicator, (double) count, null, null, null, null, null);
	}

	/** A count of reports with its exact (Garwood) Poisson interval. */
	private static Figure reportCount(Unit unit, String category, Indicator indicator, long count) {
		Interval interval = garwood(count);
		return new Figure(unit.level(), unit.id(), category, indicator, (double) count, null, null, interval.low(),
				interval.high(), null);
	}

	private static Interval garwood(long count) {
		return count < 100_000 ? GARWOOD.computeIfAbsent(count, Intervals::garwood) : Intervals.garwood(count);
	}

	/**
	 * Per 100 dwellings, with the exact Poisson interval of the count scaled like the
	 * rate.
	 */
	private static Figure rate(Unit unit, String category, Indicator indicator, long count) {
		if (unit.dwellings() <= 0) {
			return new Figure(unit.level(), unit.id(), category, indicator, null, (double) count, 0.0, null, null,
					null);
		}
		double scale = 100.0 / unit.dwellings();
		Interval interval = garwood(count);
		return new Figure(unit.level(), unit.id(), category, indicator, count * scale, (double) count, unit.dwellings(),
				interval.low() * scale, interval.high() * scale, null);
	}

	/** x out of n with its Wilson interval; missing when n = 0. */
	private static Figure share(Unit unit, String category, Indicator indicator, long x, long n) {
		if (n == 0) {
			return new Figure(unit.level(), unit.id(), category, indicator, null, (double) x, 0.0, null, null, null);
		}
		Interval interval = Intervals.wilson(x, n);
		return new Figure(unit.level(), unit.id(), category, indicator, (double) x / n, (double) x, (double) n,
				interval.low(), interval.high(), null);
	}

	/**
	 * A repeat share, missing with its reason when the data do not reach W days before
	 * the period.
	 */
	private static Figure repeat(Unit unit, String category, Indicator indicator, long x, long n,
			boolean completeLookback) {
		if (!completeLookback) {
			return new Figure(unit.level(), unit.id(), category, indicator, null, null, (double) n, null, null,
					Figure.INCOMPLETE_LOOKBACK);
		}
		return share(unit, category, indicator, x, n);
	}

}
