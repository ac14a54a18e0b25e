package nl.leefbaar.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import nl.leefbaar.cli.CommandLineParser;
import nl.leefbaar.cli.CommandRunner;
import nl.leefbaar.cli.Invocation;
import nl.leefbaar.cli.ProbeSteps;
import nl.leefbaar.schedule.JobDefinitions;
import nl.leefbaar.schedule.RunLock;
import nl.leefbaar.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivery against a real SMTP server in the test run (GreenMail, behind a relay that can
 * refuse a recipient or go down), every mailbox read back. The month's files are written
 * by the fixture as the report step names them; the report step itself is a probe.
 */
class DeliveryTests extends WithMailServer {

	static final String MONTH = "1998-03";

	static final String HAVENSTEDER = "manager@havensteder.example.nl";

	static final String VESTIA = "manager@vestia.example.nl";

	static final String WOONSTAD = "manager@woonstad.example.nl";

	static final String MUNICIPALITY = "beleid@gemeente.example.nl";

	static final String PRESENTERS = "presentator@example.nl";

	static final String TEAM = "team@example.nl";

	static final String DELIVER_BLOCK = """
			deliver:
			  from: leefbaarheid@example.nl
			  to:
			    - owner: Havensteder
			      recipients: [%s]
			    - owner: Vestia
			      recipients: [%s]
			    - owner: Woonstad Rotterdam
			      recipients: [%s]
			    - audience: municipality
			      recipients: [%s]
			    - audience: presenters
			      recipients: [%s]
			    - audience: team
			      recipients: [%s]
			""".formatted(HAVENSTEDER, VESTIA, WOONSTAD, MUNICIPALITY, PRESENTERS, TEAM);

	@Autowired
	CommandRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	ProbeSteps.Probe probe;

	@Autowired
	RunLock runLock;

	@TempDir
	Path folder;

	DeliveryCli cli;

	Path jobs;

	Path output;

	Path monthFolder;

	String job;

	@BeforeEach
	void givenTheMonthsFilesAndAnEmptyServer() throws Exception {
		TestDatabase.clearDomainTables(jdbc);
		DeliveryCli.forget(jdbc, jobRepository);
		probe.reset();
		SERVER.purgeEmailFromAllMailboxes();
		RELAY.acceptAll();
		RELAY.up();
		cli = new DeliveryCli(runner, folder);
		jobs = cli.jobs;
		output = cli.output;
		monthFolder = output.resolve(MONTH);
		MonthFiles.insertCity(jdbc, MONTH);
		MonthFiles.write(monthFolder, MONTH);
		job = cli.define(DELIVER_BLOCK);
	}

	@AfterEach
	void forget() {
		DeliveryCli.forget(jdbc, jobRepository);
	}

	@Test
	void eachOwnerGetsItsOwnFilesOnlyAndEachAudienceItsFiles() throws Exception {
		DeliveryCli.Result run = cli.run("run", job, "--month", MONTH);

		assertThat(run.code()).as(run.err()).isZero();
		for (var owner : MonthFiles.COMPLEXES.entrySet()) {
			String address = Map.of("Havensteder", HAVENSTEDER, "Vestia", VESTIA, "Woonstad Rotterdam", WOONSTAD)
				.get(owner.getKey());
			List<MimeMessage> mailbox = Mailboxes.of(SERVER, address);
			assertThat(mailbox).as(address).hasSize(1);
			String slug = MonthFiles.SLUGS.get(owner.getKey());
			Map<String, byte[]> attachments = Mailboxes.attachments(mailbox.get(0));
			assertThat(attachments.keySet()).containsExactlyInAnyOrder("dashboard-" + slug + "-" + MONTH + ".xlsx",
					"indicators-" + slug + ".csv", "activity-effects-" + slug + ".csv");
			List<String> others = new ArrayList<>();
			for (String complex : MonthFiles.allComplexes()) {
				if (!owner.getValue().contains(complex)) {
					others.add(complex);
					others.add(MonthFiles.dwelling(complex));
				}
			}
			for (var attachment : attachments.entrySet()) {
				String text = Mailboxes.text(attachment.getValue());
				assertThat(text).as(attachment.getKey()).contains(owner.getValue().get(0));
				assertThat(others).as(address + " " + attachment.getKey()).noneMatch(text::contains);
			}
			assertThat(mailbox.get(0).getSubject()).isEqualTo("Leefbaarheid " + owner.getKey() + " maart 1998");
			assertThat(mailbox.get(0).getFrom()[0].toString()).isEqualTo("leefbaarheid@example.nl");
			assertThat(mailbox.get(0).getAllRecipients()).extracting(Object::toString).containsExactly(address);
		}
		assertThat(names(MUNICIPALITY)).containsExactlyInAnyOrder("neighbourhoods-" + MONTH + ".xlsx",
				"indicators-public.csv");
		for (byte[] file : Mailboxes.attachments(Mailboxes.of(SERVER, MUNICIPALITY).get(0)).values()) {
			assertThat(Mailboxes.text(file)).doesNotContain("DW-");
		}
		assertThat(names(PRESENTERS)).containsExactlyInAnyOrder("seminar-" + MONTH + ".pptx",
				"charts-" + MONTH + ".zip");
		assertThat(Mailboxes
			.text(Mailboxes.attachments(Mailboxes.of(SERVER, PRESENTERS).get(0)).get("charts-" + MONTH + ".zip")))
			.contains("funnel.png")
			.contains("funnel.svg");
		assertThat(names(TEAM)).containsExactlyInAnyOrder("dashboard-team-" + MONTH + ".xlsx", "indicators.csv");
		assertThat(SERVER.getReceivedMessages()).hasSize(6);
	}

