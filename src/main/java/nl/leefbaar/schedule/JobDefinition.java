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
 * @param sources the {@code sources:} block, its folder among them ({@code input} is that
 * folder's path); empty without the block
 */
public record JobDefinition(String name, Path file, List<String> steps, String cronText, CronExpression cron,
		List<String> audience, String language, Path input, Path output, Map<String, String> properties,
		List<SourceDefinition> sources) {

	public JobDefinition(String name, Path file, List<String> steps, String cronText, CronExpression cron,
			List<String> audience, String language, Path input, Path output, Map<String, String> properties) {
		this(name, file, steps, cronText, cron, audience, language, input, output, properties, List.of());
	}

	/** The sources the import pulls besides its folder (Signalen, PostgreSQL). */
	public List<SourceDefinition> pulledSources() {
		return SourcesBlock.pulled(sources);
	}

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
