package nl.leefbaar.ingest;

import java.nio.file.Path;

import nl.leefbaar.system.LeefbaarProperties;
import nl.leefbaar.system.RunKeys;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code importStep}: imports the folder of job parameter {@code input} and leaves the
 * counts in the job's execution context under RunKeys, for the run summary. The import
 * runs in the step's transaction: a failed import leaves nothing behind.
 */
@Configuration(proxyBeanMethods = false)
public class ImportStepConfiguration {

	@Bean
	public Step importStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ImportService importService, LeefbaarProperties properties) {
		return new StepBuilder("importStep", jobRepository).tasklet((contribution, chunkContext) -> {
			StepExecution step = contribution.getStepExecution();
			JobParameters parameters = step.getJobParameters();
			String input = parameters.getString(RunKeys.INPUT);
			if (input == null || input.isBlank()) {
				throw new ImportException("no input folder given (job parameter " + RunKeys.INPUT + ")");
			}
			String output = parameters.getString(RunKeys.OUTPUT);
			Path outputFolder = output == null || output.isBlank() ? properties.output() : Path.of(output);
			ImportResult result = importService.importFolder(Path.of(input), outputFolder,
					step.getJobExecution().getId());
			contribution.incrementWriteCount(result.loaded());
			contribution.incrementFilterCount(result.rejected());
			putFacts(step.getJobExecution().getExecutionContext(), result);
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
		RunKeys.appendFiles(context, java.util.List.of(result.rejectsFile()));
	}

}
