package nl.leefbaar.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;

/**
 * The settings a run computes and writes with: the installation's
 * ({@link LeefbaarProperties}) with the job definition's settings that the run recorded
 * ({@link RunParameters#settings()}) on top, so that a run and its restart use the same
 * settings in an application started once. A definition's entry of a map replaces that
 * entry only ({@code leefbaar.indicators.target-days.safety} keeps the other categories'
 * targets).
 */
@Component
public class RunSettings {

	private final LeefbaarProperties installation;

	private final ConfigurableEnvironment environment;

	RunSettings(LeefbaarProperties installation, ConfigurableEnvironment environment) {
		this.installation = installation;
		this.environment = environment;
	}

	/** The settings of the run. */
	public LeefbaarProperties of(RunParameters run) {
		return of(run.settings());
	}

	/**
	 * The installation's settings with these on top, by {@code leefbaar.*} property name;
	 * the installation's as they are when there are none.
	 */
	public LeefbaarProperties of(Map<String, String> settings) {
		if (settings.isEmpty()) {
			return installation;
		}
		List<ConfigurationPropertySource> sources = new ArrayList<>();
		sources.add(new MapConfigurationPropertySource(settings));
		ConfigurationPropertySources.get(environment).forEach(sources::add);
		return new Binder(sources, new PropertySourcesPlaceholdersResolver(environment)).bindOrCreate("leefbaar",
				LeefbaarProperties.class);
	}

}
