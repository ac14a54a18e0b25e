package nl.leefbaar.indicators;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import nl.leefbaar.system.LeefbaarProperties;
import nl.leefbaar.system.RunKeys;
import nl.leefbaar.system.RunParameters;
import nl.leefbaar.system.RunSettings;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
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
			IndicatorService indicators, IndicatorExports exports, LeefbaarProperties properties, RunSettings settings,
			ObjectProvider<Clock> clockProvider) {
		Clock clock = clockProvider.getIfAvailable(Clock::systemDefaultZone);
		return new StepBuilder("computeStep", jobRepository).tasklet((contribution, chunkContext) -> {
			RunParameters run = RunParameters.of(contribution.getStepExecution(), properties);
			LeefbaarProperties runSettings = settings.of(run);
			IndicatorService service = indicators.with(runSettings.indicators());
			IndicatorService.Computation computation = run.allMonths() ? service.computeAll(run.force())
					: service.compute(run.monthOr(clock), run.force());
			List<Path> files = computation.last() == null ? List.of()
					: exports.with(runSettings).write(computation.last(), run.output());

			ExecutionContext job = contribution.getStepExecution().getJobExecution().getExecutionContext();
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

}
