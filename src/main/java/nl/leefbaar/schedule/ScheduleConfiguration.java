package nl.leefbaar.schedule;

import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Jobs are assembled from definitions at run time, not declared as beans, so the job
 * operator gets a registry of our own that the assembler fills (and restart by execution
 * id finds them).
 */
@Configuration(proxyBeanMethods = false)
class ScheduleConfiguration {

	@Bean
	JobRegistry jobRegistry() {
		return new MapJobRegistry();
	}

}
