package nl.leefbaar.indicators;

import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.leefbaar.domain.Months;
import nl.leefbaar.system.LeefbaarProperties;
import nl.leefbaar.system.RunKeys;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code computeStep} of the step contract: computes month m (job parameter
 * {@code month}, default the last complete month) or every month in the data
 * ({@code all=true}), honouring {@code force}, writes the exports of m (of the last month
 * for a backfill) to {@code <output>/<yyyy-mm>/} and leaves MONTHS_COMPUTED and FILES in
 * the job's context.
 * <p>
 * Restartable: the computation commits per run of months and the files are moved into
 * place only when complete, so a re-run after a failure recomputes what was not stored
 * (the input fingerprints tell) and rewrites the files.
 */
@Configuration(proxyBeanMethods = false)
class ComputeStepConfiguration {

	@Bean
	Step computeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			IndicatorService indicators, IndicatorExports exports, LeefbaarProperties properties) {
		return new StepBuilder("computeStep", jobRepository).tasklet((contribution, chunkContext) -> {
			Map<String, Object> parameters = chunkContext.getStepContext().getJobParameters();
			boolean all = Boolean.parseBoolean(string(parameters, RunKeys.ALL_MONTHS));
			boolean force = Boolean.parseBoolean(string(parameters, RunKeys.FORCE));
			String output = string(parameters, RunKeys.OUTPUT);
			Path outputFolder = output == null || output.isBlank() ? properties.output() : Path.of(output);
			IndicatorService.Computation computation = all ? indicators.computeAll(force)
					: indicators.compute(month(RunKeys.month(chunkContext.getStepContext().getStepExecution())), force);
			List<Path> files = computation.last() == null ? List.of() : exports.write(computation.last(), outputFolder);

			ExecutionContext job = chunkContext.getStepContext()
				.getStepExecution()
				.getJobExecution()
				.getExecutionContext();
			List<String> months = new ArrayList<>();
			String before = job.containsKey(RunKeys.MONTHS_COMPUTED) ? job.getString(RunKeys.MONTHS_COMPUTED) : "";
			if (!before.isBlank()) {
				months.add(before);
			}
			computation.computed().forEach(m -> months.add(m.toString()));
			job.putString(RunKeys.MONTHS_COMPUTED, String.join(",", months));
			RunKeys.appendFiles(job, files);
			contribution.incrementWriteCount(computation.computed().size());
			return RepeatStatus.FINISHED;
		}, transactionManager).allowStartIfComplete(true).build();
	}

	private static String string(Map<String, Object> parameters, String key) {
		Object value = parameters.get(key);
		return value == null ? null : value.toString();
	}

	private static YearMonth month(String value) {
		if (value == null || value.isBlank()) {
			return Months.lastComplete(Clock.systemDefaultZone());
		}
		try {
			return YearMonth.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException(
					"month '" + value + "' is not a month in the form yyyy-mm (e.g. 2025-06)");
		}
	}

}
