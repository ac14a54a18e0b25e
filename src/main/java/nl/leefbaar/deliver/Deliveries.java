package nl.leefbaar.deliver;

import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deliver step's results in the job's execution context (JSON under {@link #KEY}),
 * from which the run summary lists them. A restarted step replaces the list of the
 * attempt before.
 */
public final class Deliveries {

	/** JSON list of {@link DeliveryResult#json()} objects. */
	public static final String KEY = "deliveries";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Deliveries() {
	}

	static void put(ExecutionContext jobContext, List<DeliveryResult> results) {
		jobContext.putString(KEY, JSON.writeValueAsString(results.stream().map(DeliveryResult::json).toList()));
	}

	/** The run's deliveries for run-summary.json; empty when nothing was delivered. */
	public static List<Map<String, Object>> of(ExecutionContext jobContext) {
		Object value = jobContext.get(KEY);
		if (value == null || value.toString().isBlank()) {
			return List.of();
		}
		return JSON.readValue(value.toString(), new TypeReference<List<Map<String, Object>>>() {
		});
	}

	/** {@code 2 sent, 1 already sent, 0 failed}. */
	public static String count(List<Map<String, Object>> deliveries) {
		return count(deliveries, DeliveryResult.SENT) + " sent, " + count(deliveries, DeliveryResult.ALREADY_SENT)
				+ " already sent, " + count(deliveries, DeliveryResult.FAILED) + " failed";
	}

	private static long count(List<Map<String, Object>> deliveries, String status) {
		return deliveries.stream().filter(d -> status.equals(d.get("status"))).count();
	}

	/** One line per message for the human summary. */
	public static List<String> lines(List<Map<String, Object>> deliveries) {
		return deliveries.stream()
			.map(d -> d.get("entry") + " -> " + d.get("to") + ": " + d.get("status").toString().replace('_', ' ')
					+ (Boolean.TRUE.equals(d.get("updated")) ? " (updated)" : "") + ", " + d.get("files") + " files"
					+ (d.containsKey("reason") ? ": " + d.get("reason") : ""))
			.toList();
	}

}
