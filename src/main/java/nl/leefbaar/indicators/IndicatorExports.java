package nl.leefbaar.indicators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import nl.leefbaar.domain.Category;
import nl.leefbaar.indicators.effects.ActivityEffect;
import nl.leefbaar.indicators.effects.ActivityEffectService;
import nl.leefbaar.indicators.export.CsvWriter;
import nl.leefbaar.indicators.export.OwnerFiles;
import nl.leefbaar.system.Heartbeat;
import nl.leefbaar.system.LeefbaarProperties;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The machine-readable exports of month m (indicators.md): {@code indicators.csv}
 * (exact), {@code indicators-public.csv} (small-number rules applied) and
 * {@code activity-effects.csv}, in {@code <output>/<yyyy-mm>/}.
 * <p>
 * Small-number rules of the public file (thresholds from {@code leefbaar.publishing}):
 * complexes under {@code minDwellings} dwellings are left out (they count in their
 * neighbourhood's figures); a count of reports or people ({@code reports},
 * {@code reports_12m}, {@code open_overdue}, {@code participants}) from 1 to
 * {@code minCount - 1}, a rate whose count is in that range, a share whose numerator or
 * denominator is in that range, and a handling-time percentile over fewer than
 * {@code minCount} closed reports are hidden: value, numerator, denominator and interval
 * empty, flag {@code suppressed}. Zero is shown (it discloses no one).
 */
@Component
public class IndicatorExports {

	private static final Logger log = LoggerFactory.getLogger(IndicatorExports.class);

	public static final List<String> HEADER = List.of("period", "level", "unit_id", "unit_name", "category",
			"indicator", "value", "numerator", "denominator", "ci_low", "ci_high", "flag");

	public static final List<String> EFFECTS_HEADER = List.of("activity_id", "type", "complex_id", "neighbourhood_code",
			"date", "category", "window_days", "before", "after", "rate_ratio", "ci_low", "ci_high", "p_value",
			"comparison_before", "comparison_after", "comparison_rate_ratio", "effect_vs_comparison", "flag",
			"effect_ci_low", "effect_ci_high");

	/** The categories in the order of the file: each category, then all of them. */
	private static final List<String> CATEGORY_ORDER = Stream.concat(Category.codes().stream(), Stream.of(Category.ALL))
		.toList();

	private final NamedParameterJdbcTemplate named;

	private final TransactionTemplate readOnly;

	private final LeefbaarProperties.Publishing publishing;

	private final LeefbaarProperties.Indicators indicators;

	private final ActivityEffectService effects;

	@Autowired
	public IndicatorExports(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
			LeefbaarProperties properties, ActivityEffectService effects) {
		JdbcTemplate exports = new JdbcTemplate(jdbc.getDataSource());
		exports.setFetchSize(10_000);
		this.named = new NamedParameterJdbcTemplate(exports);
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
		this.publishing = properties.publishing();
		this.indicators = properties.indicators();
		this.effects = effects;
	}

	private IndicatorExports(IndicatorExports exports, LeefbaarProperties settings) {
		this.named = exports.named;
		this.readOnly = exports.readOnly;
		this.publishing = settings.publishing();
		this.indicators = settings.indicators();
		this.effects = exports.effects;
	}

	/** The same exports written with a run's settings ({@code RunSettings}). */
	public IndicatorExports with(LeefbaarProperties runSettings) {
		return new IndicatorExports(this, runSettings);
	}

	/**
	 * Writes the three files for month m and each owner's two (OwnerExports); returns
	 * their paths.
	 */
	public List<Path> write(YearMonth month, Path output) throws IOException {
		Path folder = output.resolve(month.toString());
		try {
			return writeAll(month, folder);
		}
		catch (IOException e) {
			// the one line a person reads is the deepest cause's ("No space left on
			// device"): this one names what could not be written, and keeps the cause
			IOException named = new IOException(
					"cannot write the exports of " + month + " into " + folder + ": " + e.getMessage());
			named.addSuppressed(e);
			throw named;
		}
	}

