package nl.leefbaar.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobDefinitionsTests {

	@TempDir
	Path jobs;

	@Test
	void theShippedDefinitionsAreValid() {
		Map<String, JobDefinition> definitions = JobDefinitions.load(Path.of("jobs"), StepCatalog.STANDARD);

		JobDefinition monthly = definitions.get("monthly");
		assertThat(monthly.steps()).containsExactly("import", "compute", "report", "deliver");
		assertThat(monthly.cronText()).isEqualTo("0 0 6 2 * *");
		assertThat(monthly.language()).isEqualTo("nl");
		assertThat(monthly.input()).isEqualTo(Path.of("sample-data"));
		assertThat(monthly.output()).isEqualTo(Path.of("out"));
		assertThat(monthly.monthly()).isTrue();
		assertThat(monthly.properties()).containsEntry("leefbaar.indicators.repeat-window-days", "90")
			.containsEntry("leefbaar.indicators.target-days.safety", "3");
		assertThat(definitions.get("import-daily").monthly()).isFalse();
	}

	@Test
	void theMonthlyJobWritesForTheOwnersTheTeamTheMunicipalityAndPresenters() {
		JobDefinition monthly = JobDefinitions.load(Path.of("jobs"), StepCatalog.STANDARD).get("monthly");
		assertThat(monthly.audience()).containsExactly("corporation", "team", "municipality", "presenters");
	}

	@Test
	void refusesAnUnknownAudienceNamingTheLine() throws Exception {
		assertRefused("""
				steps: [compute]
				audience: [team, managers]
				""", ":2: unknown audience 'managers' (known: corporation, municipality, presenters, team)");
	}

	@Test
	void refusesUnknownKeysNamingTheLine() throws Exception {
		assertRefused("""
				steps: [compute]
				cron: "0 0 6 2 * *"
				colour: blue
				""", ":3: unknown key 'colour'");
	}

	@Test
	void refusesUnknownSteps() throws Exception {
		assertRefused("""
				# the main job
				steps: [import, compute, publish]
				input: inbox
				""", ":2: unknown step 'publish'");
	}

	@Test
	void refusesABadCron() throws Exception {
		assertRefused("""
				steps: [compute]
				cron: "0 0 6 2 *"
				""", ":2: bad cron '0 0 6 2 *'");
	}

	@Test
	void refusesABadLanguage() throws Exception {
		assertRefused("""
				steps: [report]
				language: de
				""", ":2: bad language 'de'");
	}

	@Test
	void refusesUnknownParametersAndCategories() throws Exception {
		assertRefused("""
				steps: [compute]
				parameters:
				  W: 90
				  targets:
				    noise: 3
				""", ":5: unknown category 'noise'");
		assertRefused("""
				steps: [compute]
				parameters:
				  speed: 3
				""", ":3: unknown parameter 'speed'");
	}

	@Test
	void refusesBrokenYamlNamingTheLine() throws Exception {
		assertRefused("""
				steps: [compute
				cron: "0 0 6 2 * *"
				""", "not valid YAML");
	}

	@Test
	void refusesAnImportWithoutInbox() throws Exception {
		assertRefused("steps: [import]\n", "input: is missing");
	}

	@Test
	void refusesTheNamesOfTheCommands() throws Exception {
		Files.writeString(jobs.resolve("import.yml"), "steps: [import]\ninput: x\n");

		assertThatThrownBy(() -> JobDefinitions.load(jobs, StepCatalog.STANDARD))
			.isInstanceOf(DefinitionException.class)
			.hasMessageContaining("import.yml: 'import' is a command");
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