	@Test
	void theBodySaysThePeriodTheDatasLastReportDateAndForAnOwnerTheTopOfItsAandachtList() throws Exception {
		cli.run("run", job, "--month", MONTH);

		String body = Mailboxes.body(Mailboxes.of(SERVER, HAVENSTEDER).get(0));
		assertThat(body).contains("Periode: maart 1998")
			.contains("Data t/m: 15 maart 1998")
			.contains("indicators-havensteder.csv")
			.contains("- Aandacht Havensteder 1998-03 regel 1\n- Aandacht Havensteder 1998-03 regel 2\n"
					+ "- Aandacht Havensteder 1998-03 regel 3\n")
			.doesNotContain("regel 4");
		assertThat(Mailboxes.body(Mailboxes.of(SERVER, TEAM).get(0))).doesNotContain("Aandacht");
		assertThat(Mailboxes.of(SERVER, MUNICIPALITY).get(0).getSubject())
			.isEqualTo("Leefbaarheid gemeente maart 1998");
	}

	@Test
	void theRunSummaryListsOneDeliveryPerMessageAndStatusListsTheMonthsDeliveries() throws Exception {
		DeliveryCli.Result run = cli.run("run", job, "--month", MONTH);

		List<Map<String, Object>> deliveries = run.deliveries();
		assertThat(deliveries).hasSize(6).allSatisfy(d -> assertThat(d).containsEntry("status", "sent"));
		assertThat(deliveries.get(0)).containsEntry("to", HAVENSTEDER).containsEntry("files", 3);
		assertThat(run.out()).contains("deliveries").contains("6 sent, 0 already sent, 0 failed");

		DeliveryCli.Result status = cli.run("status", "--month", MONTH);
		assertThat(status.out()).contains("Deliveries of " + MONTH)
			.contains("owner:Havensteder")
			.contains(HAVENSTEDER)
			.contains("audience:team");
	}

	@Test
	void aRepeatedRunARunWithForceAndDeliverSendNothingAlreadySent() throws Exception {
		assertThat(cli.run("run", job, "--month", MONTH).code()).isZero();

		DeliveryCli.Result again = cli.run("run", job, "--month", MONTH);
		DeliveryCli.Result forced = cli.run("run", job, "--month", MONTH, "--force");
		DeliveryCli.Result deliver = cli.run("deliver", "--month", MONTH, "--output", output.toString());

		assertThat(again.out()).contains("already completed");
		assertThat(forced.code()).as(forced.err()).isZero();
		assertThat(forced.deliveries()).hasSize(6)
			.allSatisfy(d -> assertThat(d).containsEntry("status", "already_sent"));
		assertThat(deliver.code()).as(deliver.err()).isZero();
		assertThat(Path.of(deliver.lastLine())).hasParent(output.resolve("runs"));
		assertThat(Path.of(deliver.lastLine()).getFileName().toString())
			.matches("deliver-\\d{4}-\\d\\d-\\d\\dT\\d{6}\\.json");
		assertThat(deliver.deliveries()).allSatisfy(d -> assertThat(d).containsEntry("status", "already_sent"));
		assertThat(SERVER.getReceivedMessages()).hasSize(6);
	}

