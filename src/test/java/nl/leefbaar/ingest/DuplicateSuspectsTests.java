package nl.leefbaar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DuplicateSuspectsTests {

	@Test
	void neverMissesARepeatedIdAndSuspectsFewUniqueOnes() {
		DuplicateSuspects suspects = new DuplicateSuspects(100_000 * 40L);
		for (int i = 0; i < 100_000; i++) {
			suspects.add("M" + i);
		}
		int falseAlarms = suspects.suspects().length;
		suspects.add("M4711");
		assertThat(suspects.suspects()).contains("M4711");
		assertThat(falseAlarms).isLessThan(100); // well under 0.1 %
	}

	@Test
	void aFileWithUniqueIdsNeedsNoCheck() {
		DuplicateSuspects suspects = new DuplicateSuspects(1000);
		suspects.add("A");
		suspects.add("B");
		assertThat(suspects.none()).isTrue();
	}

}
