package nl.leefbaar.system;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RunParametersTests {

	static final LeefbaarProperties DEFAULTS = new LeefbaarProperties(Path.of(".leefbaar"), null, null, null, null,
			"nl", Path.of("out"));

	@Test
	void readsEveryParameterOfARun() {
		JobParameters parameters = new JobParametersBuilder().addString(RunKeys.MONTH, "2025-06")
			.addString(RunKeys.OUTPUT, "/tmp/reports")
			.addString(RunKeys.INPUT, "/tmp/inbox")
			.addString(RunKeys.LANG, "EN")
			.addString(RunKeys.SCOPE, "neighbourhood:BU0001")
			.addString(RunKeys.FORCE, "true")
			.addString("setting.leefbaar.indicators.repeat-window-days", "60", false)
			.toJobParameters();

		RunParameters run = RunParameters.of(parameters, DEFAULTS);

		assertThat(run).isEqualTo(new RunParameters(YearMonth.of(2025, 6), false, Path.of("/tmp/inbox"),
				Path.of("/tmp/reports"), Locale.ENGLISH, "neighbourhood:BU0001", true,
				Map.of("leefbaar.indicators.repeat-window-days", "60")));
		assertThat(run.key()).isEqualTo("2025-06");
		assertThat(run.lang()).isEqualTo("en");
	}

	@Test
	void takesTheInstallationsDefaultsForAbsentOrBlankParameters() {
		JobParameters parameters = new JobParametersBuilder().addString(RunKeys.OUTPUT, " ").toJobParameters();

		RunParameters run = RunParameters.of(parameters, DEFAULTS);

		assertThat(run.output()).isEqualTo(Path.of("out"));
		assertThat(run.language()).isEqualTo(Locale.forLanguageTag("nl"));
		assertThat(run.input()).isNull();
		assertThat(run.scope()).isNull();
		assertThat(run.force()).isFalse();
		assertThat(run.settings()).isEmpty();
	}

	@Test
	void aDefinitionsSettingsBecomeParametersThatTellNoRunApart() {
		Map<String, String> settings = Map.of("leefbaar.indicators.repeat-window-days", "60");
		JobParametersBuilder builder = new JobParametersBuilder().addString(RunKeys.MONTH, "2025-06");
		RunParameters.settingParameters(settings).forEach((name, value) -> builder.addString(name, value, false));
		JobParameters parameters = builder.toJobParameters();

		assertThat(RunParameters.of(parameters, DEFAULTS).settings()).isEqualTo(settings);
		assertThat(parameters.getIdentifyingParameters()).extracting(JobParameter::name).containsExactly(RunKeys.MONTH);
	}

	@Test
	void namesARunByMonthOrAllOrImport() {
		assertThat(RunParameters
			.of(new JobParametersBuilder().addString(RunKeys.ALL_MONTHS, "true").toJobParameters(), DEFAULTS)
			.key()).isEqualTo("all");
		assertThat(RunParameters.of(new JobParameters(), DEFAULTS).key()).isEqualTo("import");
	}

	@Test
	void aRunWithoutMonthIsForTheLastCompleteMonthOfTheClock() {
		Clock clock = Clock.fixed(Instant.parse("2025-07-01T00:30:00Z"), ZoneOffset.UTC);

		assertThat(RunParameters.of(new JobParameters(), DEFAULTS).monthOr(clock)).isEqualTo(YearMonth.of(2025, 6));
	}

	@Test
	void refusesAMonthOrLanguageItCannotRead() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RunParameters
				.of(new JobParametersBuilder().addString(RunKeys.MONTH, "2025-13").toJobParameters(), DEFAULTS))
			.withMessageContaining("'2025-13' is not a month yyyy-mm");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RunParameters
				.of(new JobParametersBuilder().addString(RunKeys.LANG, "de").toJobParameters(), DEFAULTS))
			.withMessageContaining("'de' is not nl or en");
	}

}
