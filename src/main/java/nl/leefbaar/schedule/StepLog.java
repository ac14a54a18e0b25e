package nl.leefbaar.schedule;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * One line per step that a person can read: the step, its state, its counts and its time;
 * and one line when the job starts. Failures are told once, by the command line, without
 * a trace.
 */
final class StepLog implements StepExecutionListener, JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger("nl.leefbaar.run");

	private final Set<Long> logged = ConcurrentHashMap.newKeySet();

	@Override
	public void beforeJob(JobExecution job) {
		String month = job.getJobParameters().getString("month");
		log.info("{}{}: execution {} started", job.getJobInstance().getJobName(), month == null ? "" : " " + month,
				job.getId());
	}

	@Override
	public void afterJob(JobExecution job) {
		// steps that could not take a listener are told here, after the fact
		job.getStepExecutions().forEach(this::line);
	}

	@Override
	public ExitStatus afterStep(StepExecution step) {
		line(step);
		return null;
	}

	private void line(StepExecution step) {
		if (!logged.add(step.getId())) {
			return;
		}
		LocalDateTime start = step.getStartTime();
		LocalDateTime end = step.getEndTime() != null ? step.getEndTime() : LocalDateTime.now();
		double seconds = start == null ? 0 : Duration.between(start, end).toMillis() / 1000.0;
		StringBuilder counts = new StringBuilder();
		if (step.getReadCount() > 0 || step.getWriteCount() > 0) {
			counts.append(String.format(", read %d, written %d", step.getReadCount(), step.getWriteCount()));
		}
		long skipped = step.getSkipCount();
		if (skipped > 0) {
			counts.append(", skipped ").append(skipped);
		}
		log.info("step {} {} in {}{}", step.getStepName(), step.getStatus(),
				String.format(Locale.ROOT, "%.1f s", seconds), counts);
	}

}
