package nl.leefbaar.deliver;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whom an entry's message goes to now, from what the log says was sent before: a
 * recipient whose latest message of this month and entry had the same figures (digest)
 * has it already; one whose latest had other figures gets it again, marked updated
 * ("bijgewerkt"); a new recipient gets it as new. {@code deliver --force} sends to every
 * recipient again.
 *
 * @param recipients who gets the message now; empty: already sent
 */
record DeliveryDecision(List<String> recipients, boolean updated) {

	boolean alreadySent() {
		return recipients.isEmpty();
	}

	static DeliveryDecision of(List<DeliveryLog.Sent> earlier, List<String> recipients, String digest, boolean resend) {
		Map<String, String> latestDigest = new HashMap<>();
		for (DeliveryLog.Sent sent : earlier) { // oldest first: the later message wins
			sent.recipients().forEach(recipient -> latestDigest.put(recipient, sent.digest()));
		}
		List<String> now = recipients.stream()
			.filter(recipient -> resend || !digest.equals(latestDigest.get(recipient)))
			.toList();
		boolean updated = now.stream()
			.map(latestDigest::get)
			.anyMatch(before -> before != null && !before.equals(digest));
		return new DeliveryDecision(now, updated);
	}

}
