package nl.leefbaar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What a run summary says, where RunCommandTests cannot choose the moment a run starts.
 */
class RunSummaryTests {

	@Test
	void aRunStartedOnTheMinuteStillShowsItsSeconds() {
		RunSummary summary = new RunSummary("monthly", "2025-06", "COMPLETED", 12,
				OffsetDateTime.parse("2025-07-01T06:00:00+02:00"), 41.2,
				new RunSummary.Input(0, 0, 0, 0, 0, 0, 0, 0, null), List.of("2025-06"), List.of(), null, List.of());

		assertThat(summary.json()).containsEntry("started", "2025-07-01T06:00:00+02:00");
		assertThat(summary.text()).contains("2025-07-01T06:00:00+02:00");
	}

}
