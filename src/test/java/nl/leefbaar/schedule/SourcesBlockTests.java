package nl.leefbaar.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sources: block of a job definition (sources-and-delivery.md, Sources). */
class SourcesBlockTests {

	@TempDir
	Path jobs;

	@BeforeEach
	void queries() throws Exception {
		Files.createDirectories(jobs.resolve("sql"));
		Files.writeString(jobs.resolve("sql/dwh-reports.sql"), "select 1");
	}

	@Test
	void withoutTheBlockTheInputFolderIsTheOnlySource() throws Exception {
		JobDefinition definition = load("""
				steps: [import]
				input: inbox
				""");

		assertThat(definition.input()).isEqualTo(Path.of("inbox"));
		assertThat(definition.sources()).isEmpty();
		assertThat(definition.pulledSources()).isEmpty();
	}

	@Test
	void readsTheThreeTypesAndTakesTheFolderAsTheInbox() throws Exception {
		JobDefinition definition = load("""
				steps: [import, compute]
				sources:
				  - name: inbox
				    type: folder
				    path: exports
				  - name: signalen
				    type: signalen
				    url: https://meldingen.example.nl/signals/v1/private/signals/
				    token_url: https://login.example.nl/realms/signalen/protocol/openid-connect/token
				    client_id: leefbaar
				    client_secret_env: LEEFBAAR_SIGNALEN_SECRET
				  - name: dwh
				    type: postgresql
				    url_env: LEEFBAAR_DWH_URL
				    reports: sql/dwh-reports.sql
				""");

		assertThat(definition.input()).isEqualTo(Path.of("exports"));
		assertThat(definition.sources()).hasSize(3);
		assertThat(definition.pulledSources()).containsExactly(
				new SourceDefinition.Signalen("signalen",
						URI.create("https://meldingen.example.nl/signals/v1/private/signals/"),
						URI.create("https://login.example.nl/realms/signalen/protocol/openid-connect/token"),
						"leefbaar", "LEEFBAAR_SIGNALEN_SECRET"),
				new SourceDefinition.Postgresql("dwh", "LEEFBAAR_DWH_URL",
						jobs.resolve("sql/dwh-reports.sql").toAbsolutePath().normalize(), null));
		SourceDefinition.Postgresql dwh = (SourceDefinition.Postgresql) definition.pulledSources().get(1);
		assertThat(dwh.userEnv()).isEqualTo("LEEFBAAR_DWH_USER");
		assertThat(dwh.passwordEnv()).isEqualTo("LEEFBAAR_DWH_PASSWORD");
	}

	@Test
	void theShippedExampleShowsEveryTypeAndIsNeverScheduled() {
		JobDefinition example = JobDefinitions.load(Path.of("jobs"), StepCatalog.STANDARD).get("pull-example");

		assertThat(example.sources()).extracting(SourceDefinition::type)
			.containsExactly("folder", "signalen", "postgresql");
		assertThat(example.schedule()).as("no cron: it pulls from no server by accident").isEmpty();
		SourceDefinition.Signalen signalen = (SourceDefinition.Signalen) example.pulledSources().get(0);
		assertThat(signalen.url().getHost()).endsWith(".example");
		assertThat(signalen.tokenUrl().getHost()).endsWith(".example");
	}

	@Test
	void thePulledSourcesTravelAsAJobParameterAndBack() throws Exception {
		JobDefinition definition = load(
				"""
						steps: [import]
						sources:
						  - {name: inbox, type: folder, path: exports}
						  - {name: meldingen, type: signalen, url: "http://localhost:8080/signals/", token_url: "http://localhost:8080/token", client_id: leefbaar, client_secret_env: SECRET}
						  - {name: dwh, type: postgresql, url_env: DWH_URL, reports: sql/dwh-reports.sql}
						""");

		String json = SourceDefinition.encode(definition.pulledSources());

		assertThat(SourceDefinition.decode(json)).isEqualTo(definition.pulledSources());
		assertThat(json).doesNotContain("exports");
	}

	@Test
	void refusesASecretInTheFileNamingTheLine() throws Exception {
		assertRefused("""
				steps: [import]
				sources:
				  - name: inbox
				    type: folder
				    path: exports
				  - name: signalen
				    type: signalen
				    url: https://meldingen.example.nl/signals/v1/private/signals/
				    token_url: https://login.example.nl/token
				    client_id: leefbaar
				    client_secret: hunter2
				""", ":11: 'client_secret' does not belong in a job definition");
		assertRefused("""
				steps: [import]
				sources:
				  - {name: inbox, type: folder, path: exports}
				  - {name: dwh, type: postgresql, url_env: DWH_URL, password: x, reports: sql/dwh-reports.sql}
				""", ":4: 'password' does not belong in a job definition");
	}

