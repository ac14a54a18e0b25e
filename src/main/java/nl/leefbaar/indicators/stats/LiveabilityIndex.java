package nl.leefbaar.indicators.stats;

import java.util.Map;

/**
 * The liveability index of indicators.md: 100 = the reference, 10 points per reference
 * sd.
 */
public final class LiveabilityIndex {

	private LiveabilityIndex() {
	}

	/**
	 * The mean of the component scores {@code 100 + 10 z} (z negated where lower is
	 * better), leaving out components whose figure is missing or whose reference sd is 0
	 * or absent; null when no component is left.
	 */
	public static Double index(Map<IndexComponent, Double> figures, IndexReference reference) {
		double sum = 0;
		int scored = 0;
		for (IndexComponent component : IndexComponent.values()) {
			Double figure = figures == null ? null : figures.get(component);
			double[] meanAndSd = reference.meanAndSd().get(component);
			if (figure == null || figure.isNaN() || meanAndSd == null || !(meanAndSd[1] > 0)) {
				continue;
			}
			double z = (figure - meanAndSd[0]) / meanAndSd[1];
			sum += 100 + 10 * (component.lowerIsBetter() ? -z : z);
			scored++;
		}
		return scored == 0 ? null : sum / scored;
	}

}
