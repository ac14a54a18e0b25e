package nl.leefbaar.report.excel;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;

import nl.leefbaar.LeefbaarApplication;
import nl.leefbaar.report.ReportWriter.ReportRequest;
import nl.leefbaar.report.ReportWriter.ReportScope;
import nl.leefbaar.support.LongFigures;
import nl.leefbaar.support.TestDatabase;
import nl.leefbaar.system.LeefbaarProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The report benchmark (bench/report-bench.sh), not a test: fills a database of its own
 * with synthetic figures for N complexes over 24 months (SQL generate_series,
 * bench/synthetic-figures.sql), then writes both workbooks and prints the time taken and
 * the peak heap used while writing. Run with -Xmx512m to prove the memory bound. Also
 * makes the workbooks to look at (scripts/render-xlsx.sh).
 * <p>
 * Arguments: complexes (default 5000), month (default 2025-06), output folder (default
 * target/bench-out), lang.
 */
public final class ReportBench {

	public static void main(String[] args) throws Exception {
		int complexes = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
		YearMonth month = args.length > 1 ? YearMonth.parse(args[1]) : YearMonth.of(2025, 6);
		Path output = Path.of(args.length > 2 ? args[2] : "target/bench-out");
		Locale locale = Locale.forLanguageTag(args.length > 3 ? args[3] : "nl");
		SpringApplication application = new SpringApplication(LeefbaarApplication.class);
		application.setDefaultProperties(Map.of("leefbaar.home", "target/bench-home", "logging.level.nl.leefbaar",
				"WARN", "logging.level.nl.leefbaar.report.excel", "INFO"));
		try (ConfigurableApplicationContext context = application.run()) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			long t0 = System.nanoTime();
			boolean reuse = Boolean.getBoolean("bench.reuse")
					&& jdbc.queryForObject("select count(*) from complex", Integer.class) == complexes;
			if (!reuse) {
				fill(jdbc, complexes, month);
			}
			System.out.printf(Locale.ROOT, "synthetic data: %d complexes, %d indicator rows, %d reports in %.1f s%n",
					complexes, jdbc.queryForObject("select count(*) from indicator_value", Long.class),
					jdbc.queryForObject("select count(*) from report", Long.class), (System.nanoTime() - t0) / 1e9);
			LeefbaarProperties properties = context.getBean(LeefbaarProperties.class);
			ReportRequest request = new ReportRequest(month, output.resolve(month.toString()), locale, ReportScope.CITY,
					properties);
			FigureStore figures = context.getBean(FigureStore.class);
			DashboardStore store = context.getBean(DashboardStore.class);
			DwellingRepeats dwellings = context.getBean(DwellingRepeats.class);
			time("build dwelling facts (12 months, first run)", () -> {
				dwellings.build(month, 90);
				return 12;
			});
			time("query dwelling repeats", () -> dwellings.worst(month, 90, RepeatSheet.MAX_ROWS).size());
			time("query hotspots", () -> store.hotspots(month).size());
			time("query activity effects", () -> store.activityEffects(month).size());
			time("query owners' sums",
					() -> store
						.ownerSums(month.minusMonths(23), month, ScopeSeries.INDICATORS, ScopeSeries.PER_CATEGORY)
						.size());
			time("read the month's data", () -> DashboardData.load(month, figures, store, List.of()).complexes.size());
			// The first run includes loading POI's classes (XMLBeans schemas for the
			// charts): report both.
			measure("dashboards (first run in this JVM)", () -> context.getBean(DashboardWriter.class).write(request));
			measure("dashboards (second run)", () -> context.getBean(DashboardWriter.class).write(request));
			measure("neighbourhoods", () -> context.getBean(NeighbourhoodWorkbookWriter.class).write(request));
		}
		System.exit(0);
	}

	private static void time(String name, IntSupplier query) {
		long start = System.nanoTime();
		int rows = query.getAsInt();
		System.out.printf(Locale.ROOT, "  %s: %d rows in %d ms%n", name, rows, (System.nanoTime() - start) / 1_000_000);
	}

	interface Run {

		List<Path> run() throws Exception;

	}

	private static void measure(String name, Run run) throws Exception {
		System.gc();
		List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(p -> p.getType() == MemoryType.HEAP)
			.toList();
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		var threads = ManagementFactory.getThreadMXBean();
		long cpuStart = threads.getCurrentThreadCpuTime();
		long start = System.nanoTime();
		List<Path> files = run.run();
		double seconds = (System.nanoTime() - start) / 1e9;
		// CPU time of this thread: the Java side's cost, whatever else the machine is
		// doing (not the database's)
		double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
		long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
		System.out.printf(Locale.ROOT,
				"%s: %.2f s wall, %.2f s CPU in the JVM, peak heap %d MB (max heap %d MB), %s (%d KB)%n", name, seconds,
				cpu, peak / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024), files.get(0),
				Files.size(files.get(0)) / 1024);
	}

	static void fill(JdbcTemplate jdbc, int complexes, YearMonth month) throws IOException {
		TestDatabase.clearDomainTables(jdbc);
		jdbc.execute("drop table if exists bench_unit_month, bench_fig, bench_area");
		String script;
		try (InputStream in = ReportBench.class.getResourceAsStream("/bench/synthetic-figures.sql")) {
			script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		MapSqlParameterSource parameters = new MapSqlParameterSource("complexes", complexes)
			.addValue("month", Date.valueOf(month.atDay(1)))
			.addValue("reportScale", Double.parseDouble(System.getProperty("bench.reportScale", "1")));
		// One connection for the whole script: the temporary tables live in its session.
		jdbc.execute((Connection connection) -> {
			NamedParameterJdbcTemplate session = new NamedParameterJdbcTemplate(
					new SingleConnectionDataSource(connection, true));
			session.getJdbcTemplate().execute(LongFigures.CREATE);
			for (String statement : script.split("(?m)^;;\\s*$")) {
				String sql = statement.replaceAll("(?m)^--.*$", "").trim();
				if (sql.startsWith("select")) {
					session.queryForList(sql, parameters);
				}
				else if (!sql.isEmpty()) {
					session.update(sql, parameters);
				}
			}
			session.getJdbcTemplate().execute(LongFigures.storeSql(jdbc));
			return null;
		});
		// a settled database, as after the compute step: hint bits set, statistics fresh
		jdbc.execute("vacuum analyze");
	}

}
