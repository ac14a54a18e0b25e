package nl.leefbaar.indicators.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import nl.leefbaar.indicators.stats.Interval;
import org.junit.jupiter.api.Test;

/**
 * The interval of the effect against the comparison group, against the worked value of
 * reference-values.md and hand-computed ones.
 */
class EffectIntervalTests {

	@Test
	void matchesTheWorkedValueOfTheReferenceValues() {
		// before 855, after 668, comparison before 1000, after 1075: effect
		// 0.7267781857745138
		Interval interval = EffectInterval.of(855, 668, 1000, 1075);

		assertThat(interval.low()).isCloseTo(0.6363418507431955, within(0.6363418507431955 * 1e-9));
		assertThat(interval.high()).isCloseTo(0.8300672519036607, within(0.8300672519036607 * 1e-9));
	}

	@Test
	void smallCountsGiveAWideIntervalAroundTheEffect() {
		// effect (1/3) / (10/7) = 0.2333..., half width 1.959964 * sqrt(1/3 + 1 + 1/7 +
		// 1/10) on the log scale
		Interval interval = EffectInterval.of(3, 1, 7, 10);

		assertThat(interval.low()).isCloseTo(0.019921575449012432, within(1e-15));
		assertThat(interval.high()).isCloseTo(2.732938696730604, within(1e-12));
	}

	@Test
	void isEmptyWhenAnyCountIsZeroOrMissing() {
		assertThat(EffectInterval.of(0, 5, 7, 10)).isNull();
		assertThat(EffectInterval.of(3, 0, 7, 10)).isNull();
		assertThat(EffectInterval.of(3, 5, 0, 10)).isNull();
		assertThat(EffectInterval.of(3, 5, 7, 0)).isNull();
		assertThat(EffectInterval.of(null, 5, 7, 10)).isNull();
		assertThat(EffectInterval.of(3, null, 7, 10)).isNull();
		assertThat(EffectInterval.of(3, 5, null, 10)).isNull();
		assertThat(EffectInterval.of(3, 5, 7, null)).isNull();
	}

}
