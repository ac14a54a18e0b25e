package nl.leefbaar.sampledata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a seeded, reproducible Rotterdam-like data set in the input format of the
 * pipeline: neighbourhoods.csv, complexes.csv, activities.csv (comma, ISO dates) and
 * reports.csv (semicolon, Dutch timestamps, UTF-8 BOM, CRLF, an extra free-text column),
 * with the field's stories in it. Plain Java, no Spring: the benchmark runs it with
 * -Xmx256m on 10 million reports. Reports are drawn and written one complex at a time, so
 * memory does not grow with the report count.
 */
public final class SampleDataGenerator {

	public static final long DEFAULT_SEED = 20181123L;

	public static final long DEFAULT_REPORTS = 40_000;

	public static final int DEFAULT_COMPLEXES = CityLayout.BASE_COMPLEXES;

	/** Bigger runs keep the shape of the sample: about this many reports per complex. */
	public static final int REPORTS_PER_COMPLEX = 500;

	public static final LocalDate DEFAULT_FROM = LocalDate.of(2023, 11, 1);

	public static final LocalDate DEFAULT_TO = LocalDate.of(2026, 10, 31);

	/**
	 * complexes 0 means: the default for the report count (see {@link #complexesFor}).
	 * complexesPerNeighbourhood 0: the sample's neighbourhoods (the 12 real ones, then
	 * numbered copies of seven complexes); otherwise the real ones are filled up to that
	 * many complexes and the copies hold that many. activitiesPerComplexYear 0: the
	 * sample's 0.8 random activities per complex and year (more at bigger complexes);
	 * otherwise that many at every complex (besides those that end a spell of reports,
	 * the stories and the neighbourhood meetings).
	 */
	public record Options(long seed, long reports, int complexes, LocalDate from, LocalDate to,
			int complexesPerNeighbourhood, double activitiesPerComplexYear) {

		public Options(long seed, long reports, int complexes, LocalDate from, LocalDate to) {
			this(seed, reports, complexes, from, to, 0, 0);
		}

		public static Options defaults() {
			return new Options(DEFAULT_SEED, DEFAULT_REPORTS, 0, DEFAULT_FROM, DEFAULT_TO);
		}

		public Options withReports(long count) {
			return new Options(seed, count, complexes, from, to, complexesPerNeighbourhood, activitiesPerComplexYear);
		}

		public Options withSeed(long value) {
			return new Options(value, reports, complexes, from, to, complexesPerNeighbourhood,
					activitiesPerComplexYear);
		}

		public Options withComplexes(int count) {
			return new Options(seed, reports, count, from, to, complexesPerNeighbourhood, activitiesPerComplexYear);
		}

		public Options withPeriod(LocalDate first, LocalDate last) {
			return new Options(seed, reports, complexes, first, last, complexesPerNeighbourhood,
					activitiesPerComplexYear);
		}

		public Options withComplexesPerNeighbourhood(int count) {
			return new Options(seed, reports, complexes, from, to, count, activitiesPerComplexYear);
		}

		public Options withActivitiesPerComplexYear(double rate) {
			return new Options(seed, reports, complexes, from, to, complexesPerNeighbourhood, rate);
		}

		int effectiveComplexes() {
			return complexes > 0 ? complexes : complexesFor(reports);
		}
	}

	/** A story in the data, with the ids to find it by. date: its (first) activity. */
	public record Story(String key, String description, String complexId, String neighbourhoodCode, LocalDate date,
			List<String> activityIds, List<String> dwellingRefs) {
	}

	/**
	 * What a run wrote. reportsPerCategory is by canonical code; unmapped reports count
	 * as other.
	 */
	public record Summary(long reports, int complexes, int neighbourhoods, int activities, long unmappedReports,
			Map<String, Long> reportsPerCategory, Map<String, Long> fileBytes, Duration elapsed, List<Story> stories) {
	}

	private static final String USAGE = "usage: SampleDataGenerator --out DIR [--seed N] [--reports N]"
			+ " [--complexes N] [--complexes-per-neighbourhood N] [--activities-per-complex-year X]"
			+ " [--from yyyy-MM-dd] [--to yyyy-MM-dd]";

	private SampleDataGenerator() {
	}

	/** The default complex count: 80, or one complex per 500 reports for bigger runs. */
	public static int complexesFor(long reports) {
		return (int) Math.max(DEFAULT_COMPLEXES, Math.round(reports / (double) REPORTS_PER_COMPLEX));
	}

