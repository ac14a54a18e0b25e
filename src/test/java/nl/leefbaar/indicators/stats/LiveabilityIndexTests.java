package nl.leefbaar.indicators.stats;

import static nl.leefbaar.indicators.stats.Close.close;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Three complexes in the reference year, by hand: <pre>
 *            dwellings  report_rate  closed_share  participation  dwelling_repeat
 *   A           100         10          0.8            5              -
 *   B           200         20          0.6            5              -
 *   C           100         30          0.7            -              -
 * </pre> report rate: mean (1000 + 4000 + 3000) / 400 = 20, population variance (100 *
 * 100 + 200 * 0 + 100 * 100) / 400 = 50, sd = sqrt 50; closed share: mean (80 + 120 + 70)
 * / 400 = 0.675, variance (100 * 0.125^2 + 200 * 0.075^2 + 100 * 0.025^2) / 400 =
 * 0.006875; participation: 5 and 5, sd 0: left out; dwelling repeat: nobody has it: left
 * out.
 */
class LiveabilityIndexTests {

	private static final IndexFigures A = complex(100, 10.0, 0.8, 5.0);

	private static final IndexFigures B = complex(200, 20.0, 0.6, 5.0);

	private static final IndexFigures C = complex(100, 30.0, 0.7, null);

	@Test
	void referenceIsWeightedByDwellingsWithPopulationSd() {
		IndexReference reference = IndexReference.of(List.of(A, B, C));

		close(reference.meanAndSd().get(IndexComponent.REPORT_RATE_12M)[0], 20, 1e-12);
		close(reference.meanAndSd().get(IndexComponent.REPORT_RATE_12M)[1], Math.sqrt(50), 1e-12);
		close(reference.meanAndSd().get(IndexComponent.CLOSED_WITHIN_TARGET_SHARE_12M)[0], 0.675, 1e-12);
		close(reference.meanAndSd().get(IndexComponent.CLOSED_WITHIN_TARGET_SHARE_12M)[1], Math.sqrt(0.006875), 1e-12);
		assertThat(reference.meanAndSd().get(IndexComponent.PARTICIPATION_RATE_12M)).containsExactly(5.0, 0.0);
		assertThat(reference.meanAndSd()).doesNotContainKey(IndexComponent.DWELLING_REPEAT_RATE_12M);
	}

	@Test
	void indexIsTheMeanOfAvailableComponentScoresNegatedWhereLowerIsBetter() {
		IndexReference reference = IndexReference.of(List.of(A, B, C));

		// A: report rate 10 is sqrt 2 sd better: 100 + 10 sqrt 2; closed 0.8: z = 0.125 /
		// sqrt 0.006875.
		double scoreA = ((100 + 10 * Math.sqrt(2)) + (100 + 10 * 0.125 / Math.sqrt(0.006875))) / 2;
		double scoreC = ((100 - 10 * Math.sqrt(2)) + (100 + 10 * 0.025 / Math.sqrt(0.006875))) / 2;
		close(LiveabilityIndex.index(A.figures(), reference), scoreA, 1e-12); // 114.6089
		close(LiveabilityIndex.index(B.figures(), reference), (100 + (100 - 10 * 0.075 / Math.sqrt(0.006875))) / 2,
				1e-12);
		close(LiveabilityIndex.index(C.figures(), reference), scoreC, 1e-12); // 94.4366
	}

	@Test
	void missingComponentsAreLeftOutAndNoneLeftIsMissing() {
		IndexReference reference = IndexReference.of(List.of(A, B, C));
		Map<IndexComponent, Double> onlyRate = new HashMap<>();
		onlyRate.put(IndexComponent.REPORT_RATE_12M, 20 - Math.sqrt(50) * 3);
		onlyRate.put(IndexComponent.CLOSED_WITHIN_TARGET_SHARE_12M, null);

		close(LiveabilityIndex.index(onlyRate, reference), 130, 1e-12);
		assertThat(LiveabilityIndex.index(Map.of(IndexComponent.PARTICIPATION_RATE_12M, 9.0), reference)).isNull();
		assertThat(LiveabilityIndex.index(Map.of(), reference)).isNull();
	}

	private static IndexFigures complex(double dwellings, Double rate, Double closed, Double participation) {
		Map<IndexComponent, Double> figures = new EnumMap<>(IndexComponent.class);
		figures.put(IndexComponent.REPORT_RATE_12M, rate);
		figures.put(IndexComponent.CLOSED_WITHIN_TARGET_SHARE_12M, closed);
		if (participation != null) {
			figures.put(IndexComponent.PARTICIPATION_RATE_12M, participation);
		}
		return new IndexFigures(dwellings, figures);
	}

}
