package nl.leefbaar.report.excel;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.leefbaar.system.SqlFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every owner's sums of its complexes' figures per month, for the owners' series
 * ({@link ScopeSeries#fromSums}), from the stored month sums (V8__owner_month_sum.sql): a
 * month's sums are built once from its complex figures, and again only when the month is
 * computed again or a complex changes owner, instead of summing 24 months of figures on
 * every run.
 */
@Component
class OwnerSums {

	private static final Logger log = LoggerFactory.getLogger(OwnerSums.class);

	private static final SqlFiles SQL = SqlFiles.in("report");

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	OwnerSums(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * owner -> category -> indicator -> month -> {value, numerator, denominator, figures
	 * missing for lack of look-back} over the months first..last; every category for
	 * {@code perCategory}, category all for the other {@code indicators}.
	 */
	Map<String, Map<String, Map<String, Map<YearMonth, double[]>>>> of(YearMonth first, YearMonth last,
			Collection<String> indicators, Collection<String> perCategory) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("first", day(first)).addValue("last", day(last))
			.addValue("indicators", indicators)
			.addValue("perCategory", perCategory);
		build(parameters, indicators, perCategory);
		Map<String, Map<String, Map<String, Map<YearMonth, double[]>>>> result = new HashMap<>();
		RowCallbackHandler add = rs -> {
			double[] sums = { nullable(rs, "value"), nullable(rs, "numerator"), nullable(rs, "denominator"),
					rs.getLong("incomplete") };
			result.computeIfAbsent(rs.getString("owner"), k -> new HashMap<>())
				.computeIfAbsent(rs.getString("category"), k -> new HashMap<>())
				.computeIfAbsent(rs.getString("indicator"), k -> new HashMap<>())
				.put(YearMonth.from(rs.getDate("period").toLocalDate()), sums);
		};
		jdbc.query(SQL.statement("owner-series", "read"), parameters, add);
		List<Date> uncomputed = jdbc.queryForList(SQL.statement("owner-series", "uncomputed"), parameters, Date.class);
		if (!uncomputed.isEmpty()) {
			jdbc.query(SQL.statement("owner-series", "sum"),
					new MapSqlParameterSource(parameters.getValues()).addValue("periods", uncomputed), add);
		}
		return result;
	}

	/**
	 * Builds the sums of the computed months among first..last that have none from their
	 * current figures and owners. Other builders wait (the table lock) and find the work
	 * done.
	 */
	private void build(MapSqlParameterSource parameters, Collection<String> indicators,
			Collection<String> perCategory) {
		ownTransaction.executeWithoutResult(status -> {
			jdbc.getJdbcTemplate().execute("lock table owner_month_built in share row exclusive mode");
			String builtFrom = jdbc.queryForObject(SQL.statement("owner-series", "built_from"),
					new MapSqlParameterSource("indicators", String.join(",", indicators)).addValue("perCategory",
							String.join(",", perCategory)),
					String.class);
			List<Date> periods = jdbc.queryForList(SQL.statement("owner-series", "stale"),
					new MapSqlParameterSource(parameters.getValues()).addValue("builtFrom", builtFrom), Date.class);
			if (periods.isEmpty()) {
				return;
			}
			long start = System.nanoTime();
			MapSqlParameterSource stale = new MapSqlParameterSource(parameters.getValues()).addValue("periods", periods)
				.addValue("builtFrom", builtFrom);
			jdbc.update(SQL.statement("owner-series", "forget"), stale);
			jdbc.update(SQL.statement("owner-series", "built"), stale);
			jdbc.update(SQL.statement("owner-series", "store") + "\n" + SQL.statement("owner-series", "sum"), stale);
			log.info("Built the owners' sums of {} month(s) in {} ms", periods.size(),
					(System.nanoTime() - start) / 1_000_000);
		});
	}

	private static Date day(YearMonth month) {
		return Date.valueOf(month.atDay(1));
	}

	private static double nullable(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? Double.NaN : value;
	}

}