	private List<Path> writeAll(YearMonth month, Path folder) throws IOException {
		List<Path> files = new ArrayList<>();
		OwnerExports owners = OwnerExports.of(named.getJdbcTemplate());
		try (Heartbeat heartbeat = Heartbeat.start(log, "exports of " + month + ": indicators.csv");
				OwnerFiles indicators = owners.files(folder, "indicators", HEADER)) {
			writeIndicators(month, folder, indicators);
			files.add(folder.resolve("indicators.csv"));
			files.addAll(indicators.commit());
			files.add(folder.resolve("indicators-public.csv"));
			heartbeat.doing("exports of " + month + ": the activity effects");
			try (OwnerFiles effects = owners.files(folder, "activity-effects", EFFECTS_HEADER)) {
				files.add(writeEffects(month, folder.resolve("activity-effects.csv"), effects));
				files.addAll(effects.commit());
			}
		}
		return files;
	}

	/**
	 * indicators.csv, the owners' shares of it and indicators-public.csv from one read of
	 * the month's figures: a row per unit and category as stored, turned into the file's
	 * rows unit by unit (its indicators, each in the order of the categories).
	 */
	private void writeIndicators(YearMonth month, Path folder, OwnerFiles owners) throws IOException {
		IndicatorSlots slots = named.getJdbcTemplate()
			.execute((ConnectionCallback<IndicatorSlots>) IndicatorSlots::read);
		try (CsvWriter all = CsvWriter.open(folder.resolve("indicators.csv"));
				CsvWriter published = CsvWriter.open(folder.resolve("indicators-public.csv"))) {
			all.row(HEADER);
			published.row(HEADER);
			List<StoredRow> unit = new ArrayList<>();
			readOnly
				.executeWithoutResult(status -> inBinary(() -> named.query(IndicatorSql.statement("indicator-export"),
						new MapSqlParameterSource("period", Date.valueOf(month.atDay(1))), rs -> {
							StoredRow row = StoredRow.of(rs);
							if (!unit.isEmpty() && !unit.get(0).sameUnit(row)) {
								writeUnit(month, unit, slots, all, owners, published);
								unit.clear();
							}
							unit.add(row);
						})));
			writeUnit(month, unit, slots, all, owners, published);
			all.commit();
			published.commit();
		}
		catch (UncheckedIOException e) {
			throw e.getCause();
		}
	}

