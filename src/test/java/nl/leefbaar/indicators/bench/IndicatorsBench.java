package nl.leefbaar.indicators.bench;

import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.time.YearMonth;
import java.util.Map;

import nl.leefbaar.LeefbaarApplication;
import nl.leefbaar.indicators.IndicatorService;
import nl.leefbaar.support.HeapSampler;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The indicators benchmark (bench/indicators-bench.sh): loads N synthetic reports with
 * the shape of the sample data (about 500 reports per complex over three years) by
 * generate_series, unless reports are already there, then times
 * <ol>
 * <li>the reference: one hand-written SELECT of complex-month report and repeat counts
 * for all months (lag() over (complex, category) + GROUP BY), stored with CREATE TEMP
 * TABLE AS;</li>
 * <li>the backfill of every month ({@link IndicatorService#computeAll(boolean)},
 * forced);</li>
 * <li>recomputing the last month alone (forced, history already computed), and the month
 * a year before it, which has a year less history before it;</li>
 * </ol>
 * and prints the ratio backfill/reference and the peak heap. Usage: IndicatorsBench
 * REPORTS [month]: with {@code month}, only the one-month measurements, on a database
 * whose figures a previous run left (a 10M backfill takes minutes).
 */
public final class IndicatorsBench {

	public static void main(String[] args) {
		long reports = Long.parseLong(args[0]);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LeefbaarApplication.class)
			.web(WebApplicationType.NONE)
			.run()) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			IndicatorService service = context.getBean(IndicatorService.class);
			long present = jdbc.queryForObject("select count(*) from report", Long.class);
			if (present != reports) {
				load(jdbc, reports);
			}
			jdbc.execute("vacuum analyze report");
			jdbc.execute("vacuum analyze complex");
			long complexes = jdbc.queryForObject("select count(*) from complex", Long.class);
			System.out.printf("data: %d reports, %d complexes%n", reports, complexes);

			boolean monthOnly = args.length > 1 && "month".equals(args[1]);
			HeapSampler heap = HeapSampler.start();
			YearMonth last;
			if (monthOnly) {
				// the figures of the last run are still there: only the one-month
				// measurements
				last = service.computeAll(false).last();
			}
			else {
				last = referenceAndBackfill(jdbc, service);
			}
			long t2 = System.nanoTime();
			IndicatorService.Computation one = service.compute(last, true);
			System.out.printf("recompute one month (%s, forced; %d months recomputed): %.2f s%n", last,
					one.computed().size(), seconds(t2));
			// The same month size with a year less history before it: the time must not
			// grow with the history.
			YearMonth earlier = last.minusMonths(12);
			long t2b = System.nanoTime();
			service.compute(earlier, true);
			System.out.printf("recompute one month with a year less history (%s, forced): %.2f s%n", earlier,
					seconds(t2b));
			long t3 = System.nanoTime();
			service.compute(last, false);
			System.out.printf("check one month unchanged (fingerprints of 24 months + reference): %.2f s%n",
					seconds(t3));

			heap.close();
			System.out.printf(
					"peak heap: %d MB sampled every 20 ms (heap pools' peaks summed, an upper bound: %d MB; max %d MB)%n",
					heap.sampledPeakBytes() >> 20, HeapSampler.poolPeaksBytes() >> 20,
					Runtime.getRuntime().maxMemory() >> 20);
		}
	}

	/**
	 * The reference query and the forced backfill of every month, timed; returns the last
	 * month.
	 */
	private static YearMonth referenceAndBackfill(JdbcTemplate jdbc, IndicatorService service) {
		long t0 = System.nanoTime();
		jdbc.execute("drop table if exists bench_reference");
		jdbc.execute("""
				create unlogged table bench_reference as
				select complex_id, date_trunc('month', reported_day::timestamp)::date as month,
				       count(*) as reports,
				       count(*) filter (where reported_at - previous <= interval '90 days') as repeats
				from (select complex_id, reported_day, reported_at,
				             lag(reported_at) over (partition by complex_id, category
				                                    order by reported_at, report_id) as previous
				      from report) r
				group by 1, 2
				""");
		double reference = seconds(t0);
		System.out.printf("reference query (complex-month counts and repeats, all months): %.1f s%n", reference);

		long t1 = System.nanoTime();
		IndicatorService.Computation backfill = service.computeAll(true);
		double backfillSeconds = seconds(t1);
		// Figures (rows of the long form, indicator_value) and the unit rows that hold
		// them.
		Map<String, Object> stored = jdbc.queryForMap("""
				select count(*) as units, sum(length(replace(present::bit(32)::text, '0', ''))) as figures
				from unit_figure""");
		System.out.printf(
				"backfill of %d months (%s figures stored in %s unit rows): %.1f s, ratio to reference %.2f%n",
				backfill.computed().size(), stored.get("figures"), stored.get("units"), backfillSeconds,
				backfillSeconds / reference);
		return backfill.last();
	}

	/**
	 * N reports over 2022-2024 at N / 500 complexes in neighbourhoods of 20, skewed
	 * categories.
	 */
	private static void load(JdbcTemplate jdbc, long reports) {
		long t0 = System.nanoTime();
		jdbc.execute("""
				truncate table report, activity, complex, neighbourhood, unit_figure, complex_month_fact,
				               activity_effect, funnel_stat, computed_month, index_component cascade
				""");
		long complexes = Math.max(1, reports / 500);
		jdbc.update("""
				insert into neighbourhood (neighbourhood_code, name)
				select 'BU' || lpad(n::text, 6, '0'), 'Buurt ' || n from generate_series(1, ?) n
				""", Math.max(1, complexes / 20));
		jdbc.update("""
				insert into complex (complex_id, name, neighbourhood_code, dwellings)
				select 'C' || lpad(c::text, 6, '0'), 'Complex ' || c, 'BU' || lpad(((c - 1) / 20 + 1)::text, 6, '0'),
				       20 + (hashint8(c) & 255)::int
				from generate_series(1, ?) c
				""", complexes);
		jdbc.update(benchSql("indicators-bench-reports.sql"), complexes, reports);
		jdbc.update("""
				insert into activity (activity_id, complex_id, type, date, participants, addresses_category)
				select 'A' || i, 'C' || lpad((1 + (hashint8(i) & 2147483647) % ?)::text, 6, '0'), 'cleanup',
				       date '2022-01-01' + (random() * 1094)::int, (random() * 30)::int, 'pollution'
				from generate_series(1, ?) i
				""", complexes, Math.max(1, reports / 100));
		System.out.printf("loaded %d synthetic reports in %.1f s%n", reports, seconds(t0));
	}

	private static String benchSql(String name) {
		try (InputStream in = IndicatorsBench.class.getResourceAsStream("/bench/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

}
