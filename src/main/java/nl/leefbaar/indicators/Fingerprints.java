package nl.leefbaar.indicators;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import nl.leefbaar.domain.Category;
import nl.leefbaar.system.LeefbaarProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The input fingerprint of a month: a digest of everything its figures depend on, so that
 * a month is recomputed only when that changed. Sums of row hashes are order-free and
 * cheap; the report table's triggers keep them per day and per closing month
 * (V1__baseline.sql), so a fingerprint reads a few hundred small rows, not the reports:
 * <ul>
 * <li>the reports reported from W days before the 12-month window (and the hotspot
 * window), or from the first day of window B of m - 1 if that is earlier, to the end of
 * m, without their closed_at, so that a later closing does not touch a past month;</li>
 * <li>the reports closed in the 12 months to m (handling figures);</li>
 * <li>the reports open at the end of m, however old (open_overdue, and the stored count
 * that the next month's starts from): the sum of the open digests of the months up to m
 * (V1__baseline.sql);</li>
 * <li>the activities of the 12 months, all complexes and neighbourhoods, the settings,
 * the first report (look-back) and the reference year with the reference December's own
 * inputs.</li>
 * </ul>
 */
final class Fingerprints {

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final LeefbaarProperties.Indicators settings;

	Fingerprints(JdbcTemplate jdbc, LeefbaarProperties.Indicators settings) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.settings = settings;
	}

	/**
	 * The first day whose reports a month's figures read (see {@link FactRun}): W days
	 * (and two) before its 12-month window and its hotspot window, or the first day of
	 * window B of the month before it (whether a hotspot is new), whichever is earlier.
	 */
	static LocalDate scanFrom(YearMonth month, LeefbaarProperties.Indicators settings) {
		HotspotRule hotspots = HotspotRule.of(settings);
		LocalDate from12 = month.minusMonths(11).atDay(1);
		LocalDate hot = hotspots.windowStart(month);
		LocalDate repeats = (hot.isBefore(from12) ? hot : from12).minusDays(settings.repeatWindowDays() + 2L);
		LocalDate before = hotspots.baselineStart(month.minusMonths(1));
		return before.isBefore(repeats) ? before : repeats;
	}

	Map<YearMonth, String> of(Collection<YearMonth> wanted, DataSpan span, Integer referenceYear) {
		TreeSet<YearMonth> months = new TreeSet<>(wanted);
		YearMonth reference = referenceYear == null ? null : YearMonth.of(referenceYear, 12);
		if (reference != null) {
			months.add(reference);
		}
		Map<YearMonth, String> result = new TreeMap<>();
		if (months.isEmpty()) {
			return result;
		}
		String common = commonInputs(span, referenceYear);
		TreeMap<LocalDate, BigInteger[]> days = new TreeMap<>();
		named.query(statement("report_days"),
				new MapSqlParameterSource("from_day", Date.valueOf(scanFrom(months.first(), settings)))
					.addValue("to_day", Date.valueOf(months.last().atEndOfMonth())),
				rs -> {
					days.put(rs.getDate(1).toLocalDate(), digest(rs));
				});
		TreeMap<YearMonth, BigInteger[]> closings = new TreeMap<>();
		named.query(statement("closing_months"),
				new MapSqlParameterSource("from_month", Date.valueOf(months.first().minusMonths(11).atDay(1)))
					.addValue("to_month", Date.valueOf(months.last().atDay(1))),
				rs -> {
					closings.put(YearMonth.from(rs.getDate(1).toLocalDate()), digest(rs));
				});
		TreeMap<YearMonth, BigInteger[]> open = new TreeMap<>();
		named.query(statement("open_months"),
				new MapSqlParameterSource("to_month", Date.valueOf(months.last().atDay(1))), rs -> {
					open.put(YearMonth.from(rs.getDate(1).toLocalDate()), digest(rs));
				});
		TreeMap<YearMonth, String> activities = new TreeMap<>();
		jdbc.query(statement("activity_months"), rs -> {
			activities.put(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getString(2));
		});

		Map<YearMonth, String> own = new TreeMap<>();
		for (YearMonth month : months) {
			StringBuilder input = new StringBuilder(common);
			input.append("|reported:")
				.append(sum(days.subMap(scanFrom(month, settings), true, month.atEndOfMonth(), true).values()));
			input.append("|closed:").append(sum(closings.subMap(month.minusMonths(11), true, month, true).values()));
			input.append("|open:").append(sum(open.headMap(month, true).values()));
			input.append("|activities:").append(activities.subMap(month.minusMonths(11), true, month, true));
			own.put(month, input.toString());
		}
		for (YearMonth month : wanted) {
			String input = own.get(month);
			if (reference != null && !month.equals(reference)) {
				input += "|reference:" + own.get(reference);
			}
			result.put(month, md5(input));
		}
		return result;
	}

	private String commonInputs(DataSpan span, Integer referenceYear) {
		StringBuilder input = new StringBuilder();
		input.append("W=")
			.append(settings.repeatWindowDays())
			.append(";hotspot=")
			.append(settings.hotspotMinReports())
			.append('/')
			.append(settings.hotspotWindowDays())
			.append('/')
			.append(settings.hotspotBaselineDays())
			.append('/')
			.append(settings.hotspotLevel())
			.append(";overdispersion=")
			.append(settings.overdispersion())
			.append(";referenceYear=")
			.append(referenceYear)
			.append(";first=")
			.append(span.firstReport());
		for (Category category : Category.values()) {
			input.append(";target.").append(category.code()).append('=').append(settings.targetDays(category));
		}
		input.append("|units:").append(jdbc.queryForObject(statement("units"), String.class));
		return input.toString();
	}

	/** A row's count and digest (the second and third column). */
	private static BigInteger[] digest(ResultSet rs) throws SQLException {
		return new BigInteger[] { BigInteger.valueOf(rs.getLong(2)), new BigInteger(rs.getString(3)) };
	}

	private static String statement(String name) {
		return IndicatorSql.statement("fingerprints", name);
	}

	private static String sum(Collection<BigInteger[]> parts) {
		BigInteger count = BigInteger.ZERO;
		BigInteger hash = BigInteger.ZERO;
		for (BigInteger[] part : parts) {
			count = count.add(part[0]);
			hash = hash.add(part[1]);
		}
		return count + ":" + hash;
	}

	private static String md5(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
