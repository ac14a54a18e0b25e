package nl.leefbaar.deliver;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import nl.leefbaar.cli.Credentials;
import nl.leefbaar.domain.OwnerSlugs;
import nl.leefbaar.report.AttentionLines;
import nl.leefbaar.schedule.RunLock;
import nl.leefbaar.system.LeefbaarProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends each entry of a {@code deliver:} block its month's files, one message an entry,
 * exactly once per version of the figures (sources-and-delivery.md, Delivery). Everything
 * is checked before the first message goes out (owners, files, sizes); then each message
 * is sent and, once the server accepted it, recorded in the {@link DeliveryLog}.
 */
@Component
public class Delivery {

	/** The delivery lock's job name: no definition can have it. */
	private static final String LOCK = "(mail)";

	/** Lines of the owner's Aandacht list quoted in the body. */
	static final int ATTENTION_LINES = 3;

	private static final Logger log = LoggerFactory.getLogger(Delivery.class);

	/** What a delivery did, and the one line that says why it failed (or null). */
	public record Outcome(List<DeliveryResult> results, String failure) {
	}

	/** An entry ready to go: its files, digest and decision, and the message to send. */
	private record Prepared(DeliverEntry entry, EntryFiles files, String digest, DeliveryDecision decision,
			MimeMessage message) {
	}

	private final ObjectProvider<JavaMailSender> mailSender;

	private final ObjectProvider<AttentionLines> attentionLines;

	private final DeliveryLog deliveryLog;

	private final JdbcTemplate jdbc;

	private final DeliverProperties properties;

	private final Environment environment;

	private final RunLock runLock;

	Delivery(ObjectProvider<JavaMailSender> mailSender, ObjectProvider<AttentionLines> attentionLines,
			DeliveryLog deliveryLog, JdbcTemplate jdbc, DeliverProperties properties, Environment environment,
			RunLock runLock) {
		this.runLock = runLock;
		this.mailSender = mailSender;
		this.attentionLines = attentionLines;
		this.deliveryLog = deliveryLog;
		this.jdbc = jdbc;
		this.properties = properties;
		this.environment = environment;
	}

	/** Whether a mail server is configured ({@code spring.mail.host}). */
	public boolean configured() {
		return mailSender.getIfAvailable() != null;
	}

	/**
	 * Sends the month's messages while holding the month's delivery lock, so that a
	 * {@code deliver} beside a running job (the lock of a run is per job) cannot send
	 * what the other is sending.
	 * @param settings the run's settings ({@code RunSettings}), for the owners' Aandacht
	 * lines
	 * @param resend {@code deliver --force}: send every entry again, sent before or not
	 */
	public Outcome deliver(DeliverBlock block, YearMonth month, Path monthFolder, Locale locale,
			LeefbaarProperties settings, boolean resend) throws IOException, MessagingException {
		try (RunLock.Held held = runLock.acquire(LOCK, month.toString())) {
			return deliverLocked(block, month, monthFolder, locale, settings, resend);
		}
		catch (RunLock.HeldException e) {
			return stopped(block, "another process is sending the deliveries of " + month + ": " + e.getMessage());
		}
	}

	private Outcome deliverLocked(DeliverBlock block, YearMonth month, Path monthFolder, Locale locale,
			LeefbaarProperties settings, boolean resend) throws IOException, MessagingException {
		JavaMailSender sender = mailSender.getObject();
		if (environment.containsProperty("spring.mail.password")) {
			return stopped(block, "spring.mail.password is not read: give the mail password in "
					+ MailConfiguration.PASSWORD_VARIABLE + " only");
		}
		Map<String, String> slugs = OwnerSlugs
			.assign(jdbc.queryForList("select distinct owner from complex where owner is not null", String.class));
		LocalDate lastReport = lastReportDate(month);
		MessageText text = new MessageText(locale);
		List<Prepared> prepared = new ArrayList<>();
		for (DeliverEntry entry : block.entries()) {
			if (entry.isOwner() && !slugs.containsKey(entry.owner())) {
				return stopped(block, entry.where() + ": owner '" + MessageText.oneLine(entry.owner())
						+ "' is no owner of the imported complexes" + owners(slugs));
			}
			EntryFiles files = EntryFiles.of(entry, slugs.get(entry.owner()), monthFolder, month);
			Path missing = files.missing();
			if (missing != null) {
				return stopped(block, entry.where() + ": " + entry.label() + ": " + missing.getFileName()
						+ " is not in " + monthFolder + " (written by the report step)");
			}
			String digest = files.digest();
			DeliveryDecision decision = DeliveryDecision.of(deliveryLog.sent(month.toString(), entry.key()),
					entry.recipients(), digest, resend);
			MimeMessage message = null;
			if (!decision.alreadySent()) {
				message = MessageAssembly.message(sender, block.from(), entry, files, decision, month, lastReport, text,
						attention(entry, month, locale, settings));
				long size = MessageAssembly.size(message);
				if (size > properties.maxMessageSize().toBytes()) {
					return stopped(block, entry.where() + ": the message for " + entry.label() + " is "
							+ String.format(Locale.ROOT, "%.1f MB", size / 1048576.0) + ", over the "
							+ properties.maxMessageSize().toMegabytes() + " MB a message may have; nothing sent");
				}
			}
			prepared.add(new Prepared(entry, files, digest, decision, message));
		}
		return send(sender, prepared, month, resend);
	}

