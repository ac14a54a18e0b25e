package nl.leefbaar.deliver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What became of one entry's message in a run (cli.md, run-summary.json
 * {@code deliveries}).
 *
 * @param status {@code sent}, {@code already_sent} or {@code failed}
 * @param reason why it failed, one line, or null
 */
public record DeliveryResult(String entry, List<String> to, int files, String status, boolean updated, String reason) {

	static final String SENT = "sent";

	static final String ALREADY_SENT = "already_sent";

	static final String FAILED = "failed";

	/** The object of run-summary.json: cli.md's fields first, then the entry. */
	public Map<String, Object> json() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("to", String.join(", ", to));
		json.put("files", files);
		json.put("status", status);
		if (reason != null) {
			json.put("reason", reason);
		}
		json.put("entry", entry);
		if (updated) {
			json.put("updated", true);
		}
		return json;
	}

}
