package nl.leefbaar.deliver;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;

/**
 * Why a message was not sent, in one line, and to whom: the refused addresses when the
 * server refused recipients, else every recipient of the message (the server could not be
 * reached, refused the login, or failed otherwise).
 *
 * @param recipientRefused the server refused recipients: the next message may still go
 */
record SendFailure(List<String> recipients, String reason, boolean recipientRefused) {

	static SendFailure of(MailException failure, List<String> to) {
		List<Throwable> causes = causes(failure);
		for (Throwable cause : causes) {
			if (cause instanceof SendFailedException refused && refused.getInvalidAddresses() != null
					&& refused.getInvalidAddresses().length > 0) {
				List<String> addresses = Arrays.stream(refused.getInvalidAddresses()).map(Address::toString).toList();
				return new SendFailure(addresses, "refused by the mail server: " + serverReply(causes, refused), true);
			}
		}
		if (failure instanceof MailAuthenticationException) {
			return new SendFailure(to, "the mail server refused the login: " + deepest(causes), false);
		}
		for (Throwable cause : causes) {
			if (cause instanceof ConnectException || cause instanceof UnknownHostException
					|| cause instanceof SocketTimeoutException) {
				return new SendFailure(to, "cannot reach the mail server: " + deepest(causes), false);
			}
		}
		return new SendFailure(to, deepest(causes), failure instanceof MailSendException
				&& causes.stream().anyMatch(c -> c instanceof SendFailedException));
	}

	/** The reply of the server to the refused recipient, from the nested exceptions. */
	private static String serverReply(List<Throwable> causes, SendFailedException refused) {
		for (Throwable cause : causes) {
			if (cause != refused && cause instanceof SendFailedException && cause.getMessage() != null
					&& cause.getMessage().matches("(?s)\\s*\\d{3}.*")) {
				return oneLine(cause.getMessage());
			}
		}
		return oneLine(refused.getMessage());
	}

	/** The failure, its causes and Jakarta Mail's chained "next" exceptions, in order. */
	private static List<Throwable> causes(Throwable failure) {
		List<Throwable> all = new ArrayList<>();
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		collect(failure, all, seen);
		return all;
	}

	private static void collect(Throwable t, List<Throwable> all, Set<Throwable> seen) {
		if (t == null || !seen.add(t)) {
			return;
		}
		all.add(t);
		if (t instanceof MailSendException send) {
			for (Exception e : send.getMessageExceptions()) {
				collect(e, all, seen);
			}
		}
		if (t instanceof MessagingException messaging) {
			collect(messaging.getNextException(), all, seen);
		}
		collect(t.getCause(), all, seen);
	}

	/**
	 * The last message that says something, with the exception's kind when it says
	 * little.
	 */
	private static String deepest(List<Throwable> causes) {
		Set<String> said = new LinkedHashSet<>();
		for (Throwable cause : causes) {
			if (cause.getMessage() != null && !cause.getMessage().isBlank()
					&& !cause.getMessage().startsWith("Failed messages")) {
				said.add(oneLine(cause.getMessage()));
			}
		}
		if (said.isEmpty()) {
			return causes.get(causes.size() - 1).getClass().getSimpleName();
		}
		List<String> messages = new ArrayList<>(said);
		return messages.size() == 1 ? messages.get(0)
				: messages.get(messages.size() - 2) + ": " + messages.get(messages.size() - 1);
	}

	private static String oneLine(String text) {
		return text == null ? "" : text.replaceAll("\\s+", " ").strip();
	}

}
