package nl.leefbaar.indicators.effects.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import nl.leefbaar.LeefbaarApplication;
import nl.leefbaar.indicators.effects.ActivityEffect;
import nl.leefbaar.indicators.effects.ActivityEffectService;
import nl.leefbaar.support.HeapSampler;
import nl.leefbaar.system.LeefbaarProperties;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The activity-effects benchmark (bench/effects-bench.sh): on an imported city, for each
 * activity count N (a random subset of the imported activities, the same for every run,
 * each subset holding the smaller ones), times {@link ActivityEffectService#compute} and,
 * up to a limit, the reference: the pairwise counting of every activity against every
 * complex of its neighbourhood that the service did until issue 23
 * ({@code bench/effects-own-counts.sql} and
 * {@code bench/effects-pairwise-comparison.sql}), on the same database in the same run,
 * and checks that both give every activity the same own and comparison counts. Usage:
 * EffectsBench MONTH REFERENCE_UP_TO N1 N2 ... (REFERENCE_UP_TO: the largest N for which
 * the reference runs; 0: never).
 */
public final class EffectsBench {

	public static void main(String[] args) throws IOException {
		YearMonth month = YearMonth.parse(args[0]);
		long referenceUpTo = Long.parseLong(args[1]);
		List<Long> counts = new ArrayList<>();
		for (int i = 2; i < args.length; i++) {
			counts.add(Long.parseLong(args[i]));
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LeefbaarApplication.class)
			.web(WebApplicationType.NONE)
			.run()) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			NamedParameterJdbcTemplate named = context.getBean(NamedParameterJdbcTemplate.class);
			ActivityEffectService service = context.getBean(ActivityEffectService.class);
			LeefbaarProperties properties = context.getBean(LeefbaarProperties.class);
			// The imported activities are kept aside once; each N takes the first N of
			// them
			// in the order of a hash of their id.
			jdbc.execute("create table if not exists bench_activity_all as select * from activity");
			long all = jdbc.queryForObject("select count(*) from bench_activity_all", Long.class);
			System.out.printf("data: %d reports, %d complexes, %d neighbourhoods, %d activities; month %s%n",
					jdbc.queryForObject("select count(*) from report", Long.class),
					jdbc.queryForObject("select count(*) from complex", Long.class),
					jdbc.queryForObject("select count(*) from neighbourhood", Long.class), all, month);
			jdbc.execute("vacuum analyze report");
			HeapSampler heap = HeapSampler.start();
			MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("monthEnd", month.atEndOfMonth())
				.addValue("window", properties.indicators().effectWindowDays())
				.addValue("minWindow", properties.indicators().effectMinWindowDays());
			String ownCounts = resource("bench/effects-own-counts.sql");
			String pairwise = resource("bench/effects-pairwise-comparison.sql");
			System.out.println("activities | with an effect row | counted | linear compute | reference (the two"
					+ " statements until issue 23) | reference / linear | same counts");
			for (long n : counts) {
				long take = Math.min(n, all);
				jdbc.execute("truncate activity");
				jdbc.update("insert into activity select * from bench_activity_all order by md5(activity_id) limit ?",
						take);
				jdbc.execute("analyze activity");

				long t0 = System.nanoTime();
				List<ActivityEffect> effects = service.compute(month, properties.indicators());
				double linear = seconds(t0);
				List<ActivityEffect> rows = effects.stream().filter(e -> !e.pooled()).toList();
				long counted = rows.stream().filter(e -> !e.flagged()).count();

				String reference = "-";
				String ratio = "-";
				String same = "not checked";
				if (take <= referenceUpTo) {
					// the computation until issue 23: its two statements, timed together
					Map<String, List<Integer>> expected = new HashMap<>();
					long t1 = System.nanoTime();
					named.query(ownCounts, parameters, rs -> {
						expected.put(rs.getString("activity_id"),
								counts(rs.getObject("before"), rs.getObject("after")));
					});
					double ownSeconds = seconds(t1);
					long t2 = System.nanoTime();
					Map<String, List<Integer>> expectedComparison = new HashMap<>();
					named.query(pairwise, parameters, rs -> {
						expectedComparison.put(rs.getString("activity_id"),
								List.of(rs.getInt("before"), rs.getInt("after")));
					});
					double pairwiseSeconds = seconds(t2);
					reference = String.format("%.1f s (own %.1f s, pairwise %.1f s)", ownSeconds + pairwiseSeconds,
							ownSeconds, pairwiseSeconds);
					ratio = String.format("%.0f", (ownSeconds + pairwiseSeconds) / linear);
					long differ = rows.stream()
						.filter(e -> !Objects.equals(expected.get(e.activityId()), counts(e.before(), e.after()))
								|| !Objects.equals(expectedComparison.get(e.activityId()),
										e.comparisonBefore() == null ? null
												: List.of(e.comparisonBefore(), e.comparisonAfter())))
						.count();
					same = differ == 0 && expected.size() == rows.size()
							? "yes (" + rows.size() + " activities, " + expectedComparison.size() + " with a group)"
							: "NO: " + differ + " differ";
				}
				System.out.printf("%d | %d | %d | %.2f s | %s | %s | %s%n", take, rows.size(), counted, linear,
						reference, ratio, same);
			}
			heap.close();
			System.out.printf(
					"peak heap: %d MB sampled every 20 ms (heap pools' peaks summed, an upper bound: %d MB; max %d MB)%n",
					heap.sampledPeakBytes() >> 20, HeapSampler.poolPeaksBytes() >> 20,
					Runtime.getRuntime().maxMemory() >> 20);
			jdbc.execute("truncate activity");
			jdbc.execute("insert into activity select * from bench_activity_all");
		}
	}

	/** Before and after, or null when not counted. */
	private static List<Integer> counts(Object before, Object after) {
		return before == null ? null : List.of(((Number) before).intValue(), ((Number) after).intValue());
	}

	private static String resource(String path) throws IOException {
		try (InputStream in = EffectsBench.class.getClassLoader().getResourceAsStream(path)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

}
