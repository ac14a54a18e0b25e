package nl.leefbaar.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import nl.leefbaar.ingest.ImportException;
import nl.leefbaar.ingest.ImportResult;
import nl.leefbaar.ingest.ImportService;
import nl.leefbaar.schedule.SourceDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Signalen source against a local server that answers like Signalen (its pages
 * checked against Signalen's own OpenAPI document), through the real import into the
 * embedded PostgreSQL.
 */
@SpringBootTest
class SignalenSourceTests {

	@Autowired
	ImportService importService;

	@Autowired
	Watermarks watermarks;

	@Autowired
	SourceSettings settings;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path root;

	SourceFixture fixture;

	FakeSignalen server;

	@BeforeEach
	void setUp() throws Exception {
		SourceFixture.clear(jdbc);
		fixture = new SourceFixture(root);
		server = new FakeSignalen();
	}

	@AfterEach
	void tearDown() {
		server.close();
		assertThat(server.schemaProblems).as("pages that Signalen's schema refuses").isEmpty();
	}

	@Test
	void mapsEverySignalOfEveryPageAndMovesTheWatermark() throws Exception {
		// 230 signals at C1's 3011AB 10 (pages of 100: three pages), and the special ones
		for (long id = 1; id <= 230; id++) {
			server.add(id, "2025-03-01T08:00:00Z", "2025-03-02T08:00:00Z")
				.plusSeconds(id)
				.at("3011AB", "10", null, null);
		}
		server.add(1001, "2025-04-01T09:30:00Z", "2025-04-03T10:00:00Z")
			.at("3011 ab", "12", "A", null)
			.category("overlast-van-en-door-personen-of-groepen", "jongerenoverlast")
			.state("o", Instant.parse("2025-04-03T10:00:00Z"));
		server.add(1002, "2025-04-01T09:30:00Z", "2025-04-04T10:00:00Z").at("3011AB", "12", null, "2");
		server.add(1003, "2025-04-01T09:30:00Z", "2025-04-05T10:00:00Z")
			.at("3072XK", "7", null, null)
			.category("wegen-verkeer-straatmeubilair", "gladheid");
		server.add(1004, "2025-04-01T09:30:00Z", "2025-04-06T10:00:00Z")
			.at("3011AB", "10", null, null)
			.state("a", Instant.parse("2025-04-06T10:00:00Z"));
		server.add(1005, "2025-04-01T09:30:00Z", "2025-04-07T10:00:00Z").at("9999ZZ", "1", null, null);
		server.add(1006, "2025-04-01T09:30:00Z", "2025-04-08T10:00:00Z"); // no address at
																			// all
		SignalenSource source = SourceFixture.signalen(server, SourceFixture.fast(settings), watermarks);

		ImportResult result = fixture.pull(importService, source);

		assertThat(server.pageRequests).hasSize(3);
		assertThat(server.pageRequests.get(0).getQuery()).isEqualTo("ordering=updated_at&page_size=100");
		assertThat(server.tokenRequests.get()).isEqualTo(1);
		assertThat(count("select count(*) from report")).isEqualTo(233);
		Map<String, Object> closed = jdbc.queryForMap("select * from report where report_id = 'signalen:1001'");
		assertThat(closed).containsEntry("complex_id", "C1")
			.containsEntry("dwelling_ref", "D-0012A")
			.containsEntry("source_category", "overlast-van-en-door-personen-of-groepen/jongerenoverlast")
			.containsEntry("category", "safety")
			.containsEntry("channel", "online");
		assertThat(jdbc.queryForObject(
				"select reported_at = '2025-04-01T09:30:00Z' and closed_at = '2025-04-03T10:00:00Z' from report"
						+ " where report_id = 'signalen:1001'",
				Boolean.class))
			.isTrue();
		assertThat(
				jdbc.queryForObject("select dwelling_ref from report where report_id = 'signalen:1002'", String.class))
			.isEqualTo("D-0012-2");
		Map<String, Object> unmapped = jdbc.queryForMap("select * from report where report_id = 'signalen:1003'");
		assertThat(unmapped).containsEntry("complex_id", "C2").containsEntry("category", "other");
		assertThat(unmapped.get("dwelling_ref")).isNull();
		assertThat(unmapped.get("closed_at")).isNull();
		assertThat(source(result).unmapped()).isEqualTo(1);
		assertThat(source.summary()).containsEntry("pulled", 236L)
			.containsEntry("cancelled", 1L)
			.containsEntry("outside_complexes", 2L)
			.containsEntry("watermark", "2025-04-08T10:00:00Z");
		assertThat(watermarks.all()).singleElement()
			.satisfies(mark -> assertThat(mark.watermark()).isEqualTo(Instant.parse("2025-04-08T10:00:00Z")));
		assertThat(source(result).newRows()).isEqualTo(233);
		assertThat(result.rejected()).isZero();
	}

	@Test
	void theNextPullAsksFromTheWatermarkAndGetsTheBoundaryAgainAsUnchanged() throws Exception {
		server.add(1, "2025-04-01T09:00:00Z", "2025-04-02T10:00:00Z").at("3011AB", "10", null, null);
		server.add(2, "2025-04-01T09:00:00Z", "2025-04-03T10:00:00Z").at("3011AB", "10", null, null);
		fixture.pull(importService, SourceFixture.signalen(server, SourceFixture.fast(settings), watermarks));
		server.add(3, "2025-04-05T09:00:00Z", "2025-04-05T10:00:00Z").at("3011AB", "10", null, null);

		ImportResult second = fixture.pull(importService,
				SourceFixture.signalen(server, SourceFixture.fast(settings), watermarks));

		assertThat(server.pageRequests.get(1).getQuery())
			.isEqualTo("updated_after=2025-04-03T10:00:00.000000+00:00&ordering=updated_at&page_size=100");
		assertThat(source(second).rowsRead()).isEqualTo(2);
		assertThat(source(second).newRows()).isEqualTo(1);
		assertThat(source(second).unchanged()).isEqualTo(1);
		assertThat(count("select count(*) from report")).isEqualTo(3);
	}

	@Test
	void aSignalChangedAfterItWasPulledIsPulledAgainUpsertedAndCountedAsChanged() throws Exception {
		FakeSignalen.Stored signal = server.add(1, "2025-04-01T09:00:00Z", "2025-04-01T09:00:00Z")
			.at("3011AB", "10", null, null);
		fixture.pull(importService, SourceFixture.signalen(server, SourceFixture.fast(settings), watermarks));
		signal.state("o", Instant.parse("2025-04-04T12:00:00Z"));
		signal.updatedAt = Instant.parse("2025-04-04T12:00:00Z");

		ImportResult second = fixture.pull(importService,
				SourceFixture.signalen(server, SourceFixture.fast(settings), watermarks));

		assertThat(source(second).changed()).isEqualTo(1);
		assertThat(source(second).newRows()).isZero();
		assertThat(jdbc.queryForObject("select closed_at = '2025-04-04T12:00:00Z' from report", Boolean.class))
			.isTrue();
	}

	@Test
	void signalsSharingOneUpdatedAtAcrossTwoPagesAreAllStoredAndTheBoundaryIsReadAgain() throws Exception {
		// 150 signals changed in one bulk action at the same instant: pages 1 and 2 share
		// it
		for (long id = 1; id <= 150; id++) {
			server.add(id, "2025-04-01T09:00:00Z", "2025-04-02T10:00:00Z").at("3011AB", "10", null, null);
		}

		ImportResult first = fixture.pull(importService,
				SourceFixture.signalen(server, SourceFixture.fast(settings), watermarks));

		assertThat(source(first).newRows()).isEqualTo(150);
		assertThat(watermarks.all().get(0).watermark()).isEqualTo(Instant.parse("2025-04-02T10:00:00Z"));
		// a signal that a slow transaction in Signalen committed later with the same time
		server.add(151, "2025-04-01T09:00:00Z", "2025-04-02T10:00:00Z").at("3011AB", "10", null, null);

		ImportResult second = fixture.pull(importService,
				SourceFixture.signalen(server, SourceFixture.fast(settings), watermarks));

		assertThat(source(second).newRows()).as("the late signal at the watermark's time").isEqualTo(1);
		assertThat(source(second).unchanged()).as("the boundary read again").isEqualTo(150);
		assertThat(count("select count(*) from report")).isEqualTo(151);
	}

	@Test
	void signalsThatShareAnUpdatedAtAndComeInAnotherOrderOnTheNextPageAreReadAgain() throws Exception {
		// Signalen orders by updated_at alone: ties may come in another order on the next
		// page request, so that one signal comes twice and another not at all in a pass
		for (long id = 1; id <= 150; id++) {
			server.add(id, "2025-04-01T09:00:00Z", "2025-04-02T10:00:00Z").at("3011AB", "10", null, null);
		}
		server.reverseTies.add(2);

		ImportResult result = fixture.pull(importService,
				SourceFixture.signalen(server, SourceFixture.fast(settings), watermarks));

		assertThat(server.pageRequests).as("a second pass from the repeated signal's time").hasSize(4);
		assertThat(source(result).newRows()).isEqualTo(150);
		assertThat(count("select count(*) from report")).isEqualTo(150);
	}

	@Test
	void aSignalThatChangesDuringThePullLetsNoOtherSlipPastAPage() throws Exception {
		for (long id = 1; id <= 200; id++) {
			server.add(id, "2025-04-01T09:00:00Z", "2025-04-02T10:00:00Z")
				.plusSeconds(id)
				.at("3011AB", "10", null, null);
		}
		// while page 1 is read, signal 5 is closed: it moves to the end and signal 101
		// moves onto page 1, which has been read
		server.before.put(2, () -> {
			FakeSignalen.Stored five = server.store.get(5L);
			five.state("o", Instant.parse("2025-05-01T00:00:00Z"));
			five.updatedAt = Instant.parse("2025-05-01T00:00:00Z");
		});

		ImportResult result = fixture.pull(importService,
				SourceFixture.signalen(server, SourceFixture.fast(settings), watermarks));

		assertThat(count("select count(*) from report")).isEqualTo(200);
		assertThat(count("select count(*) from report where closed_at is not null")).isEqualTo(1);
		assertThat(source(result).loaded()).isGreaterThan(200);
		assertThat(watermarks.all().get(0).watermark()).isEqualTo(Instant.parse("2025-05-01T00:00:00Z"));
	}

	@Test
	void aPullInterruptedBetweenPagesCommitsNothingAndTheNextRunGetsEverySignalOnce() throws Exception {
		for (long id = 1; id <= 150; id++) {
			server.add(id, "2025-04-01T09:00:00Z", "2025-04-02T10:00:00Z")
				.plusSeconds(id)
				.at("3011AB", "10", null, null);
		}
		server.faults(2, FakeSignalen.status(503), FakeSignalen.status(502), FakeSignalen.status(500),
				FakeSignalen.status(504));

		assertThatThrownBy(() -> fixture.pull(importService,
				SourceFixture.signalen(server, SourceFixture.fast(settings), watermarks)))
			.isInstanceOf(ImportException.class)
			.hasMessageStartingWith("signalen: the server answered 504 for page 2")
			.hasMessageContaining("4 attempts; nothing of signalen was committed")
			.satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
		assertThat(count("select count(*) from report")).isZero();
		assertThat(count("select count(*) from complex")).as("nothing of the import at all").isZero();
		assertThat(watermarks.all()).isEmpty();

		ImportResult again = fixture.pull(importService,
				SourceFixture.signalen(server, SourceFixture.fast(settings), watermarks));

		assertThat(source(again).newRows()).isEqualTo(150);
		assertThat(source(again).rowsRead()).isEqualTo(150);
		assertThat(count("select count(*) from report")).isEqualTo(150);
	}

	@Test
	void serverErrorsAndTimeoutsAreTriedAgainAfterTheWaits() throws Exception {
		server.add(1, "2025-04-01T09:00:00Z", "2025-04-02T10:00:00Z").at("3011AB", "10", null, null);
		server.faults(1, FakeSignalen.status(503), FakeSignalen.slow(1500), FakeSignalen.status(500));

		ImportResult result = fixture.pull(importService,
				SourceFixture.signalen(server, SourceFixture.fast(settings), watermarks));

		assertThat(server.pageRequests).hasSize(4);
		assertThat(source(result).newRows()).isEqualTo(1);
	}

	@Test
	void aRefusedTokenFailsAtOnceInOneLine() throws Exception {
		server.add(1, "2025-04-01T09:00:00Z", "2025-04-02T10:00:00Z").at("3011AB", "10", null, null);
		server.faults(1, FakeSignalen.status(401), FakeSignalen.status(403));
		for (int status : new int[] { 401, 403 }) {
			server.pageRequests.clear();

			assertThatThrownBy(() -> fixture.pull(importService,
					SourceFixture.signalen(server, SourceFixture.fast(settings), watermarks)))
				.hasMessage("signalen: the token was refused (HTTP " + status + " for page 1 (" + server.url()
						+ "?ordering=updated_at&page_size=100))");
			assertThat(server.pageRequests).as("no retry").hasSize(1);
		}
		server.refuseTokens = true;

		assertThatThrownBy(() -> fixture.pull(importService,
				SourceFixture.signalen(server, SourceFixture.fast(settings), watermarks)))
			.hasMessageStartingWith("signalen: the token endpoint refused the client credentials (HTTP 401")
			.satisfies(e -> assertThat(e.getMessage()).doesNotContain(FakeSignalen.SECRET));
		assertThat(count("select count(*) from report")).isZero();
	}

	@Test
	void aNewTokenIsFetchedWhenTheOldOneExpires() throws Exception {
		for (long id = 1; id <= 500; id++) {
			server.add(id, "2025-04-01T09:00:00Z", "2025-04-02T10:00:00Z")
				.plusSeconds(id)
				.at("3011AB", "10", null, null);
		}
		server.tokenLifetimeSeconds = 1;
		for (int page = 2; page <= 5; page++) {
			server.before.put(page, () -> sleep(400));
		}

		ImportResult result = fixture.pull(importService,
				SourceFixture.signalen(server, SourceFixture.fast(settings), watermarks));

		assertThat(source(result).newRows()).isEqualTo(500);
		assertThat(server.tokenRequests.get()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void aMalformedPageFailsTheSourceNamingThePageAndTheField() throws Exception {
		for (long id = 1; id <= 150; id++) {
			server.add(id, "2025-04-01T09:00:00Z", "2025-04-02T10:00:00Z")
				.plusSeconds(id)
				.at("3011AB", "10", null, null);
		}
		assertMalformed(page -> "<html>502 Bad Gateway</html>",
				"signalen: page 1 (" + server.url() + "?ordering=updated_at&page_size=100) is not JSON");
		assertMalformed(page -> "{\"_links\": {\"next\": {\"href\": null}}, \"results\": [{\"id\": \"12\"}]}",
				"is malformed: results[0].id is not a whole number");
		assertMalformed(page -> "{\"_links\": {\"next\": {\"href\": null}}, \"results\": [{\"id\": 12,"
				+ " \"updated_at\": \"2025-04-02T10:00:00+02:00\", \"created_at\": \"2025-04-01T10:00:00+02:00\","
				+ " \"category\": {\"sub_slug\": \"grofvuil\"}}]}",
				"is malformed: results[0].category.main_slug is missing");
		assertMalformed(page -> "{\"results\": []}", "is malformed: _links is missing");
		assertMalformed(page -> "{\"_links\": {\"next\": {\"href\": null}}, \"results\": {}}",
				"is malformed: results is not a list");
		assertThat(count("select count(*) from report")).isZero();
		assertThat(watermarks.all()).isEmpty();
	}

	@Test
	void aNextPageOnAnotherServerIsRefusedSoThatTheTokenStaysHome() throws Exception {
		server.replaceBody = page -> "{\"_links\": {\"next\": {\"href\": \"https://elsewhere.example/steal?page=2\"}},"
				+ " \"results\": []}";

		assertThatThrownBy(() -> fixture.pull(importService,
				SourceFixture.signalen(server, SourceFixture.fast(settings), watermarks)))
			.hasMessageContaining("links to another server (elsewhere.example)");
	}

	@Test
	void aSignalThatBreaksAnInputRuleGoesToTheRejectFileWithTheSourceAndItsId() throws Exception {
		server.add(1, "2025-04-01T09:00:00Z", "2025-04-02T10:00:00Z").at("3011AB", "10", null, null);
		server.add(2, "2099-04-01T09:00:00Z", "2025-04-03T10:00:00Z").at("3011AB", "10", null, null);
		server.add(3, "2025-04-01T09:00:00Z", "2025-04-04T10:00:00Z")
			.at("3011AB", "10", null, null)
			.state("o", Instant.parse("2025-03-01T09:00:00Z"));
		fixture.write("addresses.csv", """
				complex_id,postcode,house_number,house_letter,house_number_addition,dwelling_ref
				C1,3011AB,10,,,D-0010
				C9,3011AB,11,,,D-0011
				C1,30111AB,14,,,D-0014
				C1,3011AB,10,,,D-0010b
				""");
		server.add(4, "2025-04-01T09:00:00Z", "2025-04-05T10:00:00Z").at("3011AB", "11", null, null);
		for (long id = 100; id < 160; id++) { // enough good ones to stay under the reject
												// share
			server.add(id, "2025-04-01T09:00:00Z", "2025-04-06T10:00:00Z").at("3011AB", "10", null, null);
		}

		ImportResult result = fixture.pull(importService,
				SourceFixture.signalen(server, SourceFixture.fast(settings), watermarks));

		List<List<String>> rejects = SourceFixture.rejects(result);
		assertThat(rejects).contains(
				List.of("signalen", "signalen:2", "reported_at", "timestamp 2099-04-01T11:00+02:00 is in the future",
						"signalen:2,C1,afval/grofvuil,2099-04-01T11:00:00.000000+02:00,D-0010,,online,"),
				List.of("addresses.csv", "4", "postcode", "not a Dutch postcode (1234AB)", ""),
				List.of("addresses.csv", "5", "postcode",
						"the same address as an earlier line (the first line of an address is kept)", ""));
		assertThat(rejects)
			.anySatisfy(r -> assertThat(r.subList(0, 3)).containsExactly("signalen", "signalen:3", "closed_at"));
		assertThat(rejects).anySatisfy(r -> assertThat(r.subList(0, 4)).containsExactly("signalen", "signalen:4",
				"complex_id", "unknown complex 'C9'"));
		assertThat(Files.readString(result.rejectsFile())).doesNotContain("3011AB").doesNotContain("30111AB");
		assertThat(count("select count(*) from report")).isEqualTo(61);
	}

	@Test
	void aSignalCancelledOrMovedOutsideTheComplexesLaterIsRemoved() throws Exception {
		FakeSignalen.Stored cancelled = server.add(1, "2025-04-01T09:00:00Z", "2025-04-02T10:00:00Z")
			.at("3011AB", "10", null, null);
		FakeSignalen.Stored moved = server.add(2, "2025-04-01T09:00:00Z", "2025-04-02T11:00:00Z")
			.at("3011AB", "10", null, null);
		server.add(3, "2025-04-01T09:00:00Z", "2025-04-02T12:00:00Z").at("3011AB", "10", null, null);
		fixture.pull(importService, SourceFixture.signalen(server, SourceFixture.fast(settings), watermarks));
		cancelled.state("a", Instant.parse("2025-04-06T10:00:00Z"));
		cancelled.updatedAt = Instant.parse("2025-04-06T10:00:00Z");
		moved.at("1011AA", "1", null, null);
		moved.updatedAt = Instant.parse("2025-04-06T11:00:00Z");
		SignalenSource source = SourceFixture.signalen(server, SourceFixture.fast(settings), watermarks);

		fixture.pull(importService, source);

		assertThat(jdbc.queryForList("select report_id from report", String.class)).containsExactly("signalen:3");
		assertThat(source.summary()).containsEntry("removed", 2L)
			.containsEntry("cancelled", 1L)
			.containsEntry("outside_complexes", 1L);
	}

	@Test
	void withoutItsSecretOrAddressesTheSourceFailsInOneLine() throws Exception {
		SignalenSource withoutSecret = new SignalenSource(new SourceDefinition.Signalen("signalen", server.url(),
				server.tokenUrl(), FakeSignalen.CLIENT_ID, "NOT_SET_ANYWHERE"), settings, watermarks, name -> null);
		assertThatThrownBy(() -> fixture.pull(importService, withoutSecret))
			.hasMessage("signalen: the environment variable NOT_SET_ANYWHERE (the client secret) is not set");
		Files.delete(fixture.input.resolve("addresses.csv"));
		assertThatThrownBy(() -> fixture.pull(importService,
				SourceFixture.signalen(server, SourceFixture.fast(settings), watermarks)))
			.hasMessageStartingWith("signalen: addresses.csv is missing in " + fixture.input);
	}

	private void assertMalformed(IntFunction<String> body, String message) {
		server.replaceBody = body;
		assertThatThrownBy(() -> fixture.pull(importService,
				SourceFixture.signalen(server, SourceFixture.fast(settings), watermarks)))
			.isInstanceOf(ImportException.class)
			.hasMessageContaining(message)
			.satisfies(e -> assertThat(Stream.of(e.getMessage().split("\n"))).hasSize(1));
	}

	/** The counts of the Signalen source alone (the folder's files have theirs). */
	private static ImportResult.FileCounts source(ImportResult result) {
		return result.byFile().stream().filter(f -> f.file().startsWith("signalen")).findFirst().orElseThrow();
	}

	private long count(String sql) {
		return jdbc.queryForObject(sql, Long.class);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