	public static Summary generate(Path out, Options options) throws IOException {
		long started = System.nanoTime();
		if (options.to().isBefore(options.from())) {
			throw new IllegalArgumentException("--to " + options.to() + " is before --from " + options.from());
		}
		if (options.reports() <= 0) {
			throw new IllegalArgumentException("--reports must be positive, was " + options.reports());
		}
		if (!(options.activitiesPerComplexYear() >= 0 && options.activitiesPerComplexYear() <= 100)) {
			throw new IllegalArgumentException(
					"--activities-per-complex-year must be from 0 to 100, was " + options.activitiesPerComplexYear());
		}
		Files.createDirectories(out);
		DayTable days = new DayTable(options.from(), options.to());
		CityPlanner.City city = new CityPlanner(options.seed(), days, options.complexesPerNeighbourhood(),
				options.activitiesPerComplexYear())
			.plan(options.effectiveComplexes());
		double expected = city.complexes().stream().mapToDouble(c -> c.expected(days)).sum();
		double scale = options.reports() / expected;

		Map<String, Long> bytes = new LinkedHashMap<>();
		bytes.put("neighbourhoods.csv", writeNeighbourhoods(out.resolve("neighbourhoods.csv"), city));
		bytes.put("complexes.csv", writeComplexes(out.resolve("complexes.csv"), city));
		bytes.put("activities.csv", writeActivities(out.resolve("activities.csv"), city, days));
		ReportSimulator simulator = new ReportSimulator(days, scale, options.seed());
		CsvSink reports = new CsvSink(out.resolve("reports.csv"), ';', true, true);
		try (reports) {
			ReportLine.header(reports);
			for (ComplexPlan complex : city.complexes()) {
				simulator.write(complex, reports);
			}
		}
		bytes.put("reports.csv", reports.bytes());
		Map<String, Long> perCategory = new LinkedHashMap<>();
		long[] counts = simulator.perCategory();
		for (int k = 0; k < counts.length; k++) {
			perCategory.put(Vocabulary.CANONICAL[k], counts[k]);
		}
		return new Summary(simulator.written(), city.complexes().size(), city.layout().neighbourhoods().size(),
				city.activities().size(), simulator.unmapped(), perCategory, bytes,
				Duration.ofNanos(System.nanoTime() - started), city.stories());
	}

	private static long writeNeighbourhoods(Path file, CityPlanner.City city) throws IOException {
		CsvSink sink = new CsvSink(file, ',', false, false);
		try (sink) {
			sink.header("neighbourhood_code", "name", "district");
			for (CityLayout.Neighbourhood n : city.layout().neighbourhoods()) {
				sink.text(n.code()).separator().text(n.name()).separator().text(n.district()).endLine();
			}
		}
		return sink.bytes();
	}

	/** Columns in another order than the contract's table: column order is free. */
	private static long writeComplexes(Path file, CityPlanner.City city) throws IOException {
		CsvSink sink = new CsvSink(file, ',', false, false);
		try (sink) {
			sink.header("complex_id", "name", "owner", "dwellings", "neighbourhood_code");
			for (ComplexPlan c : city.complexes()) {
				sink.text(c.id)
					.separator()
					.text(c.name)
					.separator()
					.text(c.owner)
					.separator()
					.number(c.dwellings)
					.separator()
					.text(c.neighbourhoodCode)
					.endLine();
			}
		}
		return sink.bytes();
	}

	private static long writeActivities(Path file, CityPlanner.City city, DayTable days) throws IOException {
		CsvSink sink = new CsvSink(file, ',', false, false);
		try (sink) {
			sink.header("activity_id", "complex_id", "neighbourhood_code", "type", "date", "participants",
					"addresses_category");
			for (ComplexPlan.Activity a : city.activities()) {
				sink.text(a.id())
					.separator()
					.text(a.complexId())
					.separator()
					.text(a.neighbourhoodCode())
					.separator()
					.text(a.type())
					.separator()
					.text(days.date(a.day()).toString())
					.separator();
				if (a.participants() != null) {
					sink.number(a.participants());
				}
				sink.separator().text(a.addresses()).endLine();
			}
		}
		return sink.bytes();
	}

	public static void main(String[] args) {
		try {
			Path out = null;
			Options options = Options.defaults();
			for (int i = 0; i < args.length; i++) {
				String name = args[i];
				if (name.equals("--help") || name.equals("-h")) {
					System.out.println(USAGE);
					return;
				}
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException(name + " needs a value");
				}
				String value = args[++i];
				switch (name) {
					case "--out" -> out = Path.of(value);
					case "--seed" -> options = options.withSeed(Long.parseLong(value));
					case "--reports" -> options = options.withReports(Long.parseLong(value));
					case "--complexes" -> options = options.withComplexes(Integer.parseInt(value));
					case "--complexes-per-neighbourhood" ->
						options = options.withComplexesPerNeighbourhood(Integer.parseInt(value));
					case "--activities-per-complex-year" ->
						options = options.withActivitiesPerComplexYear(Double.parseDouble(value));
					case "--from" -> options = options.withPeriod(LocalDate.parse(value), options.to());
					case "--to" -> options = options.withPeriod(options.from(), LocalDate.parse(value));
					default -> throw new IllegalArgumentException("unknown option " + name + "; " + USAGE);
				}
			}
			if (out == null) {
				throw new IllegalArgumentException("--out DIR is required; " + USAGE);
			}
			print(generate(out, options), out);
		}
		catch (IllegalArgumentException | DateTimeParseException e) {
			System.err.println("sample data: " + e.getMessage());
			System.exit(2);
		}
		catch (IOException | UncheckedIOException e) {
			System.err.println("sample data: cannot write: " + e.getMessage());
			System.exit(1);
		}
	}

	private static void print(Summary summary, Path out) {
		System.out.printf("wrote %d reports, %d complexes, %d neighbourhoods, %d activities to %s in %.1f s%n",
				summary.reports(), summary.complexes(), summary.neighbourhoods(), summary.activities(), out,
				summary.elapsed().toMillis() / 1000.0);
		System.out.println("reports per category: " + summary.reportsPerCategory() + "; unmapped source categories: "
				+ summary.unmappedReports());
		summary.fileBytes().forEach((file, size) -> System.out.printf("  %-20s %,d bytes%n", file, size));
		for (Story story : summary.stories()) {
			System.out.printf("story %s: complex %s, neighbourhood %s, date %s, activities %s, dwellings %s%n",
					story.key(), story.complexId() == null ? "-" : story.complexId(), story.neighbourhoodCode(),
					story.date(), story.activityIds(), story.dwellingRefs());
		}
	}

}
