package nl.leefbaar.schedule;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.support.JobExecutionShutdownHook;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * While a job runs, SIGTERM (Ctrl-C, a service stop) asks the job operator to stop it, so
 * that the job repository says STOPPED rather than STARTED and the run can be continued
 * with {@code restart} or by running the month again. A SIGKILL leaves STARTED, which the
 * next run recovers.
 */
final class StopOnShutdown implements JobExecutionListener {

	private final JobOperator jobOperator;

	private final ThreadLocal<Thread> hook = new ThreadLocal<>();

	StopOnShutdown(JobOperator jobOperator) {
		this.jobOperator = jobOperator;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		Thread stopper = new JobExecutionShutdownHook(execution, jobOperator);
		Runtime.getRuntime().addShutdownHook(stopper);
		hook.set(stopper);
	}

	@Override
	public void afterJob(JobExecution execution) {
		Thread stopper = hook.get();
		hook.remove();
		if (stopper != null) {
			try {
				Runtime.getRuntime().removeShutdownHook(stopper);
			}
			catch (IllegalStateException alreadyShuttingDown) {
				// the hook is running or has run: nothing to remove
			}
		}
	}

}
