package nl.leefbaar.cli;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.leefbaar.deliver.Deliveries;
import nl.leefbaar.domain.Months;
import nl.leefbaar.system.RunKeys;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a run did, from the facts its steps left in the job execution context (cli.md,
 * run-summary.json): the same record becomes the console summary, run-summary.txt and
 * run-summary.json.
 *
 * @param month {@code yyyy-MM}, or null for a run without a month
 * @param reason why the run failed (credentials masked), or null
 * @param deliveries one object per message of the deliver step (cli.md), empty when
 * nothing was delivered
 */
record RunSummary(String job, String month, String status, long executionId, OffsetDateTime started, double seconds,
		Input input, List<String> monthsComputed, List<String> files, String reason,
		List<Map<String, Object>> deliveries) {

	/**
	 * @param sources one object per pulled source (cli.md {@code input.sources}: name,
	 * type, pulled, watermark, outside_complexes, ...); empty without such sources
	 */
	record Input(long files, long rowsRead, long loaded, long rejected, long newRows, long changed, long unchanged,
			long unmappedCategories, String rejectsFile, List<Map<String, Object>> sources) {

		Input(long files, long rowsRead, long loaded, long rejected, long newRows, long changed, long unchanged,
				long unmappedCategories, String rejectsFile) {
			this(files, rowsRead, loaded, rejected, newRows, changed, unchanged, unmappedCategories, rejectsFile,
					List.of());
		}
	}

	static RunSummary of(JobExecution execution, String reason) {
		ExecutionContext facts = execution.getExecutionContext();
		String month = facts.containsKey(RunKeys.RESOLVED_MONTH) ? facts.getString(RunKeys.RESOLVED_MONTH)
				: execution.getJobParameters().getString(RunKeys.MONTH);
		LocalDateTime start = execution.getStartTime() != null ? execution.getStartTime() : execution.getCreateTime();
		LocalDateTime end = execution.getEndTime() != null ? execution.getEndTime() : LocalDateTime.now();
		double seconds = Math.round(Duration.between(start, end).toMillis() / 100.0) / 10.0;
		// the job repository keeps local date-times of this JVM's zone; people read
		// Amsterdam time
		OffsetDateTime started = start.atZone(ZoneId.systemDefault())
			.withZoneSameInstant(Months.ZONE)
			.toOffsetDateTime()
			.truncatedTo(ChronoUnit.SECONDS);
		Input input = new Input(count(facts, RunKeys.INPUT_FILES), count(facts, RunKeys.ROWS_READ),
				count(facts, RunKeys.LOADED), count(facts, RunKeys.REJECTED), count(facts, RunKeys.NEW),
				count(facts, RunKeys.CHANGED), count(facts, RunKeys.UNCHANGED), count(facts, RunKeys.UNMAPPED),
				text(facts, RunKeys.REJECTS_FILE), sources(text(facts, RunKeys.SOURCES_PULLED)));
		return new RunSummary(execution.getJobInstance().getJobName(), month, execution.getStatus().name(),
				execution.getId(), started, seconds, input, list(text(facts, RunKeys.MONTHS_COMPUTED), ","),
				list(text(facts, RunKeys.FILES), "\n"), reason, Deliveries.of(facts));
	}

	/**
	 * With its seconds always (cli.md's "2025-07-01T06:00:03+02:00"):
	 * OffsetDateTime.toString leaves them out when they are zero, once a minute.
	 */
	private String startedText() {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(started);
	}

	/** The fields of cli.md's example, in its order. */
	Map<String, Object> json() {
		Map<String, Object> in = new LinkedHashMap<>();
		in.put("files", input.files());
		in.put("rows_read", input.rowsRead());
		in.put("loaded", input.loaded());
		in.put("rejected", input.rejected());
		in.put("new", input.newRows());
		in.put("changed", input.changed());
		in.put("unchanged", input.unchanged());
		in.put("unmapped_categories", input.unmappedCategories());
		in.put("rejects_file", input.rejectsFile());
		if (!input.sources().isEmpty()) {
			in.put("sources", input.sources());
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("job", job);
		json.put("month", month);
		json.put("status", status);
		json.put("execution_id", executionId);
		json.put("started", startedText());
		json.put("seconds", seconds);
		json.put("input", in);
		json.put("months_computed", monthsComputed);
		json.put("files", files);
		json.put("deliveries", deliveries);
		return json;
	}

	/** The human summary, for the console and run-summary.txt. */
	String text() {
		StringBuilder text = new StringBuilder();
		line(text, "job", job + (month == null ? "" : " " + month) + " (execution " + executionId + ")");
		line(text, "status", status + (reason == null ? "" : ": " + reason));
		line(text, "started", startedText());
		line(text, "time taken", String.format(Locale.ROOT, "%.1f s", seconds));
		if (input.files() > 0 || input.rowsRead() > 0) {
			line(text, "rows read", input.rowsRead() + " from " + input.files() + " files");
			line(text, "loaded", input.loaded() + " (new " + input.newRows() + ", changed " + input.changed()
					+ ", unchanged " + input.unchanged() + ")");
			line(text, "rejected",
					input.rejected() + (input.rejectsFile() == null ? "" : ", see " + input.rejectsFile()));
			if (input.unmappedCategories() > 0) {
				line(text, "unmapped", input.unmappedCategories() + " reports with an unmapped category");
			}
			for (Map<String, Object> source : input.sources()) {
				line(text, "source " + source.get("name"),
						source.get("pulled") + " pulled, " + source.get("outside_complexes")
								+ " outside the complexes, watermark " + source.get("watermark"));
			}
		}
		line(text, "months computed", monthsComputed.isEmpty() ? "none" : String.join(", ", monthsComputed));
		line(text, "files written", String.valueOf(files.size()));
		files.forEach(file -> text.append("    ").append(file).append('\n'));
		if (!deliveries.isEmpty()) {
			line(text, "deliveries", Deliveries.count(deliveries));
			Deliveries.lines(deliveries).forEach(delivery -> text.append("    ").append(delivery).append('\n'));
		}
		return text.toString();
	}

	private static void line(StringBuilder text, String label, String value) {
		text.append(String.format(Locale.ROOT, "  %-16s %s%n", label, value));
	}

	private static long count(ExecutionContext facts, String key) {
		Object value = facts.get(key);
		if (value instanceof Number number) {
			return number.longValue();
		}
		if (value instanceof String string && !string.isBlank()) {
			try {
				return Long.parseLong(string.trim());
			}
			catch (NumberFormatException e) {
				return 0;
			}
		}
		return 0;
	}

	/** The pulled sources' facts that the import step left as JSON. */
	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> sources(String json) {
		if (json == null) {
			return List.of();
		}
		return List.of(JsonMapper.builder().build().readValue(json, Map[].class));
	}

	private static String text(ExecutionContext facts, String key) {
		Object value = facts.get(key);
		return value == null || value.toString().isBlank() ? null : value.toString();
	}

	private static List<String> list(String joined, String separator) {
		if (joined == null) {
			return List.of();
		}
		return Arrays.stream(joined.split(separator)).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
	}
}
