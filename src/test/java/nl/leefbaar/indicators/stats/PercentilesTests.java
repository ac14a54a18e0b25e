package nl.leefbaar.indicators.stats;

import static nl.leefbaar.indicators.stats.Close.close;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.junit.jupiter.api.Test;

class PercentilesTests {

	@Test
	void usesR7NotCommonsMathsDefaultRule() {
		double[] small = { 1, 3, 2, 4 };
		double[] ten = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
		double[] twelve = { 0, 0.5, 1.2, 2, 3.3, 7.5, 9, 12.1, 15, 40, 41, 100 };

		close(Percentiles.r7(small, 0.3), 1.9, 1e-12);
		close(Percentiles.r7(ten, 0.9), 9.1, 1e-12);
		close(Percentiles.r7(twelve, 0.75), 21.25, 1e-12);
		// what the default rule would have said (reference-values.md)
		close(new Percentile().evaluate(small, 30), 1.5, 1e-12);
		close(new Percentile().evaluate(ten, 90), 9.9, 1e-12);
		close(new Percentile().evaluate(twelve, 75), 33.75, 1e-12);
	}

	@Test
	void endsAreMinimumAndMaximumAndNoValuesIsNaN() {
		double[] values = { 4, 1, 3 };
		assertThat(Percentiles.r7(values, 0)).isEqualTo(1);
		assertThat(Percentiles.r7(values, 1)).isEqualTo(4);
		assertThat(Percentiles.r7(new double[0], 0.5)).isNaN();
	}

	@Test
	void agreesWithTheR7FormulaOnRandomSamples() {
		Random random = new Random(20261127L);
		for (int round = 0; round < 500; round++) {
			double[] values = new double[1 + random.nextInt(40)];
			for (int i = 0; i < values.length; i++) {
				values[i] = random.nextInt(5) == 0 ? random.nextInt(3) : random.nextGaussian() * 10;
			}
			double p = random.nextDouble();
			double[] sorted = values.clone();
			Arrays.sort(sorted);
			// R type 7: h = (n - 1) p, x[floor h] + (h - floor h) (x[floor h + 1] -
			// x[floor h])
			double h = (sorted.length - 1) * p;
			int lo = (int) Math.floor(h);
			double expected = lo + 1 < sorted.length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo])
					: sorted[lo];
			assertThat(Percentiles.r7(values, p)).isCloseTo(expected, within(1e-9));
		}
	}

}
