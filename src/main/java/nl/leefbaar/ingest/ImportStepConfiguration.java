package nl.leefbaar.ingest;

import java.nio.file.Path;
import java.util.List;

import nl.leefbaar.system.LeefbaarProperties;
import nl.leefbaar.system.RunKeys;
import nl.leefbaar.system.RunParameters;
import nl.leefbaar.system.RunSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code importStep}: imports the folder of job parameter {@code input} and leaves the
 * counts in the job's execution context under RunKeys, for the run summary. The import
 * runs in the step's transaction: a failed import leaves nothing behind. The sources of
 * job parameter {@code sources} (Signalen, PostgreSQL) are pulled in the same
 * transaction, and what each did goes to {@link RunKeys#SOURCES_PULLED}.
 */
@Configuration(proxyBeanMethods = false)
public class ImportStepConfiguration {

	private static final JsonMapper SOURCES_JSON = JsonMapper.builder().build();

	@Bean
	public Step importStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ImportService importService, LeefbaarProperties properties, RunSettings settings,
			ObjectProvider<RecordSource.Factory> sourceFactory) {
		return new StepBuilder("importStep", jobRepository).tasklet((contribution, chunkContext) -> {
			StepExecution step = contribution.getStepExecution();
			RunParameters run = RunParameters.of(step, properties);
			if (run.input() == null) {
				throw new ImportException("no input folder given (job parameter " + RunKeys.INPUT + ")");
			}
			String sourcesParameter = step.getJobParameters().getString(RunKeys.SOURCES);
			List<RecordSource> sources = sourcesParameter == null ? List.of()
					: sourceFactory.getObject().create(sourcesParameter);
			ImportResult result = importService.with(settings.of(run).ingest())
				.importFolder(run.input(), run.output(), step.getJobExecution().getId(), sources);
			contribution.incrementWriteCount(result.loaded());
			contribution.incrementFilterCount(result.rejected());
			putFacts(step.getJobExecution().getExecutionContext(), result);
			if (!sources.isEmpty()) {
				step.getJobExecution()
					.getExecutionContext()
					.putString(RunKeys.SOURCES_PULLED,
							SOURCES_JSON.writeValueAsString(sources.stream().map(RecordSource::summary).toList()));
			}
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	static void putFacts(ExecutionContext context, ImportResult result) {
		context.putLong(RunKeys.ROWS_READ, result.rowsRead());
		context.putLong(RunKeys.LOADED, result.loaded());
		context.putLong(RunKeys.REJECTED, result.rejected());
		context.putLong(RunKeys.NEW, result.newRows());
		context.putLong(RunKeys.CHANGED, result.changed());
		context.putLong(RunKeys.UNCHANGED, result.unchanged());
		context.putLong(RunKeys.UNMAPPED, result.unmapped());
		context.putLong(RunKeys.INPUT_FILES, result.inputFiles());
		context.putString(RunKeys.REJECTS_FILE, result.rejectsFile().toString());
		RunKeys.appendFiles(context, List.of(result.rejectsFile()));
	}

}