	@Test
	void changedFiguresAreSentAgainAsBijgewerktAndOnlyToWhomTheyChanged() throws Exception {
		assertThat(cli.run("run", job, "--month", MONTH).code()).isZero();
		// a late export recomputed the month: Havensteder's figures changed, the rest not
		Files.writeString(monthFolder.resolve("indicators-havensteder.csv"),
				MonthFiles.indicators(MONTH, List.of("CX-HAV-1", "CX-HAV-2")).replace("reports,3", "reports,4"));
		// a workbook written again differs in its bytes, not in its figures
		MonthFiles.write(monthFolder.resolveSibling("elsewhere"), MONTH);
		Files.copy(monthFolder.resolveSibling("elsewhere").resolve("dashboard-vestia-" + MONTH + ".xlsx"),
				monthFolder.resolve("dashboard-vestia-" + MONTH + ".xlsx"), StandardCopyOption.REPLACE_EXISTING);

		DeliveryCli.Result forced = cli.run("run", job, "--month", MONTH, "--force");

		assertThat(forced.code()).as(forced.err()).isZero();
		List<MimeMessage> havensteder = Mailboxes.of(SERVER, HAVENSTEDER);
		assertThat(havensteder).hasSize(2);
		assertThat(havensteder.get(1).getSubject()).isEqualTo("Leefbaarheid Havensteder maart 1998 (bijgewerkt)");
		assertThat(Mailboxes.body(havensteder.get(1))).contains("Bijgewerkt");
		assertThat(Mailboxes.of(SERVER, VESTIA)).hasSize(1);
		assertThat(SERVER.getReceivedMessages()).hasSize(7);
		assertThat(forced.deliveries()).filteredOn(d -> "sent".equals(d.get("status")))
			.singleElement()
			.satisfies(d -> assertThat(d).containsEntry("to", HAVENSTEDER).containsEntry("updated", true));
	}

	@Test
	void deliverWithForceSendsEveryEntryAgain() throws Exception {
		assertThat(cli.run("run", job, "--month", MONTH).code()).isZero();

		DeliveryCli.Result deliver = cli.run("deliver", "--month", MONTH, "--output", output.toString(), "--job", job,
				"--force");

		assertThat(deliver.code()).as(deliver.err()).isZero();
		assertThat(SERVER.getReceivedMessages()).hasSize(12);
		assertThat(Mailboxes.of(SERVER, VESTIA).get(1).getSubject()).isEqualTo("Leefbaarheid Vestia maart 1998");
	}

	@Test
	void aRefusedRecipientFailsTheStepInOneLineAndTheRestartSendsToThatRecipientOnly() throws Exception {
		RELAY.refuse(VESTIA);

		DeliveryCli.Result failed = cli.run("run", job, "--month", MONTH);

		assertThat(failed.code()).isEqualTo(1);
		assertThat(failed.err().strip()).doesNotContain("\n")
			.contains(VESTIA)
			.contains("550")
			.contains(jobs.resolve(job + ".yml") + ":8")
			.doesNotContain("Exception");
		assertThat(Mailboxes.of(SERVER, VESTIA)).isEmpty();
		assertThat(SERVER.getReceivedMessages()).as("the others went").hasSize(5);
		assertThat(monthFolder.resolve("dashboard-vestia-" + MONTH + ".xlsx")).exists();
		assertThat(failed.deliveries()).filteredOn(d -> "failed".equals(d.get("status")))
			.singleElement()
			.satisfies(d -> assertThat((String) d.get("reason")).contains("550"));
		RELAY.acceptAll();

		DeliveryCli.Result restarted = cli.run("restart", failed.executionId());

		assertThat(restarted.code()).as(restarted.err()).isZero();
		assertThat(Mailboxes.of(SERVER, VESTIA)).hasSize(1);
		assertThat(SERVER.getReceivedMessages()).as("to the second only").hasSize(6);
		for (String address : List.of(HAVENSTEDER, WOONSTAD, MUNICIPALITY, PRESENTERS, TEAM)) {
			assertThat(Mailboxes.of(SERVER, address)).as(address).hasSize(1);
		}
	}

	@Test
	void aRunKilledBetweenTwoMessagesSendsTheRestWhenRunAgainNoneTwice() throws Exception {
		RELAY.refuse(VESTIA);
		DeliveryCli.Result first = cli.run("run", job, "--month", MONTH);
		String execution = first.executionId();
		// what a process killed after the first message leaves behind: its run still
		// STARTED,
		// the deliver step's transaction never committed, the accepted message in the log
		jdbc.update("update batch_job_execution set status = 'STARTED', exit_code = 'UNKNOWN', end_time = null "
				+ "where job_execution_id = ?", Long.parseLong(execution));
		jdbc.update("update batch_step_execution set status = 'STARTED', exit_code = 'EXECUTING', end_time = null "
				+ "where job_execution_id = ? and step_name = 'deliverStep'", Long.parseLong(execution));
		RELAY.acceptAll();

		DeliveryCli.Result again = cli.run("run", job, "--month", MONTH);

		assertThat(again.code()).as(again.err()).isZero();
		for (String address : List.of(HAVENSTEDER, VESTIA, WOONSTAD, MUNICIPALITY, PRESENTERS, TEAM)) {
			assertThat(Mailboxes.of(SERVER, address)).as(address).hasSize(1);
		}
	}

