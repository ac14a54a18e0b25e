package nl.leefbaar.deliver;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The subject and the short body of an entry's message, in the job's language
 * ({@code i18n/delivery*.properties}): {@code Leefbaarheid <owner or audience> <maand
 * jaar>}, then the period, the data's last report date, for an owner the top of its
 * Aandacht list, and the attachments' names.
 */
final class MessageText {

	private final ResourceBundle bundle;

	private final Locale locale;

	MessageText(Locale locale) {
		this.locale = locale;
		this.bundle = ResourceBundle.getBundle("i18n/delivery", locale,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
	}

	String subject(DeliverEntry entry, YearMonth month, boolean updated) {
		return format(updated ? "subject.updated" : "subject", oneLine(who(entry)), monthName(month));
	}

	/**
	 * @param lastReport the data's last report date up to the month's end, or null
	 * @param attention the first lines of the owner's Aandacht list; null when there is
	 * no list to quote (an audience, or no dashboard that makes one)
	 */
	String body(DeliverEntry entry, YearMonth month, LocalDate lastReport, List<String> attention, boolean updated,
			List<String> attachmentNames) {
		StringBuilder text = new StringBuilder();
		String opening = entry.isOwner() ? "body.opening.owner" : "body.opening." + entry.audience().code();
		text.append(format(opening, oneLine(who(entry)), monthName(month))).append("\n\n");
		if (updated) {
			text.append(format("body.updated")).append("\n\n");
		}
		text.append(format("body.period", monthName(month))).append('\n');
		text.append(lastReport == null ? format("body.data.none")
				: format("body.data", DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(lastReport)))
			.append("\n\n");
		if (attention != null) {
			if (attention.isEmpty()) {
				text.append(format("body.attention.none")).append("\n\n");
			}
			else {
				text.append(format("body.attention")).append('\n');
				attention.forEach(line -> text.append("- ").append(oneLine(line)).append('\n'));
				text.append('\n');
			}
		}
		text.append(format("body.attachments")).append('\n');
		attachmentNames.forEach(name -> text.append("- ").append(name).append('\n'));
		text.append('\n').append(format("body.closing")).append('\n');
		return text.toString();
	}

	private String who(DeliverEntry entry) {
		return entry.isOwner() ? entry.owner() : format("audience." + entry.audience().code());
	}

	private String monthName(YearMonth month) {
		return DateTimeFormatter.ofPattern("MMMM yyyy", locale).format(month);
	}

	private String format(String key, Object... arguments) {
		return new MessageFormat(bundle.getString(key), locale).format(arguments);
	}

	/** No line breaks or other control characters from names into a header or a line. */
	static String oneLine(String text) {
		return text.replaceAll("\\p{Cntrl}+", " ").strip();
	}

}
