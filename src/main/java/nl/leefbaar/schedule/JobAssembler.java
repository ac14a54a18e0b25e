package nl.leefbaar.schedule;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import nl.leefbaar.system.RunKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.DuplicateJobException;
import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds a job from step names: the stages' Step beans, looked up by name when the job
 * runs, and, in a job with a month, a small {@code resolveMonth} step after the import
 * that decides the month once the new data are in (see {@link RunKeys#RESOLVED_MONTH}).
 * The job is registered so that the job operator can restart it by execution id.
 */
@Component
public class JobAssembler {

	/** Non-identifying job parameter: {@code given} when the user named the month. */
	public static final String MONTH_GIVEN = "month_given";

	private static final Logger log = LoggerFactory.getLogger(JobAssembler.class);

	private final ApplicationContext context;

	private final JobRepository jobRepository;

	private final PlatformTransactionManager transactionManager;

	private final JobRegistry jobRegistry;

	private final MonthResolver months;

	private final JobOperator jobOperator;

	private final StepLog stepLog = new StepLog();

	private final Set<Step> listened = Collections.newSetFromMap(new IdentityHashMap<>());

	JobAssembler(ApplicationContext context, JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JobRegistry jobRegistry, MonthResolver months, @Lazy JobOperator jobOperator) {
		this.jobOperator = jobOperator;
		this.context = context;
		this.jobRepository = jobRepository;
		this.transactionManager = transactionManager;
		this.jobRegistry = jobRegistry;
		this.months = months;
	}

	public Job assemble(String jobName, List<String> steps, StepCatalog catalog) {
		boolean monthly = steps.stream().anyMatch(step -> !step.equals("import"));
		SimpleJobBuilder builder = null;
		boolean resolved = !monthly;
		for (String name : steps) {
			if (!resolved && !name.equals("import")) {
				builder = next(builder, jobName, resolveMonthStep());
				resolved = true;
			}
			builder = next(builder, jobName, stage(name, catalog));
		}
		Job job = builder.listener(stepLog).listener(new StopOnShutdown(jobOperator)).build();
		jobRegistry.unregister(jobName);
		try {
			jobRegistry.register(job);
		}
		catch (DuplicateJobException e) {
			throw new IllegalStateException(e);
		}
		return job;
	}

	private SimpleJobBuilder next(SimpleJobBuilder builder, String jobName, Step step) {
		return builder == null ? new JobBuilder(jobName, jobRepository).start(step) : builder.next(step);
	}

	private Step stage(String name, StepCatalog catalog) {
		String bean = catalog.beanName(name);
		if (!context.containsBean(bean)) {
			throw new IllegalStateException(
					"step '" + name + "' is not available: this build has no Step bean named '" + bean + "'");
		}
		Step step = context.getBean(bean, Step.class);
		synchronized (listened) {
			if (step instanceof AbstractStep abstractStep && listened.add(step)) {
				try {
					abstractStep.registerStepExecutionListener(stepLog);
				}
				catch (RuntimeException scopedOutsideAJob) {
					// a job-scoped proxy has no target yet: the job listener logs its
					// line afterwards
				}
			}
		}
		return step;
	}

	/**
	 * Decides the month after the import; on a restart it has already run and keeps its
	 * answer.
	 */
	private Step resolveMonthStep() {
		return new StepBuilder("resolveMonth", jobRepository).tasklet((contribution, chunk) -> {
			var step = contribution.getStepExecution();
			var parameters = step.getJobParameters();
			String month = parameters.getString(RunKeys.MONTH);
			if (month != null && !"given".equals(parameters.getString(MONTH_GIVEN))) {
				String decided = months.resolve().toString();
				if (!decided.equals(month)) {
					log.info("After the import this run is for {}, the {}", decided,
							decided.equals(months.lastComplete().toString()) ? "last complete month"
									: "latest month that has reports");
				}
				month = decided;
			}
			if (month != null) {
				step.getJobExecution().getExecutionContext().putString(RunKeys.RESOLVED_MONTH, month);
			}
			return RepeatStatus.FINISHED;
		}, transactionManager).listener(stepLog).build();
	}

}