	private Outcome send(JavaMailSender sender, List<Prepared> prepared, YearMonth month, boolean resend)
			throws MessagingException {
		List<DeliveryResult> results = new ArrayList<>();
		String failure = null;
		int failed = 0;
		String unreachable = null;
		for (Prepared next : prepared) {
			DeliverEntry entry = next.entry();
			int files = next.files().attachments().size();
			if (next.decision().alreadySent()) {
				results.add(new DeliveryResult(entry.label(), entry.recipients(), files, DeliveryResult.ALREADY_SENT,
						false, null));
				continue;
			}
			List<String> to = next.decision().recipients();
			String reason = unreachable;
			if (reason == null) {
				try {
					sender.send(next.message());
					deliveryLog.record(month.toString(), entry.key(), to, next.digest(), next.message().getMessageID(),
							files, next.decision().updated(), resend);
					results.add(new DeliveryResult(entry.label(), to, files, DeliveryResult.SENT,
							next.decision().updated(), null));
					log.info("Sent {} of {} to {}", entry.label(), month, String.join(", ", to));
					continue;
				}
				catch (MailException e) {
					SendFailure why = SendFailure.of(e, to);
					reason = mask(why.reason());
					if (!why.recipientRefused()) {
						unreachable = reason; // the next messages would fail the same way
					}
					if (failure == null) {
						failure = entry.where() + ": " + entry.label() + " to " + String.join(", ", why.recipients())
								+ " not sent: " + reason;
					}
				}
			}
			failed++;
			results.add(new DeliveryResult(entry.label(), to, files, DeliveryResult.FAILED, false, reason));
		}
		if (failed > 1) {
			failure += " (" + (failed - 1) + " more message" + (failed > 2 ? "s" : "") + " not sent)";
		}
		return new Outcome(results, failure);
	}

	/**
	 * The top of an owner's Aandacht list, from the dashboard's {@link AttentionLines};
	 * null for an audience, or when no dashboard provides the list.
	 */
	private List<String> attention(DeliverEntry entry, YearMonth month, Locale locale, LeefbaarProperties settings) {
		AttentionLines lines = entry.isOwner() ? attentionLines.getIfUnique() : null;
		return lines == null ? null : lines.lines(month, entry.owner(), locale, ATTENTION_LINES, settings);
	}

	private LocalDate lastReportDate(YearMonth month) {
		Date day = jdbc.queryForObject("select max(reported_day) from report where reported_day <= ?", Date.class,
				Date.valueOf(month.atEndOfMonth()));
		return day == null ? null : day.toLocalDate();
	}

	/** Nothing was sent: every entry failed for the reason of the one line. */
	private Outcome stopped(DeliverBlock block, String failure) {
		String reason = mask(failure);
		List<DeliveryResult> results = block.entries()
			.stream()
			.map(entry -> new DeliveryResult(entry.label(), entry.recipients(), 0, DeliveryResult.FAILED, false,
					"nothing sent: " + reason))
			.toList();
		return new Outcome(results, reason);
	}

	private static String owners(Map<String, String> slugs) {
		if (slugs.isEmpty()) {
			return " (none imported)";
		}
		List<String> names = slugs.keySet().stream().limit(6).map(MessageText::oneLine).toList();
		return " (owners: " + String.join(", ", names) + (slugs.size() > names.size() ? ", ..." : "") + ")";
	}

	private String mask(String text) {
		return Credentials.from(environment::getProperty).mask(text);
	}

}
