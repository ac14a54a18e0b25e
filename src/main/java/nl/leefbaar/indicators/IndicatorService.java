package nl.leefbaar.indicators;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import nl.leefbaar.domain.Level;
import nl.leefbaar.indicators.stats.IndexComponent;
import nl.leefbaar.system.Heartbeat;
import nl.leefbaar.system.LeefbaarProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes the indicators of indicators.md for month m (or every month in the data) and
 * stores them in unit_figure (read as indicator_value), complex_month_fact (with the
 * hotspots), funnel_stat and index_component.
 * <p>
 * Computing m also makes sure that the 23 months before it (for trends) and the reference
 * December (for the index) are computed from their current input. A month whose input
 * fingerprint has not changed since it was computed is left alone unless forced.
 * Consecutive months are computed together from one pass over the reports; each such run
 * replaces its months' rows in one transaction, so that a reader sees the old or the new
 * figures, never a mix.
 */
@Service
public class IndicatorService {

	private static final Logger log = LoggerFactory.getLogger(IndicatorService.class);

	/** Months before m that trends read. */
	static final int HISTORY_MONTHS = 23;

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final DataSource dataSource;

	private final TransactionTemplate transaction;

	private final LeefbaarProperties.Indicators settings;

	@Autowired
	public IndicatorService(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
			LeefbaarProperties properties) {
		this(jdbc, snapshotTransaction(transactionManager), properties.indicators());
	}

