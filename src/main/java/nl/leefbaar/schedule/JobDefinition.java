package nl.leefbaar.schedule;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.scheduling.support.CronExpression;

/**
 * One file of {@code jobs/}: which steps run, when (cron in Europe/Amsterdam), for whom,
 * from which inbox into which output folder, and with which {@code leefbaar.*} settings.
 *
 * @param properties the definition's parameters as {@code leefbaar.*} property names and
 * values
 */
public record JobDefinition(String name, Path file, List<String> steps, String cronText, CronExpression cron,
		List<String> audience, String language, Path input, Path output, Map<String, String> properties) {

	/** A job that computes or reports works on a month; an import-only job does not. */
	public boolean monthly() {
		return steps.stream().anyMatch(step -> !step.equals("import"));
	}

	public boolean imports() {
		return steps.contains("import");
	}

	public Optional<CronExpression> schedule() {
		return Optional.ofNullable(cron);
	}
}
