package nl.leefbaar.deliver;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import nl.leefbaar.system.LeefbaarProperties;
import nl.leefbaar.system.RunParameters;
import nl.leefbaar.system.RunSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The deliver step: reads the job definition's {@code deliver:} block and sends the
 * month's files. Sends nothing, and says why once, with {@code --no-deliver}, without a
 * {@code deliver:} block, or without a mail server ({@code spring.mail.host}). A failed
 * message fails the step in one line after the other messages went; the files stay, and
 * the restart sends only what was not sent.
 */
class DeliverTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(DeliverTasklet.class);

	private final Delivery delivery;

	private final LeefbaarProperties properties;

	private final RunSettings settings;

	DeliverTasklet(Delivery delivery, LeefbaarProperties properties, RunSettings settings) {
		this.delivery = delivery;
		this.properties = properties;
		this.settings = settings;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		var step = contribution.getStepExecution();
		JobParameters parameters = step.getJobParameters();
		ExecutionContext facts = step.getJobExecution().getExecutionContext();
		Deliveries.put(facts, List.of());
		if ("false".equals(parameters.getString(DeliverKeys.DELIVER))) {
			log.info("--no-deliver: the files are written, nothing is sent");
			return RepeatStatus.FINISHED;
		}
		String definition = parameters.getString(DeliverKeys.DEFINITION);
		Optional<DeliverBlock> block = definition == null ? Optional.empty()
				: DeliverBlockReader.of(Path.of(definition));
		if (block.isEmpty()) {
			log.info("No deliver: block in {}: nothing to send", definition == null ? "the job" : definition);
			return RepeatStatus.FINISHED;
		}
		if (!delivery.configured()) {
			log.info("Files written; delivery not configured (spring.mail.host is not set): nothing sent");
			return RepeatStatus.FINISHED;
		}
		RunParameters run = RunParameters.of(step, properties);
		if (run.month() == null) {
			throw new IllegalArgumentException("the deliver step needs a month");
		}
		Delivery.Outcome outcome = delivery.deliver(block.get(), run.month(),
				run.output().resolve(run.month().toString()), run.language(), settings.of(run),
				"true".equals(parameters.getString(DeliverKeys.RESEND)));
		Deliveries.put(facts, outcome.results());
		if (outcome.failure() != null) {
			throw new DeliveryFailedException(outcome.failure());
		}
		return RepeatStatus.FINISHED;
	}

	/** A message was not sent; the message is the one line a person reads. */
	static class DeliveryFailedException extends RuntimeException {

		DeliveryFailedException(String message) {
			super(message);
		}

	}

}
