package nl.leefbaar.report.charts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

import nl.leefbaar.support.LongFigures;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills the indicator tables as the indicators stage would, with deterministic
 * pseudo-random counts (hashtext), for n complexes in k neighbourhoods and the 24 months
 * to m: report_rate, reports_12m, report_rate_12m (with intervals and flags),
 * dwelling_repeat_rate(_12m) (the first three months without look-back),
 * concentration_top10_12m, funnel_stat and activity_effect. The figures go through
 * {@link LongFigures}: a benchmark's 5,000 complexes are millions of them.
 */
public final class ChartFixture {

	private ChartFixture() {
	}

	public static void insert(JdbcTemplate jdbc, YearMonth month, int complexes, int neighbourhoods) {
		String m = month.atDay(1).toString();
		String lookbackFrom = month.minusMonths(23).plusMonths(3).atDay(1).toString();
		// integers and ISO dates formatted in by the test itself (chart-fixture.sql); one
		// script, so that the temp tables live on one connection
		jdbc.execute(LongFigures.CREATE + ";\n" + script().formatted(complexes, neighbourhoods, m, lookbackFrom)
				+ LongFigures.storeSql(jdbc) + ";\ndrop table fx_month, fx, fx_units, fx_roll, fx_city, figure_long;");
	}

	/** The fixture's statements, with the placeholders of {@link #insert}. */
	private static String script() {
		try (InputStream in = ChartFixture.class.getResourceAsStream("chart-fixture.sql")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