	@Test
	void anUnreachableServerFailsTheStepNamingTheRecipientAndTheNextRunSendsAll() throws Exception {
		RELAY.down();

		DeliveryCli.Result failed = cli.run("run", job, "--month", MONTH);

		assertThat(failed.code()).isEqualTo(1);
		assertThat(failed.err().strip()).doesNotContain("\n")
			.contains(HAVENSTEDER)
			.contains("cannot reach the mail server");
		assertThat(monthFolder.resolve("indicators-havensteder.csv")).exists();
		assertThat(failed.deliveries()).hasSize(6).allSatisfy(d -> assertThat(d).containsEntry("status", "failed"));
		RELAY.up();

		DeliveryCli.Result again = cli.run("run", job, "--month", MONTH);

		assertThat(again.code()).as(again.err()).isZero();
		assertThat(probe.calls).as("the report is not written again").containsOnlyOnce("report " + MONTH);
		assertThat(SERVER.getReceivedMessages()).hasSize(6);
	}

	@Test
	void anOwnerThatOwnsNoImportedComplexFailsTheStepNamingTheEntryAfterTheFilesAreWritten() throws Exception {
		String typo = cli.define(DELIVER_BLOCK.replace("owner: Vestia", "owner: Vestiaa"));

		DeliveryCli.Result failed = cli.run("run", typo, "--month", MONTH);

		assertThat(failed.code()).isEqualTo(1);
		assertThat(failed.err().strip()).doesNotContain("\n")
			.contains(jobs.resolve(typo + ".yml") + ":8: owner 'Vestiaa' is no owner of the imported complexes");
		assertThat(probe.calls).contains("report " + MONTH);
		assertThat(SERVER.getReceivedMessages()).as("nothing sent").isEmpty();
	}

	@Test
	void aMessageOverTwentyMegabytesFailsTheStepNamingItAndNothingIsSent() throws Exception {
		byte[] large = new byte[21 * 1024 * 1024];
		new Random(1).nextBytes(large);
		Files.write(monthFolder.resolve("neighbourhoods-" + MONTH + ".xlsx"), large);

		DeliveryCli.Result failed = cli.run("run", job, "--month", MONTH);

		assertThat(failed.code()).isEqualTo(1);
		assertThat(failed.err().strip()).doesNotContain("\n")
			.contains(":12: the message for audience municipality is ")
			.contains("over the 20 MB");
		assertThat(SERVER.getReceivedMessages()).isEmpty();
	}

	@Test
	void whileAnotherProcessSendsTheMonthNothingIsSentTwice() throws Exception {
		DeliveryCli.Result failed;
		try (var held = runLock.acquire("(mail)", MONTH)) {
			failed = cli.run("run", job, "--month", MONTH);
		}

		assertThat(failed.code()).isEqualTo(1);
		assertThat(failed.err()).contains("another process is sending the deliveries of " + MONTH);
		assertThat(SERVER.getReceivedMessages()).isEmpty();
		assertThat(cli.run("restart", failed.executionId()).code()).isZero();
		assertThat(SERVER.getReceivedMessages()).hasSize(6);
	}

	@Test
	void noDeliverWritesTheFilesAndSendsNothing() throws Exception {
		DeliveryCli.Result run = cli.run("run", job, "--month", MONTH, "--no-deliver");

		assertThat(run.code()).as(run.err()).isZero();
		assertThat(run.deliveries()).isEmpty();
		assertThat(SERVER.getReceivedMessages()).isEmpty();
	}

	@Test
	void theMailPasswordIsUsedAndNeverShown() throws Exception {
		probe.failOnce("report", "cannot log in to smtp://leefbaar:" + PASSWORD + "@localhost with " + PASSWORD);

		DeliveryCli.Result failed = cli.run("run", job, "--month", MONTH);
		DeliveryCli.Result restarted = cli.run("restart", failed.executionId());

		assertThat(failed.err()).contains("***").doesNotContain(PASSWORD);
		assertThat(restarted.code()).as(restarted.err()).isZero();
		assertThat(SERVER.getReceivedMessages()).as("logged in with the password").hasSize(6);
		String base64 = Base64.getEncoder()
			.encodeToString(("\0leefbaar\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		for (DeliveryCli.Result result : List.of(failed, restarted)) {
			assertThat(result.out() + result.err()).doesNotContain(PASSWORD).doesNotContain(base64);
		}
		try (var files = Files.walk(output)) {
			for (Path file : files.filter(f -> f.getFileName().toString().startsWith("run-summary")).toList()) {
				assertThat(Files.readString(file)).doesNotContain(PASSWORD);
			}
		}
	}

	private List<String> names(String address) throws Exception {
		List<MimeMessage> mailbox = Mailboxes.of(SERVER, address);
		assertThat(mailbox).as(address).hasSize(1);
		return List.copyOf(Mailboxes.attachments(mailbox.get(0)).keySet());
	}

}
