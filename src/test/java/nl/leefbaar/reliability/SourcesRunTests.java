package nl.leefbaar.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import nl.leefbaar.cli.CommandLineParser;
import nl.leefbaar.cli.CommandRunner;
import nl.leefbaar.cli.Invocation;
import nl.leefbaar.schedule.JobDefinitions;
import nl.leefbaar.schedule.StepCatalog;
import nl.leefbaar.sources.FakeSignalen;
import nl.leefbaar.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One full monthly run (the real import, compute and report) of a job whose reports come
 * from Signalen (a local server that answers like it), through the command line: the run
 * summary lists the source, {@code status} shows its watermark, and no output holds an
 * address of addresses.csv, the signals' free text or their reporters.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourcesRunTests {

	static final String MONTH = "2025-06";

	static final String SECRET_VARIABLE = "LEEFBAAR_TEST_RUN_SIGNALEN_SECRET";

	@Autowired
	CommandRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JobRepository jobRepository;

	FakeSignalen server;

	Path folder;

	Path out;

	Path jobs;

	String job;

	String[] run;

	@BeforeAll
	void givenAMonthlyRunThatPullsSignalen() throws Exception {
		TestDatabase.clearDomainTables(jdbc);
		server = new FakeSignalen();
		// 60 reports a month over four months at two complexes, some closed, one
		// cancelled,
		// two at addresses outside the complexes
		long id = 1;
		for (int month = 3; month <= 6; month++) {
			for (int day = 1; day <= 28; day += 1) {
				for (String number : List.of("10", "5")) {
					Instant created = Instant.parse("2025-%02d-%02dT09:00:00Z".formatted(month, day));
					FakeSignalen.Stored signal = server
						.add(id, created.toString(), created.plusSeconds(3600).toString())
						.at(number.equals("10") ? "3011AB" : "3072XK", number, null, null);
					if (id % 3 == 0) {
						signal.state("o", created.plusSeconds(86400));
						signal.updatedAt = created.plusSeconds(86400);
					}
					id++;
				}
			}
		}
		server.add(id++, "2025-06-10T09:00:00Z", "2025-06-10T10:00:00Z")
			.at("3011AB", "10", null, null)
			.state("a", Instant.parse("2025-06-10T10:00:00Z"));
		server.add(id++, "2025-06-10T09:00:00Z", "2025-06-10T10:00:00Z").at("9999ZZ", "1", null, null);
		server.add(id, "2025-06-10T09:00:00Z", "2025-06-10T10:00:00Z").at("1011AA", "99", null, null);
		folder = Files.createTempDirectory("leefbaar-sources-run");
		Path inbox = Files.createDirectories(folder.resolve("inbox"));
		jobs = Files.createDirectories(folder.resolve("jobs"));
		out = folder.resolve("out");
		Files.writeString(inbox.resolve("neighbourhoods.csv"), """
				neighbourhood_code,name,district
				BU01,Oude Westen,Centrum
				BU02,Afrikaanderwijk,Feijenoord
				""");
		Files.writeString(inbox.resolve("complexes.csv"), """
				complex_id,name,neighbourhood_code,owner,dwellings
				C1,Gouvernestraat,BU01,Woonstad,120
				C2,Pretorialaan,BU02,Havensteder,80
				""");
		Files.writeString(inbox.resolve("addresses.csv"), """
				complex_id,postcode,house_number,house_letter,house_number_addition,dwelling_ref
				C1,3011AB,10,,,D-0010
				C2,3072 XK,5,,,D-0505
				""");
		job = "t-sources-" + ProcessHandle.current().pid();
		Files.writeString(jobs.resolve(job + ".yml"), """
				steps: [import, compute, report]
				output: %s
				sources:
				  - {name: inbox, type: folder, path: %s}
				  - name: signalen
				    type: signalen
				    url: %s
				    token_url: %s
				    client_id: %s
				    client_secret_env: %s
				""".formatted(out, inbox, server.url(), server.tokenUrl(), FakeSignalen.CLIENT_ID, SECRET_VARIABLE));
		System.setProperty(SECRET_VARIABLE, FakeSignalen.SECRET);
		run = command("run", job, "--month", MONTH, "--lang", "en");

		assertThat(run[0]).as(run[2]).isEqualTo("0");
	}

	@AfterAll
	void forgetTheRuns() {
		System.clearProperty(SECRET_VARIABLE);
		server.close();
		JobHistory.forget(jdbc, jobRepository, "t-sources-%", out.toString());
	}

	@Test
	void theRunSummaryListsTheSourceWithItsCountsAndWatermark() throws Exception {
		JsonNode summary = JsonMapper.builder()
			.build()
			.readTree(out.resolve(MONTH).resolve("run-summary.json").toFile());
		JsonNode source = summary.get("input").get("sources").get(0);

		assertThat(source.get("name").asString()).isEqualTo("signalen");
		assertThat(source.get("type").asString()).isEqualTo("signalen");
		assertThat(source.get("pulled").asLong()).isEqualTo(227);
		assertThat(source.get("outside_complexes").asLong()).isEqualTo(2);
		assertThat(source.get("cancelled").asLong()).isEqualTo(1);
		assertThat(source.get("watermark").asString()).isEqualTo("2025-06-28T10:00:00Z");
		assertThat(summary.get("input").get("new").asLong()).as("224 reports, 2 neighbourhoods, 2 complexes")
			.isEqualTo(228);
		assertThat(summary.get("months_computed").toString()).contains(MONTH);
		assertThat(run[1]).contains("source signalen").contains("227 pulled, 2 outside the complexes");
		assertThat(server.schemaProblems).isEmpty();
	}

	@Test
	void statusShowsEachSourcesWatermarkAndLastPull() {
		String[] status = command("status");

		assertThat(status[1]).containsPattern(
				"signalen\\s+reports\\s+signalen\\s+2025-06-28 12:00:00\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\s+227");
	}

	@Test
	void noOutputHoldsAnAddressTheSignalsFreeTextOrTheirReporters() throws Exception {
		List<String> forbidden = List.of("3011AB", "3011 AB", "3072XK", "3072 XK", "9999ZZ", "Pretorialaan 5",
				"Het cafe op de hoek", "@example.nl", "0612345678", FakeSignalen.SECRET);
		List<Path> files;
		try (Stream<Path> walk = Files.walk(out)) {
			files = walk.filter(Files::isRegularFile).toList();
		}
		assertThat(files).hasSizeGreaterThan(5);
		for (Path file : files) {
			String text = readable(file);
			for (String value : forbidden) {
				assertThat(text).as(file + " holds " + value).doesNotContain(value);
			}
		}
		assertThat(jdbc.queryForList("select report_id from report where report_id like 'signalen:%'")).hasSize(224);
		for (String value : forbidden) {
			assertThat(run[1] + run[2]).doesNotContain(value);
		}
	}

	/** A file's text, the parts of a zip (xlsx, pptx) unpacked. */
	private static String readable(Path file) throws IOException {
		String name = file.getFileName().toString();
		if (!(name.endsWith(".xlsx") || name.endsWith(".pptx") || name.endsWith(".zip"))) {
			return Files.readString(file, StandardCharsets.ISO_8859_1);
		}
		List<String> parts = new ArrayList<>();
		try (ZipFile zip = new ZipFile(file.toFile())) {
			for (ZipEntry entry : Collections.list(zip.entries())) {
				parts.add(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return String.join("\n", parts);
	}

	private String[] command(String... args) {
		ByteArrayOutputStream stdout = new ByteArrayOutputStream();
		ByteArrayOutputStream stderr = new ByteArrayOutputStream();
		var command = new CommandLineParser().parse(args);
		var definitions = JobDefinitions.load(jobs, StepCatalog.STANDARD);
		int code = runner.execute(new Invocation(command, definitions, StepCatalog.STANDARD),
				new PrintStream(stdout, true, StandardCharsets.UTF_8),
				new PrintStream(stderr, true, StandardCharsets.UTF_8));
		return new String[] { Integer.toString(code), stdout.toString(StandardCharsets.UTF_8),
				stderr.toString(StandardCharsets.UTF_8) };
	}

}
