package nl.leefbaar.deliver;

import java.io.PrintStream;
import java.time.format.DateTimeFormatter;
import java.util.List;

import nl.leefbaar.domain.Months;

/** The month's deliveries under {@code leefbaar status}: what went to whom, and when. */
public final class DeliveryStatus {

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private DeliveryStatus() {
	}

	public static void print(List<DeliveryLog.Sent> sent, String month, PrintStream out) {
		out.println();
		if (sent.isEmpty()) {
			out.println("Deliveries of " + month + ": none sent");
			return;
		}
		out.println("Deliveries of " + month + " (times in Europe/Amsterdam):");
		out.printf("  %-17s %-28s %-6s %-10s %s%n", "sent", "entry", "files", "kind", "to");
		for (DeliveryLog.Sent message : sent) {
			String kind = message.forced() ? "resent" : message.updated() ? "bijgewerkt" : "new";
			out.printf("  %-17s %-28s %-6d %-10s %s%n", MINUTE.format(message.sentAt().atZoneSameInstant(Months.ZONE)),
					MessageText.oneLine(message.entry()), message.files(), kind,
					String.join(", ", message.recipients()));
		}
	}

}
