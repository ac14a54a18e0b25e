package nl.leefbaar.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import nl.leefbaar.cli.CommandRunner;
import nl.leefbaar.domain.OwnerSlugs;
import nl.leefbaar.schedule.StepCatalog;
import nl.leefbaar.support.CsvRecords;
import nl.leefbaar.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Delivery of the real files of the monthly job on the committed sample data (the real
 * import, compute and report steps), every mailbox read back: each owner's mail holds
 * nothing of another owner, the municipality's only public files; a run forced again
 * writes the same figures and sends nothing; a late export that changes the month sends
 * "bijgewerkt".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleRunDeliveryTests extends WithMailServer {

	static final String MONTH = "2026-10";

	static final String MUNICIPALITY = "beleidsadviseur@gemeente.example.nl";

	static final String PRESENTERS = "presentator@example.nl";

	static final String TEAM = "buurtteam@example.nl";

	@Autowired
	CommandRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JobRepository jobRepository;

	@TempDir
	static Path folder;

	DeliveryCli cli;

	Path inbox;

	Path monthFolder;

	String job;

	/**
	 * Owner name to its recipient; empty while the report step writes no per-owner files.
	 */
	Map<String, String> owners = new LinkedHashMap<>();

	DeliveryCli.Result first;

	@BeforeAll
	void givenTheMonthlyJobWroteTheSampleMonthAndDeliveredIt() throws Exception {
		TestDatabase.clearDomainTables(jdbc);
		DeliveryCli.forget(jdbc, jobRepository);
		SERVER.purgeEmailFromAllMailboxes();
		RELAY.acceptAll();
		RELAY.up();
		cli = new DeliveryCli(runner, folder, StepCatalog.STANDARD);
		inbox = Files.createDirectories(folder.resolve("inbox"));
		try (var files = Files.list(Path.of("sample-data"))) {
			for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".csv")).toList()) {
				Files.copy(file, inbox.resolve(file.getFileName()));
			}
		}
		monthFolder = cli.output.resolve(MONTH);
		job = "d-sample-" + ProcessHandle.current().pid();
		define();
		DeliveryCli.Result written = cli.run("run", job, "--month", MONTH, "--no-deliver");
		assertThat(written.code()).as(written.err()).isZero();
		// the owners get their mail once the report step writes their files
		// (line/dashboard)
		if (Files.isRegularFile(monthFolder.resolve("dashboard-team-" + MONTH + ".xlsx"))) {
			for (String owner : complexesByOwner().keySet()) {
				owners.put(owner, "wijkbeheer@" + OwnerSlugs.slug(owner) + ".example.nl");
			}
		}
		define();
		first = cli.run("deliver", "--month", MONTH, "--job", job);
	}

	@AfterAll
	void forget() {
		DeliveryCli.forget(jdbc, jobRepository);
	}

	@Test
	@Order(1)
	void theMunicipalityGetsOnlyThePublicFilesAndThePresentersTheDeckAndTheCharts() throws Exception {
		assertThat(first.code()).as(first.err()).isZero();
		assertThat(Mailboxes.attachments(only(MUNICIPALITY)).keySet())
			.containsExactlyInAnyOrder("neighbourhoods-" + MONTH + ".xlsx", "indicators-public.csv");
		for (byte[] file : Mailboxes.attachments(only(MUNICIPALITY)).values()) {
			assertThat(Mailboxes.text(file)).doesNotContainPattern("W-[0-9a-f]{6}");
		}
		Map<String, byte[]> presenters = Mailboxes.attachments(only(PRESENTERS));
		assertThat(presenters.keySet()).containsExactlyInAnyOrder("seminar-" + MONTH + ".pptx",
				"charts-" + MONTH + ".zip");
		assertThat(Mailboxes.text(presenters.get("charts-" + MONTH + ".zip"))).contains("funnel.png")
			.contains("funnel.svg");
		assertThat(only(MUNICIPALITY).getSubject()).isEqualTo("Leefbaarheid gemeente oktober 2026");
	}

	@Test
	@Order(2)
	void eachOwnersMailHoldsNoOtherOwnersComplexNameOrDwellingReference() throws Exception {
		assumeThat(owners).as("the report step writes no per-owner files yet (line/dashboard not merged)").isNotEmpty();
		Map<String, List<String>> complexes = complexesByOwner();
		Map<String, Set<String>> dwellings = dwellingsByComplex();
		for (var owner : owners.entrySet()) {
			MimeMessage message = only(owner.getValue());
			String slug = OwnerSlugs.assign(complexes.keySet()).get(owner.getKey());
			Map<String, byte[]> attachments = Mailboxes.attachments(message);
			assertThat(attachments.keySet()).containsExactlyInAnyOrder("dashboard-" + slug + "-" + MONTH + ".xlsx",
					"indicators-" + slug + ".csv", "activity-effects-" + slug + ".csv");
			List<String> others = new ArrayList<>();
			complexes.forEach((other, ids) -> {
				if (!other.equals(owner.getKey())) {
					for (String id : ids) {
						others.add(id);
						others.addAll(dwellings.getOrDefault(id, Set.of()));
					}
				}
			});
			for (var attachment : attachments.entrySet()) {
				String text = Mailboxes.text(attachment.getValue());
				Set<String> words = words(text);
				// ids and dwelling references by their words, names (with spaces) by a
				// search
				assertThat(others).as(owner.getKey() + ": " + attachment.getKey())
					.noneMatch(token -> token.matches("[\\w-]+") ? words.contains(token)
							: Pattern.compile("\\b" + Pattern.quote(token) + "\\b").matcher(text).find());
			}
			assertThat(Mailboxes.body(message)).contains("Periode: oktober 2026");
		}
		assertThat(Mailboxes.attachments(only(TEAM)).keySet())
			.containsExactlyInAnyOrder("dashboard-team-" + MONTH + ".xlsx", "indicators.csv");
	}

	/**
	 * Every text that a pattern {@code \bTOKEN\b} finds for a token of word characters
	 * and hyphens (complex ids, dwelling references): each run of words joined by
	 * hyphens, and every contiguous part of it (a hyphen is a word boundary). One pass
	 * over the text instead of one scan per token.
	 */
	private static Set<String> words(String text) {
		Set<String> words = new HashSet<>();
		Matcher run = Pattern.compile("\\w+(?:-\\w+)*").matcher(text);
		while (run.find()) {
			String[] parts = run.group().split("-");
			for (int from = 0; from < parts.length; from++) {
				StringBuilder joined = new StringBuilder();
				for (int to = from; to < parts.length; to++) {
					joined.append(to > from ? "-" : "").append(parts[to]);
					words.add(joined.toString());
				}
			}
		}
		return words;
	}

	@Test
	@Order(3)
	void aForcedRunWritesTheSameFiguresAndSendsNothingAgain() {
		DeliveryCli.Result forced = cli.run("run", job, "--month", MONTH, "--force");

		assertThat(forced.code()).as(forced.err()).isZero();
		assertThat(forced.deliveries()).isNotEmpty()
			.allSatisfy(d -> assertThat(d).containsEntry("status", "already_sent"));
		assertThat(Mailboxes.of(SERVER, MUNICIPALITY)).hasSize(1);
	}

	@Test
	@Order(4)
	void aLateExportThatChangesTheMonthSendsItAgainAsBijgewerkt() throws Exception {
		Files.writeString(inbox.resolve("reports.csv"), "M99999990;C00001;;Schade;20-10-2026 10:00;;phone;;\n",
				StandardCharsets.UTF_8, StandardOpenOption.APPEND);

		DeliveryCli.Result forced = cli.run("run", job, "--month", MONTH, "--force");

		assertThat(forced.code()).as(forced.err()).isZero();
		List<MimeMessage> municipality = Mailboxes.of(SERVER, MUNICIPALITY);
		assertThat(municipality).hasSize(2);
		assertThat(municipality.get(1).getSubject()).isEqualTo("Leefbaarheid gemeente oktober 2026 (bijgewerkt)");
		assertThat(Mailboxes.of(SERVER, PRESENTERS)).hasSize(2);
	}

	private MimeMessage only(String address) {
		List<MimeMessage> mailbox = Mailboxes.of(SERVER, address);
		assertThat(mailbox).as(address).hasSize(1);
		return mailbox.get(0);
	}

	private void define() throws Exception {
		StringBuilder yaml = new StringBuilder("""
				steps: [import, compute, report, deliver]
				input: %s
				output: %s
				deliver:
				  from: leefbaarheid@example.nl
				  to:
				    - audience: municipality
				      recipients: [%s]
				    - audience: presenters
				      recipients: [%s]
				""".formatted(inbox, cli.output, MUNICIPALITY, PRESENTERS));
		if (!owners.isEmpty()) {
			yaml.append("    - audience: team\n      recipients: [").append(TEAM).append("]\n");
			owners.forEach((owner, address) -> yaml.append("    - owner: \"")
				.append(owner)
				.append("\"\n      recipients: [")
				.append(address)
				.append("]\n"));
		}
		Files.writeString(cli.jobs.resolve(job + ".yml"), yaml);
	}

	/** complexes.csv of the sample data: owner to complex ids and names. */
	private static Map<String, List<String>> complexesByOwner() throws Exception {
		Map<String, List<String>> byOwner = new HashMap<>();
		for (Map<String, String> row : rows(Path.of("sample-data/complexes.csv"))) {
			String owner = row.get("owner");
			if (owner != null && !owner.isBlank()) {
				List<String> tokens = byOwner.computeIfAbsent(owner, o -> new ArrayList<>());
				tokens.add(row.get("complex_id"));
				tokens.add(row.get("name"));
			}
		}
		return byOwner;
	}

	/** reports.csv of the sample data: complex id to its dwelling references. */
	private static Map<String, Set<String>> dwellingsByComplex() throws Exception {
		Map<String, Set<String>> byComplex = new HashMap<>();
		for (Map<String, String> row : rows(Path.of("sample-data/reports.csv"))) {
			String dwelling = row.get("dwelling_ref");
			if (dwelling != null && !dwelling.isBlank()) {
				byComplex.computeIfAbsent(row.get("complex_id"), c -> new HashSet<>()).add(dwelling);
			}
		}
		return byComplex;
	}

	/** The records of a CSV as maps from column name to value. */
	private static List<Map<String, String>> rows(Path file) throws Exception {
		List<List<String>> records = CsvRecords.read(file);
		List<String> header = records.get(0);
		List<Map<String, String>> rows = new ArrayList<>();
		for (List<String> record : records.subList(1, records.size())) {
			Map<String, String> row = new HashMap<>();
			for (int i = 0; i < header.size() && i < record.size(); i++) {
				row.put(header.get(i).trim(), record.get(i));
			}
			rows.add(row);
		}
		return rows;
	}

}
