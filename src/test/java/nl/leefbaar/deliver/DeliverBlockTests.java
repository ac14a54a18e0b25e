package nl.leefbaar.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import nl.leefbaar.deliver.DeliverEntry.Audience;
import nl.leefbaar.schedule.DefinitionException;
import nl.leefbaar.schedule.JobDefinitions;
import nl.leefbaar.schedule.StepCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code deliver:} block is checked when the definitions are read: every mistake a
 * definition error naming its file and line.
 */
class DeliverBlockTests {

	private static final String HEAD = """
			steps: [compute, report, deliver]
			""";

	@TempDir
	Path jobs;

	@Test
	void readsTheEntriesInTheirOrderWithTheirLines() throws Exception {
		Path file = write(HEAD + """
				deliver:
				  from: leefbaarheid@example.nl
				  to:
				    - owner: Havensteder
				      recipients: [manager@havensteder.example, adjunct@havensteder.example]
				    - audience: municipality
				      recipients: beleid@rotterdam.example
				""");

		DeliverBlock block = DeliverBlockReader.of(file).orElseThrow();

		assertThat(block.from()).isEqualTo("leefbaarheid@example.nl");
		assertThat(block.entries()).extracting(DeliverEntry::key)
			.containsExactly("owner:Havensteder", "audience:municipality");
		assertThat(block.entries().get(0).recipients()).containsExactly("manager@havensteder.example",
				"adjunct@havensteder.example");
		assertThat(block.entries().get(1).audience()).isEqualTo(Audience.MUNICIPALITY);
		assertThat(block.entries().get(1).where()).isEqualTo(file + ":7");
	}

	@Test
	void aDefinitionWithoutTheBlockHasNone() throws Exception {
		assertThat(DeliverBlockReader.of(write(HEAD))).isEmpty();
	}

	@Test
	void theShippedMonthlyJobDeliversToTheSampleOwnersAndEveryAudience() {
		DeliverBlock block = DeliverBlockReader.of(Path.of("jobs/monthly.yml")).orElseThrow();

		assertThat(block.entries()).extracting(DeliverEntry::key)
			.containsExactlyInAnyOrder("owner:Havensteder", "owner:Vestia", "owner:Woonstad Rotterdam",
					"audience:municipality", "audience:presenters", "audience:team");
		assertThat(block.entries()).flatExtracting(DeliverEntry::recipients).allMatch(a -> a.endsWith("example.nl"));
	}

	@Test
	void refusesAnEmptyRecipientList() throws Exception {
		assertRefused("""
				deliver:
				  from: a@example.nl
				  to:
				    - owner: Havensteder
				      recipients: []
				""", ":6: recipients: is empty");
		assertRefused("""
				deliver:
				  from: a@example.nl
				  to:
				    - owner: Havensteder
				      recipients:
				""", ":6: recipients: is empty");
	}

	@Test
	void refusesAnAddressThatIsNotAnAddress() throws Exception {
		for (String bad : new String[] { "manager", "manager@", "@havensteder.example", "a b@example.nl",
				"Jan <jan@example.nl>", "a@example.nl, b@example.nl", "a@@example.nl" }) {
			assertRefused("""
					deliver:
					  from: a@example.nl
					  to:
					    - audience: team
					      recipients: ["%s"]
					""".formatted(bad), ":6: recipients: '" + bad + "' is not an e-mail address");
		}
		assertRefused("""
				deliver:
				  from: leefbaarheid
				  to:
				    - audience: team
				      recipients: [team@example.nl]
				""", ":3: from: 'leefbaarheid' is not an e-mail address");
	}

	@Test
	void refusesEntriesThatNameNeitherOrBothOrAnUnknownAudience() throws Exception {
		assertRefused("""
				deliver:
				  from: a@example.nl
				  to:
				    - recipients: [b@example.nl]
				""", ":5: an entry of deliver: to: names one owner: or one audience:, not neither");
		assertRefused("""
				deliver:
				  from: a@example.nl
				  to:
				    - owner: Vestia
				      audience: team
				      recipients: [b@example.nl]
				""", ":5: an entry of deliver: to: names one owner: or one audience:, not both");
		assertRefused("""
				deliver:
				  from: a@example.nl
				  to:
				    - audience: corporation
				      recipients: [b@example.nl]
				""",
				":5: unknown audience 'corporation' (municipality, presenters or team; a corporation's files go per owner: <name>)");
	}

	@Test
	void refusesAnEntryNamedTwiceAndUnknownKeys() throws Exception {
		assertRefused("""
				deliver:
				  from: a@example.nl
				  to:
				    - owner: Vestia
				      recipients: [b@example.nl]
				    - owner: Vestia
				      recipients: [c@example.nl]
				""", ":7: owner Vestia is named twice (also on line 5)");
		assertRefused("""
				deliver:
				  from: a@example.nl
				  to:
				    - owner: Vestia
				      recipients: [b@example.nl]
				      cc: [c@example.nl]
				""", ":7: unknown key 'cc' in an entry of deliver: to:");
		assertRefused("""
				deliver:
				  to:
				    - owner: Vestia
				      recipients: [b@example.nl]
				""", ":3: deliver: from: is missing");
	}

	private Path write(String yaml) throws Exception {
		return Files.writeString(jobs.resolve("monthly.yml"), yaml);
	}

	/** Through the definitions' own reading, as the command line reads them. */
	private void assertRefused(String block, String message) throws Exception {
		Path file = write(HEAD + block);

		assertThatThrownBy(() -> JobDefinitions.load(jobs, StepCatalog.STANDARD))
			.isInstanceOf(DefinitionException.class)
			.hasMessageStartingWith(file.toString())
			.hasMessageContaining(message);
	}

}
