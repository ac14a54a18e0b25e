package nl.leefbaar.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import nl.leefbaar.schedule.StepCatalog;
import nl.leefbaar.system.LeefbaarProperties;
import nl.leefbaar.system.RunKeys;
import nl.leefbaar.system.RunParameters;
import nl.leefbaar.system.RunSettings;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Stand-ins for the stages, under names of their own so that they live beside the real
 * importStep/computeStep/reportStep: they leave facts and files as the real ones do,
 * record what ran, and fail once on request.
 */
@Configuration(proxyBeanMethods = false)
public class ProbeSteps {

	/**
	 * The probes, and the real deliver step: its tests give it a mail server of their
	 * own.
	 */
	public static final StepCatalog CATALOG = new StepCatalog(Map.of("import", "probeImportStep", "compute",
			"probeComputeStep", "report", "probeReportStep", "deliver", "deliverStep"));

	/** What the probes did, and what they should do next. */
	public static class Probe {

		public final List<String> calls = new CopyOnWriteArrayList<>();

		/** The repeat window (W) of the run's settings, each time the report step ran. */
		public final List<Integer> repeatWindows = new CopyOnWriteArrayList<>();

		final Map<String, String> failOnce = new ConcurrentHashMap<>();

		/**
		 * When set, the import step loads one report on this day, as if the inbox held
		 * it.
		 */
		volatile String importReportDay;

		public void reset() {
			calls.clear();
			repeatWindows.clear();
			failOnce.clear();
			importReportDay = null;
		}

		public void failOnce(String step, String message) {
			failOnce.put(step, message);
		}

		void maybeFail(String step) {
			String message = failOnce.remove(step);
			if (message != null) {
				throw new IllegalStateException(message);
			}
		}

	}

	@Bean
	Probe probe() {
		return new Probe();
	}

	@Bean
	Step probeImportStep(JobRepository jobRepository, PlatformTransactionManager tm, Probe probe, JdbcTemplate jdbc) {
		return new StepBuilder("import", jobRepository).tasklet((contribution, chunk) -> {
			StepExecution step = contribution.getStepExecution();
			probe.calls.add("import");
			probe.maybeFail("import");
			if (probe.importReportDay != null) {
				jdbc.update("insert into neighbourhood values ('BU01', 'Oost', null) on conflict do nothing");
				jdbc.update("insert into complex values ('C1', 'Flat', 'BU01', null, 40) on conflict do nothing");
				jdbc.update("""
						insert into report (report_id, complex_id, source_category, category, reported_at, reported_day)
						values ('R1', 'C1', 'x', 'pollution', ?::date, ?::date) on conflict do nothing
						""", probe.importReportDay, probe.importReportDay);
			}
			var facts = step.getJobExecution().getExecutionContext();
			facts.putLong(RunKeys.INPUT_FILES, 2);
			facts.putLong(RunKeys.ROWS_READ, 10);
			facts.putLong(RunKeys.LOADED, 9);
			facts.putLong(RunKeys.REJECTED, 1);
			facts.putLong(RunKeys.NEW, 9);
			facts.putLong(RunKeys.CHANGED, 0);
			facts.putLong(RunKeys.UNCHANGED, 0);
			facts.putLong(RunKeys.UNMAPPED, 0);
			facts.putString(RunKeys.REJECTS_FILE,
					Path.of(step.getJobParameters().getString(RunKeys.OUTPUT), "import", "rejects-probe.csv")
						.toString());
			return RepeatStatus.FINISHED;
		}, tm).build();
	}

	@Bean
	Step probeComputeStep(JobRepository jobRepository, PlatformTransactionManager tm, Probe probe) {
		return new StepBuilder("compute", jobRepository).tasklet((contribution, chunk) -> {
			StepExecution step = contribution.getStepExecution();
			String month = RunKeys.month(step);
			probe.calls.add("compute " + month);
			probe.maybeFail("compute");
			step.getJobExecution().getExecutionContext().putString(RunKeys.MONTHS_COMPUTED, month);
			return RepeatStatus.FINISHED;
		}, tm).build();
	}

	@Bean
	Step probeReportStep(JobRepository jobRepository, PlatformTransactionManager tm, Probe probe,
			LeefbaarProperties properties, RunSettings settings) {
		return new StepBuilder("report", jobRepository).tasklet((contribution, chunk) -> {
			StepExecution step = contribution.getStepExecution();
			String month = RunKeys.month(step);
			probe.calls.add("report " + month);
			probe.repeatWindows.add(settings.of(RunParameters.of(step, properties)).indicators().repeatWindowDays());
			probe.maybeFail("report");
			Path folder = Path.of(step.getJobParameters().getString(RunKeys.OUTPUT), month);
			Files.createDirectories(folder);
			Path file = Files.writeString(folder.resolve("probe-" + month + ".txt"), "probe");
			var facts = step.getJobExecution().getExecutionContext();
			String files = facts.containsKey(RunKeys.FILES) ? facts.getString(RunKeys.FILES) + "\n" : "";
			facts.putString(RunKeys.FILES, files + file);
			return RepeatStatus.FINISHED;
		}, tm).build();
	}

}
