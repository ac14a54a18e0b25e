package nl.leefbaar.system;

import java.util.Collection;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.test.JobRepositoryTestUtils;

/**
 * Removes a test's runs from the job repository that all tests share, through
 * spring-batch-test's {@link JobRepositoryTestUtils}, so that the next test finds no
 * completed instance of its job and month.
 */
public final class JobRuns {

	private JobRuns() {
	}

	/** Every execution of these job instances, and the instances. */
	public static void forget(JobRepository jobRepository, Collection<Long> instanceIds) {
		JobRepositoryTestUtils repository = new JobRepositoryTestUtils(jobRepository);
		for (long id : instanceIds) {
			JobInstance instance = jobRepository.getJobInstance(id);
			if (instance == null) {
				continue;
			}
			List<JobExecution> executions = jobRepository.getJobExecutions(instance);
			if (executions.isEmpty()) {
				jobRepository.deleteJobInstance(instance);
			}
			else {
				repository.removeJobExecutions(executions); // and their instance
			}
		}
	}

	/** Every run of the job. */
	public static void forget(JobRepository jobRepository, String jobName) {
		forget(jobRepository,
				jobRepository.findJobInstances(jobName).stream().map(JobInstance::getInstanceId).toList());
	}

}
