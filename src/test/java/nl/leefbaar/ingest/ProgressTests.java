package nl.leefbaar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Progress on a clock the test moves: a phase that is not counted in rows says what it
 * does and how long it has been at it at least every 10 s (issue 23), and reading says
 * how far it is even when no row arrives.
 */
class ProgressTests {

	private long now = 1_000_000_000L;

	private final List<String> lines = new ArrayList<>();

	private final Progress progress = new Progress(100_000, () -> now, lines::add);

	@Test
	void aLongStepSaysWhatItDoesAndForHowLongEveryFiveSeconds() {
		try (Progress.Step step = progress.step("report", "building index report_day (3 of 7)", true)) {
			assertThat(lines).containsExactly("report: building index report_day (3 of 7)");
			List<Integer> secondsOfLines = new ArrayList<>();
			for (int second = 1; second <= 60; second++) {
				int before = lines.size();
				advanceSecondsAndBeat(1);
				if (lines.size() > before) {
					secondsOfLines.add(second);
				}
			}
			assertThat(secondsOfLines).containsExactly(5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60);
			assertThat(lines.get(1)).isEqualTo("report: building index report_day (3 of 7) (5 s so far)");
			assertThat(lines.get(12)).isEqualTo("report: building index report_day (3 of 7) (60 s so far)");
			step.done("built index report_day");
		}
		assertThat(lines.get(13)).isEqualTo("report: built index report_day in 60.0 s");
	}

	@Test
	void aQuietStepIsNamedOnceItTakesLong() {
		try (Progress.Step step = progress.step("reports.csv", "finishing the COPY of 10 rows", false)) {
			advanceSecondsAndBeat(4);
			assertThat(lines).isEmpty();
			advanceSecondsAndBeat(1);
			assertThat(lines).containsExactly("reports.csv: finishing the COPY of 10 rows (5 s so far)");
		}
		advanceSecondsAndBeat(30);
		assertThat(lines).hasSize(1);
	}

	@Test
	void aNestedStepHandsBackToTheStepItInterrupted() {
		try (Progress.Step outer = progress.step("reports.csv", "comparing the rows with the stored report table",
				false)) {
			try (Progress.Step inner = progress.step("report", "analyzing the table for the planner", false)) {
				advanceSecondsAndBeat(5);
			}
			advanceSecondsAndBeat(5);
		}
		assertThat(lines).containsExactly("report: analyzing the table for the planner (5 s so far)",
				"reports.csv: comparing the rows with the stored report table (10 s so far)");
	}

	@Test
	void readingWithoutNewRowsStillSaysHowFarItIs() {
		progress.reading("reports.csv", 1000, "then 7 indexes and keys of report are built");
		now += 2_000_000_000L;
		progress.tick(256, 250);
		assertThat(lines).isEmpty();
		advanceSecondsAndBeat(5);
		assertThat(lines).containsExactly(
				"reports.csv: 256 rows read, 51 rows/s, about 15 s left to read (then 7 indexes and keys of report are built)");
		progress.doneReading();
		advanceSecondsAndBeat(10);
		assertThat(lines).hasSize(1);
	}

	@Test
	void everyCountOfRowsGivesALine() {
		progress.reading("activities.csv", 0, null);
		for (int row = 1; row <= 250_000; row++) {
			progress.tick(row, row);
		}
		assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(line).contains("time left unknown"));
		assertThat(lines.get(1)).startsWith("activities.csv: 200000 rows read, ");
	}

	private void advanceSecondsAndBeat(int seconds) {
		for (int i = 0; i < seconds; i++) {
			now += 1_000_000_000L;
			progress.beat();
		}
	}

}