	private IndicatorService(JdbcTemplate jdbc, TransactionTemplate transaction,
			LeefbaarProperties.Indicators settings) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.dataSource = jdbc.getDataSource();
		this.transaction = transaction;
		this.settings = settings;
	}

	private static TransactionTemplate snapshotTransaction(PlatformTransactionManager transactionManager) {
		TransactionTemplate transaction = new TransactionTemplate(transactionManager);
		transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		// One snapshot for the whole run, which FactTables shares with other sessions.
		transaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		return transaction;
	}

	/** The same service computing with a run's settings ({@code RunSettings}). */
	public IndicatorService with(LeefbaarProperties.Indicators runSettings) {
		return new IndicatorService(jdbc, transaction, runSettings);
	}

	/**
	 * What a computation did: the months asked for and the months actually (re)computed.
	 */
	public record Computation(List<YearMonth> requested, List<YearMonth> computed) {
		public YearMonth last() {
			return requested.isEmpty() ? null : requested.get(requested.size() - 1);
		}
	}

	/** Month m (and, where needed, its 23 predecessors and the reference December). */
	public Computation compute(YearMonth month, boolean force) {
		return compute(List.of(month), force);
	}

	/** Every month from the first to the last report in the data (a backfill). */
	public Computation computeAll(boolean force) {
		DataSpan span = DataSpan.read(jdbc);
		List<YearMonth> months = new ArrayList<>();
		if (!span.empty()) {
			for (YearMonth m = span.firstMonth(); !m.isAfter(span.lastMonth()); m = m.plusMonths(1)) {
				months.add(m);
			}
		}
		return compute(months, force);
	}

	private Computation compute(List<YearMonth> requested, boolean force) {
		vacuumReports();
		DataSpan span = DataSpan.read(jdbc);
		Integer referenceYear = span.referenceYear(settings.referenceYear(), settings.repeatWindowDays());
		YearMonth reference = referenceYear == null ? null : YearMonth.of(referenceYear, 12);
		// The reference December must be complete in the data: the data reach at least
		// into it.
		boolean referenceAvailable = reference != null && !span.empty() && !reference.isAfter(span.lastMonth());

		TreeSet<YearMonth> ensure = new TreeSet<>(requested);
		for (YearMonth month : requested) {
			for (int back = 1; back <= HISTORY_MONTHS; back++) {
				YearMonth earlier = month.minusMonths(back);
				if (!span.empty() && !earlier.isBefore(span.firstMonth())) {
					ensure.add(earlier);
				}
			}
		}
		if (referenceAvailable) {
			ensure.add(reference);
		}
		Map<YearMonth, String> fingerprints = new Fingerprints(jdbc, settings).of(ensure, span,
				referenceAvailable ? referenceYear : null);
		Map<YearMonth, String> stored = new HashMap<>();
		jdbc.query(IndicatorSql.statement("computed-month", "fingerprints"), rs -> {
			stored.put(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getString(2));
		});
		TreeSet<YearMonth> needed = new TreeSet<>();
		for (YearMonth month : ensure) {
			if ((force && requested.contains(month)) || !fingerprints.get(month).equals(stored.get(month))) {
				needed.add(month);
			}
		}
		Context context = new Context(span, referenceAvailable ? reference : null, referenceYear, fingerprints, ensure,
				new TreeSet<>(needed));
		List<YearMonth> computed = new ArrayList<>();
		// The reference December first: every other month is scored against it. When it
		// is needed together with its neighbours, its run computes it first (see
		// computeRun), so that a backfill is one pass over the reports.
		if (referenceAvailable && needed.contains(reference) && !needed.contains(reference.minusMonths(1))
				&& !needed.contains(reference.plusMonths(1))) {
			needed.remove(reference);
			computeRun(reference, reference, context);
			computed.add(reference);
		}
		while (!needed.isEmpty()) {
			YearMonth from = needed.pollFirst();
			YearMonth to = from;
			computed.add(from);
			while (!needed.isEmpty() && needed.first().equals(to.plusMonths(1))) {
				to = needed.pollFirst();
				computed.add(to);
			}
			computeRun(from, to, context);
		}
		computed.sort(null);
		return new Computation(List.copyOf(requested), computed);
	}

	/**
	 * Marks the pages of report that writes since the last vacuum left (a month's import)
	 * in the visibility map: the closings are read by an index-only scan
	 * (V1__baseline.sql), which fetches a report from its heap page wherever that page is
	 * not marked all-visible, and autovacuum comes only after a fifth of the table has
	 * changed. On a connection of its own, outside any transaction (VACUUM cannot run in
	 * one); it skips the table rather than wait while another holds it. It leaves
	 * cleaning the indexes to autovacuum: the closings read the changed reports' new
	 * versions, on pages it marks all the same.
	 * <p>
	 * VACUUM marks a page only when the commits of its rows are in the WAL file, and a
	 * server that commits asynchronously (the embedded one) writes them a moment later:
	 * an empty message with flush (PostgreSQL 17 on) writes them first.
	 */
	private void vacuumReports() {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(true);
			try {
				statement.execute("select pg_logical_emit_message(false, 'leefbaar', '', true)");
			}
			catch (SQLException e) {
				log.debug("WAL not flushed before the vacuum: {}", e.getMessage());
			}
			statement.execute("vacuum (skip_locked, index_cleanup off) report");
		}
		catch (SQLException e) {
			// Only the speed of the closings depends on it.
			log.warn("vacuum of report failed, computing without it: {}", e.getMessage());
		}
	}

	/**
	 * @param checked the months whose input fingerprint this computation compared with
	 * the stored one
	 * @param pending the months that must be recomputed and are not yet (runs remove
	 * theirs)
	 */
	private record Context(DataSpan span, YearMonth reference, Integer referenceYear,
			Map<YearMonth, String> fingerprints, Set<YearMonth> checked, Set<YearMonth> pending) {

		/**
		 * Whether complex_month_fact holds current facts for the 11 months before
		 * {@code from}: each of them (from the first month of data on) had its
		 * fingerprint checked in this computation and is not waiting to be recomputed, so
		 * it was unchanged or recomputed by an earlier run.
		 */
		boolean factsStoredBefore(YearMonth from) {
			for (YearMonth month = from.minusMonths(11); month.isBefore(from); month = month.plusMonths(1)) {
				if (!current(month)) {
					return false;
				}
			}
			return true;
		}

		/**
		 * Whether the stored facts of {@code month} are current (or it is before the
		 * data).
		 */
		boolean current(YearMonth month) {
			return month.isBefore(span.firstMonth()) || (checked.contains(month) && !pending.contains(month));
		}
	}

	/**
	 * One pass over the reports for the consecutive months [from, to], replaced in one
	 * transaction.
	 */
	private void computeRun(YearMonth from, YearMonth to, Context context) {
		long started = System.nanoTime();
		String run = "computing the indicators of " + (from.equals(to) ? from : from + " to " + to);
		try (Heartbeat heartbeat = Heartbeat.start(log, run + ": the month facts")) {
			computeRun(from, to, context, heartbeat, run);
		}
		for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
			context.pending().remove(month);
		}
		log.info("Computed indicators for {} to {} in {} ms", from, to, (System.nanoTime() - started) / 1_000_000);
	}

	private void computeRun(YearMonth from, YearMonth to, Context context, Heartbeat heartbeat, String run) {
		long started = System.nanoTime();
		transaction.executeWithoutResult(status -> {
			List<Unit> units = Unit.load(jdbc);
			FigureReplacement replacement = new FigureReplacement(jdbc);
			try (FactTables facts = new FactTables(jdbc, dataSource)) {
				facts.build(FactRun.of(from, to, context.factsStoredBefore(from), context.current(from.minusMonths(12)),
						context.span().firstDay(), settings));
				log.debug("facts of {} to {} in {} ms", from, to, (System.nanoTime() - started) / 1_000_000);
				replacement.clear(from, to);
				facts.store();
				MonthFigures figures = new MonthFigures(jdbc, facts.awaitPercentiles(), settings, units);
				List<MonthFigures.Components> reference = null;
				for (YearMonth month : referenceFirst(from, to, context.reference())) {
					if (reference == null && context.reference() != null && !month.equals(context.reference())) {
						// Stored before (or earlier in this run, same transaction).
						reference = loadReference(context.reference(), units);
					}
					heartbeat.doing(run + ": the figures of " + month);
					storeFigures(month, figures, reference, context);
				}
				heartbeat.doing(run + ": storing");
			}
			replacement.finish();
		});
	}

	/**
	 * Month m's figures into its emptied partition, its funnel and index rows, and its
	 * fingerprint.
	 */
	private void storeFigures(YearMonth month, MonthFigures figures, List<MonthFigures.Components> reference,
			Context context) {
		MonthFigures.Lookback lookback = new MonthFigures.Lookback(
				context.span().completeLookback(month, settings.repeatWindowDays()),
				context.span().completeLookback(month.minusMonths(11), settings.repeatWindowDays()),
				HotspotRule.of(settings).completeLookback(month, context.span().firstDay()));
		long started = System.nanoTime();
		boolean isReference = month.equals(context.reference());
		MonthFigures.Result result;
		long copyMillis;
		try (FigureCopy copy = new FigureCopy(DataSourceUtils.getConnection(dataSource), month)) {
			result = figures.compute(month, lookback, reference, isReference, copy::writer);
			copy.close();
			copyMillis = copy.copyMillis();
		}
		catch (SQLException e) {
			throw new IllegalStateException("cannot store the figures of " + month + ": " + e.getMessage(), e);
		}
		store(month, result);
		log.debug("{}: figures stored in {} ms (COPY {} ms)", month, (System.nanoTime() - started) / 1_000_000,
				copyMillis);
		named.update(IndicatorSql.statement("computed-month", "store"),
				new MapSqlParameterSource("period", Date.valueOf(month.atDay(1)))
					.addValue("fingerprint", context.fingerprints().get(month))
					.addValue("reference_year", context.reference() == null ? null : context.referenceYear()));
	}

	/**
	 * The months of [from, to] in order, except that the reference December comes first.
	 */
	private static List<YearMonth> referenceFirst(YearMonth from, YearMonth to, YearMonth reference) {
		List<YearMonth> months = new ArrayList<>();
		for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
			months.add(month);
		}
		if (reference != null && months.remove(reference)) {
			months.add(0, reference);
		}
		return months;
	}

	private void store(YearMonth month, MonthFigures.Result result) {
		Date period = Date.valueOf(month.atDay(1));
		named.batchUpdate(IndicatorSql.statement("month-statistics", "funnel_stat"),
				result.funnelStats()
					.stream()
					.map(s -> new MapSqlParameterSource("period", period).addValue("level", s.level().code())
						.addValue("category", s.category())
						.addValue("indicator", s.indicator().code())
						.addValue("units", s.result().units())
						.addValue("phi", finite(s.result().phi()))
						.addValue("tau2", finite(s.result().tau2()))
						.addValue("adjusted", s.result().adjusted()))
					.toArray(SqlParameterSource[]::new));
		List<MonthFigures.Components> components = result.components();
		named.update(IndicatorSql.statement("month-statistics", "index_component"),
				new MapSqlParameterSource("period", period)
					.addValue("levels", components.stream().map(c -> c.unit().level().code()).toArray(String[]::new))
					.addValue("unit_ids", components.stream().map(c -> c.unit().id()).toArray(String[]::new))
					.addValue("dwellings", components.stream().map(c -> c.unit().dwellings()).toArray(Double[]::new))
					.addValue("report_rates", componentValues(components, IndexComponent.REPORT_RATE_12M))
					.addValue("dwelling_repeat_rates",
							componentValues(components, IndexComponent.DWELLING_REPEAT_RATE_12M))
					.addValue("closed_within_target_shares",
							componentValues(components, IndexComponent.CLOSED_WITHIN_TARGET_SHARE_12M))
					.addValue("participation_rates",
							componentValues(components, IndexComponent.PARTICIPATION_RATE_12M)));
	}

	private static Double[] componentValues(List<MonthFigures.Components> components, IndexComponent component) {
		return components.stream().map(c -> c.figures().get(component)).toArray(Double[]::new);
	}

	/**
	 * The complexes' components of the reference December, as stored when it was
	 * computed.
	 */
	private List<MonthFigures.Components> loadReference(YearMonth reference, List<Unit> units) {
		Map<String, Unit> complexes = new HashMap<>();
		units.stream().filter(u -> u.level() == Level.COMPLEX).forEach(u -> complexes.put(u.id(), u));
		List<MonthFigures.Components> result = new ArrayList<>();
		named.query(IndicatorSql.statement("month-statistics", "reference_components"),
				new MapSqlParameterSource("period", Date.valueOf(reference.atDay(1))), rs -> {
					Map<IndexComponent, Double> figures = new EnumMap<>(IndexComponent.class);
					figures.put(IndexComponent.REPORT_RATE_12M, (Double) rs.getObject("report_rate_12m"));
					figures.put(IndexComponent.DWELLING_REPEAT_RATE_12M,
							(Double) rs.getObject("dwelling_repeat_rate_12m"));
					figures.put(IndexComponent.CLOSED_WITHIN_TARGET_SHARE_12M,
							(Double) rs.getObject("closed_within_target_share_12m"));
					figures.put(IndexComponent.PARTICIPATION_RATE_12M, (Double) rs.getObject("participation_rate_12m"));
					Unit unit = complexes.getOrDefault(rs.getString("unit_id"), new Unit(Level.COMPLEX,
							rs.getString("unit_id"), rs.getString("unit_id"), rs.getDouble("dwellings")));
					result.add(new MonthFigures.Components(
							new Unit(Level.COMPLEX, unit.id(), unit.name(), rs.getDouble("dwellings")), figures));
				});
		return result.isEmpty() ? null : result;
	}

	private static Double finite(double value) {
		return Double.isFinite(value) ? value : null;
	}

}
