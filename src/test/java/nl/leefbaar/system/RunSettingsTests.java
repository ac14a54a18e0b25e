package nl.leefbaar.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class RunSettingsTests {

	@Autowired
	RunSettings settings;

	@Autowired
	LeefbaarProperties installation;

	@Test
	void aRunWithoutSettingsHasTheInstallations() {
		assertThat(settings.of(Map.of())).isSameAs(installation);
	}

	@Test
	void aDefinitionsTargetReplacesThatCategorysOnlyAndKeepsTheOthersFromTheApplicationProperties() {
		LeefbaarProperties run = settings.of(Map.of("leefbaar.indicators.target-days.safety", "2"));

		assertThat(run.indicators().targetDays()).containsExactlyInAnyOrderEntriesOf(
				Map.of("safety", 2.0, "damage", 14.0, "neighbour_nuisance", 28.0, "pollution", 7.0));
		assertThat(installation.indicators().targetDays()).containsEntry("safety", 3.0);
	}

	@Test
	void aDefinitionsSettingReplacesThatSettingOnlyAndNeverTheInstallationsHomeDatabaseOrOutput() {
		LeefbaarProperties run = settings.of(Map.of("leefbaar.indicators.repeat-window-days", "60",
				"leefbaar.publishing.min-count", "3", "leefbaar.ingest.max-reject-share", "0.2"));

		assertThat(run.indicators().repeatWindowDays()).isEqualTo(60);
		assertThat(run.indicators().hotspotWindowDays()).isEqualTo(installation.indicators().hotspotWindowDays());
		assertThat(run.indicators().targetDays()).isEqualTo(installation.indicators().targetDays());
		assertThat(run.publishing().minCount()).isEqualTo(3);
		assertThat(run.publishing().minDwellings()).isEqualTo(installation.publishing().minDwellings());
		assertThat(run.ingest().maxRejectShare()).isEqualTo(0.2);
		assertThat(run.ingest().progressEveryRows()).isEqualTo(installation.ingest().progressEveryRows());
		assertThat(run.home()).isEqualTo(installation.home());
		assertThat(run.db()).isEqualTo(installation.db());
		assertThat(run.output()).isEqualTo(installation.output());
		assertThat(run.lang()).isEqualTo(installation.lang());
	}

	@Test
	void theSettingsOfARunComeFromItsJobParameters() {
		JobParametersBuilder parameters = new JobParametersBuilder().addString(RunKeys.MONTH, "2025-06");
		RunParameters.settingParameters(Map.of("leefbaar.indicators.repeat-window-days", "45"))
			.forEach((name, value) -> parameters.addString(name, value, false));

		LeefbaarProperties run = settings.of(RunParameters.of(parameters.toJobParameters(), installation));

		assertThat(run.indicators().repeatWindowDays()).isEqualTo(45);
	}

}
