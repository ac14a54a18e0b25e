package nl.leefbaar.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

class HeartbeatTests {

	@Test
	void saysWhatThePhaseDoesWhileItRunsAndNothingOnceClosed() throws InterruptedException {
		List<String> lines = new CopyOnWriteArrayList<>();
		try (Heartbeat heartbeat = new Heartbeat(lines::add, "computing the indicators of 2025-06: the month facts",
				50)) {
			Thread.sleep(180);
			heartbeat.doing("computing the indicators of 2025-06: the figures of 2025-06");
			Thread.sleep(180);
		}
		int atClose = lines.size();
		Thread.sleep(200);

		assertThat(lines).hasSize(atClose);
		assertThat(lines.get(0)).isEqualTo("computing the indicators of 2025-06: the month facts (0 s so far)");
		assertThat(lines.get(atClose - 1)).startsWith("computing the indicators of 2025-06: the figures of 2025-06 (");
	}

}
