package nl.leefbaar.deliver;

import nl.leefbaar.system.LeefbaarProperties;
import nl.leefbaar.system.RunSettings;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The deliver step of a job (after report): sends each entry of the definition's
 * {@code deliver:} block its files by mail, exactly once per version of the figures.
 */
@Configuration(proxyBeanMethods = false)
class DeliverStepConfiguration {

	@Bean
	Step deliverStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, Delivery delivery,
			LeefbaarProperties properties, RunSettings settings) {
		return new StepBuilder("deliverStep", jobRepository)
			.tasklet(new DeliverTasklet(delivery, properties, settings), transactionManager)
			.build();
	}

}
