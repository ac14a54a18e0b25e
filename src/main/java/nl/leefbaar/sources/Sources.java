package nl.leefbaar.sources;

import java.util.List;
import java.util.function.Function;

import nl.leefbaar.ingest.RecordSource;
import nl.leefbaar.schedule.SourceDefinition;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Builds a run's pulled sources from the job parameter that lists them. Secrets and URLs
 * are looked up by the names the definition gives, in the environment (Spring's
 * environment: the process's variables and system properties).
 */
@Component
class Sources implements RecordSource.Factory {

	private final SourceSettings settings;

	private final Watermarks watermarks;

	private final Function<String, String> environment;

	Sources(SourceSettings settings, Watermarks watermarks, Environment environment) {
		this.settings = settings;
		this.watermarks = watermarks;
		this.environment = environment::getProperty;
	}

	@Override
	public List<RecordSource> create(String sourcesParameter) {
		return SourceDefinition.decode(sourcesParameter).stream().map(this::source).toList();
	}

	private RecordSource source(SourceDefinition definition) {
		if (definition instanceof SourceDefinition.Signalen signalen) {
			return new SignalenSource(signalen, settings, watermarks, environment);
		}
		if (definition instanceof SourceDefinition.Postgresql postgresql) {
			return new PostgresqlSource(postgresql, settings, watermarks, environment);
		}
		throw new IllegalArgumentException("not a pulled source: " + definition.name());
	}

}