	/** One unit's figures, by indicator, then category, in the order of the file. */
	private void writeUnit(YearMonth month, List<StoredRow> unit, IndicatorSlots slots, CsvWriter all,
			OwnerFiles owners, CsvWriter published) {
		unit.sort(Comparator.comparingInt(row -> categoryRank(row.category())));
		try {
			for (Indicator indicator : Indicator.values()) {
				int p = slots.of(indicator);
				for (StoredRow stored : unit) {
					if (stored.has(p)) {
						writeRow(month, stored, indicator, p, all, owners, published);
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void writeRow(YearMonth month, StoredRow stored, Indicator indicator, int p, CsvWriter all,
			OwnerFiles owners, CsvWriter published) throws IOException {
		Double value = stored.at(stored.value(), p);
		Double numerator = stored.at(stored.numerator(), p);
		Double denominator = stored.at(stored.denominator(), p);
		Object[] row = { month.toString(), stored.level(), stored.unitId(), stored.unitName(), stored.category(),
				indicator.code(), value, numerator, denominator, stored.at(stored.ciLow(), p),
				stored.at(stored.ciHigh(), p), stored.at(stored.flag(), p) };
		String line = CsvWriter.line(row);
		all.write(line);
		owners.write("complex".equals(stored.level()) ? stored.unitId() : null, line);
		if (stored.complexDwellings() != null && stored.complexDwellings() < publishing.minDwellings()) {
			return;
		}
		if (hidden(indicator, value, numerator, denominator)) {
			row[6] = row[7] = row[8] = row[9] = row[10] = null;
			row[11] = Figure.SUPPRESSED;
			line = CsvWriter.line(row);
		}
		published.write(line);
	}

	/**
	 * A unit's figures of one category as unit_figure stores them: arrays by the
	 * indicators' positions, {@code present} a bit per position.
	 */
	private record StoredRow(String level, String unitId, String unitName, Integer complexDwellings, String category,
			int present, Double[] value, Double[] numerator, Double[] denominator, Double[] ciLow, Double[] ciHigh,
			String[] flag) {

		static StoredRow of(ResultSet rs) throws SQLException {
			return new StoredRow(rs.getString("level"), rs.getString("unit_id"), rs.getString("unit_name"),
					(Integer) rs.getObject("complex_dwellings"), rs.getString("category"), rs.getInt("present"),
					array(rs, "value"), array(rs, "numerator"), array(rs, "denominator"), array(rs, "ci_low"),
					array(rs, "ci_high"), array(rs, "flag"));
		}

		@SuppressWarnings("unchecked")
		private static <T> T[] array(ResultSet rs, String column) throws SQLException {
			Array array = rs.getArray(column);
			return array == null ? null : (T[]) array.getArray();
		}

		boolean sameUnit(StoredRow other) {
			return level.equals(other.level) && unitId.equals(other.unitId);
		}

		/** Whether the figure at position p (from 1) is stored. */
		boolean has(int p) {
			return (present & (1 << (p - 1))) != 0;
		}

		<T> T at(T[] values, int p) {
			return values == null || values.length < p ? null : values[p - 1];
		}

	}

	/** Does a small-number rule hide this figure from outside readers? */
	boolean hidden(Indicator indicator, Double value, Double numerator, Double denominator) {
		return switch (indicator) {
			case REPORTS, REPORTS_12M, OPEN_OVERDUE, PARTICIPANTS -> small(value);
			case REPORT_RATE, REPORT_RATE_12M, PARTICIPATION_RATE_12M -> small(numerator);
			case REPEAT_RATE, REPEAT_RATE_12M, DWELLING_REPEAT_RATE, DWELLING_REPEAT_RATE_12M, CONCENTRATION_TOP10_12M,
					CLOSED_WITHIN_TARGET_SHARE, FOLLOW_UP_SHARE ->
				small(numerator) || small(denominator);
			case DAYS_TO_CLOSE_MEDIAN, DAYS_TO_CLOSE_P90 ->
				value != null && denominator != null && denominator < publishing.minCount();
			case HOTSPOTS, ACTIVITIES, LIVEABILITY_INDEX -> false;
		};
	}

	private boolean small(Double count) {
		return count != null && count >= 1 && count < publishing.minCount();
	}

	private Path writeEffects(YearMonth month, Path target, OwnerFiles owners) throws IOException {
		List<ActivityEffect> rows = effects.computeAndStore(month, indicators);
		try (CsvWriter csv = CsvWriter.open(target)) {
			csv.row(EFFECTS_HEADER);
			for (ActivityEffect e : rows) {
				Object[] row = { e.activityId(), e.type(), e.complexId(), e.neighbourhoodCode(),
						e.date() == null ? null : e.date().toString(), e.category(), e.windowDays(), e.before(),
						e.after(), e.rateRatio(), e.ciLow(), e.ciHigh(), e.pValue(), e.comparisonBefore(),
						e.comparisonAfter(), e.comparisonRateRatio(), e.effectVsComparison(), e.flag(), e.effectCiLow(),
						e.effectCiHigh() };
				csv.row(row);
				// an activity's row to its complex's owner, a pooled row to every owner
				owners.row(e.pooled() ? null : e.complexId(), row);
			}
			csv.commit();
		}
		return target;
	}

	/**
	 * Runs a query of the transaction's connection with its results in PostgreSQL's
	 * binary form: the figures' arrays of doubles arrive as 8 bytes each instead of as
	 * text that both sides must format and parse. PgJDBC asks for the binary form of a
	 * statement it prepares on the server, which a threshold of -1 does at once.
	 */
	private void inBinary(Runnable query) {
		try {
			PGConnection connection = DataSourceUtils.getConnection(named.getJdbcTemplate().getDataSource())
				.unwrap(PGConnection.class);
			int threshold = connection.getPrepareThreshold();
			connection.setPrepareThreshold(-1);
			try {
				query.run();
			}
			finally {
				connection.setPrepareThreshold(threshold);
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A category's place in the file; one outside the known ones comes last. */
	private static int categoryRank(String category) {
		int rank = CATEGORY_ORDER.indexOf(category);
		return rank < 0 ? Integer.MAX_VALUE : rank;
	}

}
