package nl.leefbaar.report;

import java.time.Clock;
import java.util.List;

import nl.leefbaar.system.LeefbaarProperties;
import nl.leefbaar.system.RunSettings;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The report step of every job: writes the month's files by calling each
 * {@link ReportWriter} (the workbooks, the charts, the deck) and records their paths
 * under {@code FILES}.
 */
@Configuration(proxyBeanMethods = false)
public class ReportStepConfiguration {

	@Bean
	Step reportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			List<ReportWriter> writers, LeefbaarProperties properties, RunSettings settings,
			ObjectProvider<Clock> clock) {
		return new StepBuilder("reportStep", jobRepository)
			.tasklet(new ReportTasklet(writers, properties, settings, clock.getIfAvailable(Clock::systemDefaultZone)),
					transactionManager)
			.build();
	}

}
