package nl.leefbaar.indicators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import nl.leefbaar.domain.Category;
import nl.leefbaar.indicators.effects.ActivityEffect;
import nl.leefbaar.indicators.effects.ActivityEffectService;
import nl.leefbaar.indicators.export.CsvWriter;
import nl.leefbaar.indicators.export.OwnerFiles;
import nl.leefbaar.system.Heartbeat;
import nl.leefbaar.system.LeefbaarProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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
	 * the month's figures.
	 */
	private void writeIndicators(YearMonth month, Path folder, OwnerFiles owners) throws IOException {
		try (CsvWriter all = CsvWriter.open(folder.resolve("indicators.csv"));
				CsvWriter published = CsvWriter.open(folder.resolve("indicators-public.csv"))) {
			all.row(HEADER);
			published.row(HEADER);
			MapSqlParameterSource parameters = new MapSqlParameterSource("period", Date.valueOf(month.atDay(1)))
				.addValue("indicators", indicatorOrder())
				.addValue("categories", categoryOrder());
			readOnly.executeWithoutResult(
					status -> named.query(IndicatorSql.statement("indicator-export"), parameters, rs -> {
						try {
							writeRow(month, rs, all, owners, published);
						}
						catch (IOException e) {
							throw new UncheckedIOException(e);
						}
					}));
			all.commit();
			published.commit();
		}
		catch (UncheckedIOException e) {
			throw e.getCause();
		}
	}

	private void writeRow(YearMonth month, ResultSet rs, CsvWriter all, OwnerFiles owners, CsvWriter published)
			throws SQLException, IOException {
		Indicator indicator = byCode(rs.getString("indicator"));
		Double value = (Double) rs.getObject("value");
		Double numerator = (Double) rs.getObject("numerator");
		Double denominator = (Double) rs.getObject("denominator");
		Object[] row = { month.toString(), rs.getString("level"), rs.getString("unit_id"), rs.getString("unit_name"),
				rs.getString("category"), indicator.code(), value, numerator, denominator, rs.getObject("ci_low"),
				rs.getObject("ci_high"), rs.getString("flag") };
		all.row(row);
		owners.row("complex".equals(row[1]) ? (String) row[2] : null, row);
		Integer dwellings = (Integer) rs.getObject("complex_dwellings");
		if (dwellings != null && dwellings < publishing.minDwellings()) {
			return;
		}
		if (hidden(indicator, value, numerator, denominator)) {
			row[6] = row[7] = row[8] = row[9] = row[10] = null;
			row[11] = Figure.SUPPRESSED;
		}
		published.row(row);
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

	private static Indicator byCode(String code) {
		for (Indicator indicator : Indicator.values()) {
			if (indicator.code().equals(code)) {
				return indicator;
			}
		}
		throw new IllegalStateException("unknown indicator in indicator_value: " + code);
	}

	private static String[] indicatorOrder() {
		return Arrays.stream(Indicator.values()).map(Indicator::code).toArray(String[]::new);
	}

	private static String[] categoryOrder() {
		List<String> order = new ArrayList<>(Category.codes());
		order.add(Category.ALL);
		return order.toArray(String[]::new);
	}

}
