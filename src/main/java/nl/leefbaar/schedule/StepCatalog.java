package nl.leefbaar.schedule;

import java.util.Map;
import java.util.Set;

/**
 * The step names a job definition may use and the Step bean each stands for. The stages
 * build the beans ({@code importStep}, {@code computeStep}, {@code reportStep},
 * {@code deliverStep}); tests use a catalog of their own probe steps, so that they never
 * depend on the real stages.
 */
public record StepCatalog(Map<String, String> beanByStep) {

	public static final StepCatalog STANDARD = new StepCatalog(
			Map.of("import", "importStep", "compute", "computeStep", "report", "reportStep", "deliver", "deliverStep"));

	public Set<String> stepNames() {
		return beanByStep.keySet();
	}

	public String beanName(String step) {
		String bean = beanByStep.get(step);
		if (bean == null) {
			throw new IllegalArgumentException("unknown step '" + step + "'");
		}
		return bean;
	}
}
