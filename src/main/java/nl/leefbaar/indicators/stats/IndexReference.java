package nl.leefbaar.indicators.stats;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reference mean and population standard deviation per component, weighted by dwellings,
 * over the complexes whose figure is present. A component that no complex has is absent.
 */
public record IndexReference(Map<IndexComponent, double[]> meanAndSd) {

	public static IndexReference of(List<IndexFigures> complexesInReferenceYear) {
		Map<IndexComponent, double[]> result = new EnumMap<>(IndexComponent.class);
		for (IndexComponent component : IndexComponent.values()) {
			double sumW = 0;
			double sumWx = 0;
			double min = Double.POSITIVE_INFINITY;
			double max = Double.NEGATIVE_INFINITY;
			for (IndexFigures complex : complexesInReferenceYear) {
				Double x = present(complex, component);
				if (x != null) {
					sumW += complex.dwellings();
					sumWx += complex.dwellings() * x;
					min = Math.min(min, x);
					max = Math.max(max, x);
				}
			}
			if (!(sumW > 0)) {
				continue;
			}
			double mean = sumWx / sumW;
			double sumWd2 = 0;
			for (IndexFigures complex : complexesInReferenceYear) {
				Double x = present(complex, component);
				if (x != null) {
					sumWd2 += complex.dwellings() * (x - mean) * (x - mean);
				}
			}
			// Equal figures have sd 0 exactly (the weighted mean may carry rounding
			// dust).
			double sd = min == max ? 0.0 : Math.sqrt(sumWd2 / sumW);
			result.put(component, new double[] { min == max ? min : mean, sd });
		}
		return new IndexReference(Collections.unmodifiableMap(result));
	}

	private static Double present(IndexFigures complex, IndexComponent component) {
		if (complex.figures() == null || !(complex.dwellings() > 0)) {
			return null;
		}
		Double x = complex.figures().get(component);
		return x == null || x.isNaN() ? null : x;
	}
}