	@Test
	void refusesAnUnencryptedUrlToAnotherMachineAndAUrlWithCredentials() throws Exception {
		assertRefused(signalen("http://meldingen.example.nl/signals/", "https://login.example.nl/token"),
				":5: url: http:// would send the client secret and the token unencrypted");
		assertRefused(signalen("https://app:pw@meldingen.example.nl/signals/", "https://login.example.nl/token"),
				":5: url: a URL with a user or password in it");
		assertRefused(signalen("https://meldingen.example.nl/signals/", "ftp://login.example.nl/token"),
				":6: token_url: expects an https:// URL");
	}

	@Test
	void refusesUnknownTypesKeysDuplicateNamesAndBadNames() throws Exception {
		assertRefused("""
				steps: [import]
				sources:
				  - {name: inbox, type: folder, path: exports}
				  - {name: meldingen, type: soap}
				""", ":4: unknown source type 'soap'");
		assertRefused("""
				steps: [import]
				sources:
				  - {name: inbox, type: folder, path: exports, colour: blue}
				""", ":3: unknown key 'colour' for a folder source");
		assertRefused("""
				steps: [import]
				sources:
				  - {name: inbox, type: folder, path: exports}
				  - {name: inbox, type: postgresql, url_env: DWH_URL, reports: sql/dwh-reports.sql}
				""", ":4: a source named 'inbox' appears twice");
		assertRefused("""
				steps: [import]
				sources:
				  - {name: "Signalen:1", type: folder, path: exports}
				""", ":3: a source name is lower-case letters");
	}

	@Test
	void refusesABlockWithoutOrWithTwoFoldersOrBesideInput() throws Exception {
		assertRefused("""
				steps: [import]
				sources:
				  - {name: dwh, type: postgresql, url_env: DWH_URL, reports: sql/dwh-reports.sql}
				""", ":3: sources: needs one folder source");
		assertRefused("""
				steps: [import]
				sources:
				  - {name: a, type: folder, path: exports}
				  - {name: b, type: folder, path: more}
				""", ":4: a second folder source");
		assertRefused("""
				steps: [import]
				input: inbox
				sources:
				  - {name: a, type: folder, path: exports}
				""", ":4: input: and a folder source both name the inbox");
		assertRefused("""
				steps: [compute]
				sources:
				  - {name: a, type: folder, path: exports}
				""", ":3: sources: are read by the import step");
	}

	@Test
	void refusesAMissingQueryFileAndAVariableThatIsNoName() throws Exception {
		assertRefused("""
				steps: [import]
				sources:
				  - {name: inbox, type: folder, path: exports}
				  - {name: dwh, type: postgresql, url_env: DWH_URL, reports: sql/missing.sql}
				""", ":4: reports: no readable query file");
		assertRefused("""
				steps: [import]
				sources:
				  - {name: inbox, type: folder, path: exports}
				  - {name: dwh, type: postgresql, url_env: "jdbc:postgresql://dwh/x", reports: sql/dwh-reports.sql}
				""", ":4: url_env: the name of an environment variable");
		assertRefused("""
				steps: [import]
				sources:
				  - {name: inbox, type: folder, path: exports}
				  - {name: dwh, type: postgresql, url_env: DWH, reports: sql/dwh-reports.sql}
				""", ":4: url_env: names a variable ending in _URL");
		assertRefused("""
				steps: [import]
				sources:
				  - {name: inbox, type: folder, path: exports}
				  - {name: dwh, type: postgresql, url_env: DWH_URL}
				""", ":4: a postgresql source needs reports: or activities:");
	}

	private static String signalen(String url, String tokenUrl) {
		return """
				steps: [import]
				sources:
				  - {name: inbox, type: folder, path: exports}
				  - name: signalen
				    url: URL
				    token_url: TOKEN
				    type: signalen
				    client_id: leefbaar
				    client_secret_env: LEEFBAAR_SIGNALEN_SECRET
				""".replace("URL", url).replace("TOKEN", tokenUrl);
	}

	private JobDefinition load(String yaml) throws Exception {
		Files.writeString(jobs.resolve("monthly.yml"), yaml);
		return JobDefinitions.load(jobs, StepCatalog.STANDARD).get("monthly");
	}

	private void assertRefused(String yaml, String message) throws Exception {
		Path file = jobs.resolve("monthly.yml");
		Files.writeString(file, yaml);

		assertThatThrownBy(() -> JobDefinitions.load(jobs, StepCatalog.STANDARD))
			.isInstanceOf(DefinitionException.class)
			.hasMessageStartingWith(file.toString())
			.hasMessageContaining(message);
	}

}
