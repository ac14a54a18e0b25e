package nl.leefbaar.sources;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.leefbaar.LeefbaarApplication;
import nl.leefbaar.ingest.ImportResult;
import nl.leefbaar.ingest.ImportService;
import nl.leefbaar.support.HeapSampler;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Signalen pull benchmark (bench/signalen-bench.sh), not a test: N signals (100,000
 * by default) on the local fake server, pulled into a fresh embedded database
 * ({@code -Dleefbaar.home}). References in the same run, to see what limits the pull: (1)
 * the pages alone, fetched with a token and thrown away (the server's and HTTP's share),
 * (2) the pages fetched and parsed as the source parses them. Then the pull itself (the
 * first, everything), and an incremental pull with nothing changed.
 * <p>
 * Usage: {@code SignalenPullBench WORK_DIR [SIGNALS]}
 */
public final class SignalenPullBench {

	private static final Pattern NEXT = Pattern.compile("\"next\":\\{\"href\":(?:null|\"([^\"]*)\")");

	public static void main(String[] args) throws Exception {
		Path work = Files.createDirectories(Path.of(args[0]));
		int signals = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
		SourceFixture fixture = new SourceFixture(work);
		StringBuilder addresses = new StringBuilder(
				"complex_id,postcode,house_number,house_letter,house_number_addition,dwelling_ref\n");
		for (int number = 1; number <= 2000; number++) {
			addresses.append(number % 2 == 0 ? "C1" : "C2")
				.append(",3011AB,")
				.append(number)
				.append(",,,D-")
				.append(number)
				.append('\n');
		}
		fixture.write("addresses.csv", addresses.toString());
		try (FakeSignalen server = new FakeSignalen();
				ConfigurableApplicationContext context = new SpringApplicationBuilder(LeefbaarApplication.class)
					.run("--logging.level.nl.leefbaar=WARN", "--logging.level.nl.leefbaar.sources=INFO")) {
			Instant start = Instant.parse("2025-01-01T00:00:00Z");
			for (int id = 1; id <= signals; id++) {
				Instant created = start.plusSeconds(id * 97L);
				FakeSignalen.Stored signal = server.add(id, created.toString(), created.plusSeconds(3600).toString())
					.at("3011AB", Integer.toString(1 + id % 2100), null, null);
				if (id % 3 == 0) {
					signal.state("o", created.plusSeconds(7200));
				}
			}
			server.checkPages = false;
			server.frozen = true;
			SourceSettings settings = context.getBean(SourceSettings.class);
			Watermarks watermarks = context.getBean(Watermarks.class);
			ImportService importService = context.getBean(ImportService.class);

			// warm both sides (JIT, the server's sorted order) on a first pass of pages
			// alone
			fetchOnly(server, false);
			double fetchSeconds = fetchOnly(server, false);
			double parseSeconds = fetchOnly(server, true);

			System.gc();
			HeapSampler sampler = HeapSampler.start();
			long t0 = System.nanoTime();
			SignalenSource source = SourceFixture.signalen(server, settings, watermarks);
			ImportResult result = fixture.pull(importService, source);
			double pullSeconds = (System.nanoTime() - t0) / 1e9;
			sampler.close();
			long peak = sampler.sampledPeakBytes();

			long t1 = System.nanoTime();
			SignalenSource again = SourceFixture.signalen(server, settings, watermarks);
			ImportResult second = fixture.pull(importService, again);
			double secondSeconds = (System.nanoTime() - t1) / 1e9;

			ImportResult.FileCounts counts = result.byFile()
				.stream()
				.filter(f -> f.file().startsWith("signalen"))
				.findFirst()
				.orElseThrow();
			System.out.printf(Locale.ROOT, "signals on the server: %d (pages of %d)%n", signals, settings.pageSize());
			System.out.printf(Locale.ROOT, "reference 1, pages fetched only:    %7.2f s  %8.0f signals/s%n",
					fetchSeconds, signals / fetchSeconds);
			System.out.printf(Locale.ROOT, "reference 2, fetched and parsed:    %7.2f s  %8.0f signals/s%n",
					parseSeconds, signals / parseSeconds);
			System.out.printf(Locale.ROOT,
					"pull, first (everything):          %7.2f s  %8.0f signals/s  (%.2fx reference 1, %.2fx reference 2)%n",
					pullSeconds, signals / pullSeconds, pullSeconds / fetchSeconds, pullSeconds / parseSeconds);
			System.out.printf(Locale.ROOT, "  pulled %s, stored %d new, %d outside the complexes, watermark %s%n",
					source.summary().get("pulled"), counts.newRows(), source.summary().get("outside_complexes"),
					source.summary().get("watermark"));
			System.out.printf(Locale.ROOT, "pull, incremental (nothing new):   %7.2f s  (pulled %s)%n", secondSeconds,
					again.summary().get("pulled"));
			System.out.printf(Locale.ROOT, "peak heap during the first pull (sampled every 20 ms): %d MB%n",
					peak / (1 << 20));
			System.out.printf(Locale.ROOT, "second pull's counts: %s%n",
					second.byFile().get(second.byFile().size() - 1));
		}
	}

	/**
	 * Every page with a token, in order, following next; parsed as the source does, or
	 * not.
	 */
	private static double fetchOnly(FakeSignalen server, boolean parse) throws Exception {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String form = "grant_type=client_credentials&client_id=" + FakeSignalen.CLIENT_ID + "&client_secret="
				+ FakeSignalen.SECRET;
		String tokenAnswer = http
			.send(HttpRequest.newBuilder(server.tokenUrl())
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
		String token = JsonMapper.builder().build().readTree(tokenAnswer).get("access_token").asString();
		long t0 = System.nanoTime();
		URI page = URI.create(server.url() + "?ordering=updated_at&page_size=100");
		long signals = 0;
		while (page != null) {
			String body = http
				.send(HttpRequest.newBuilder(page).header("Authorization", "Bearer " + token).build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
				.body();
			if (parse) {
				SignalenPage content = SignalenPage.parse(body, "bench");
				signals += content.signals().size();
				page = content.next();
			}
			else {
				Matcher next = NEXT.matcher(body);
				page = next.find() && next.group(1) != null ? URI.create(next.group(1)) : null;
			}
		}
		return (System.nanoTime() - t0) / 1e9;
	}

}
