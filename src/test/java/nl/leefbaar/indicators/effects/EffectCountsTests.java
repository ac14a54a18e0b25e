package nl.leefbaar.indicators.effects;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pieces of the linear counting that need no database. */
class EffectCountsTests {

	@Test
	void readsTheTextOfAnIntegerArray() {
		assertThat(EffectCounts.days("{}")).isEmpty();
		assertThat(EffectCounts.days("{19662}")).containsExactly(19662);
		assertThat(EffectCounts.days("{-3,0,19662,19670}")).containsExactly(-3, 0, 19662, 19670);
	}

	@Test
	void dayChangesCountTheRangesHoldingEachDayCutToTheDaysHeld() {
		DayChanges changes = new DayChanges(10, 20);
		changes.add(12, 14);
		changes.add(14, 30); // runs past the last day
		changes.add(0, 10); // starts before the first day
		changes.add(16, 15); // empty

		changes.runningSum();

		assertThat(new int[] { changes.at(10), changes.at(11), changes.at(12), changes.at(14), changes.at(15),
				changes.at(20) })
			.containsExactly(1, 0, 1, 2, 1, 1);
	}

}
