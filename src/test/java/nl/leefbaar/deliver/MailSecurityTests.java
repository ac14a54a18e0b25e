package nl.leefbaar.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The mail sender as Spring Boot builds it, hardened: STARTTLS required except to the
 * local machine, timeouts set, no protocol trace, the password from
 * LEEFBAAR_MAIL_PASSWORD only.
 */
class MailSecurityTests {

	@Test
	void requiresStartTlsToAnyServerButTheLocalMachine() {
		JavaMailSenderImpl remote = sender("smtp.example.nl");
		JavaMailSenderImpl local = sender("localhost");

		MailConfiguration.harden(remote, "pw");
		MailConfiguration.harden(local, "pw");

		assertThat(remote.getJavaMailProperties()).containsEntry("mail.smtp.starttls.enable", "true")
			.containsEntry("mail.smtp.starttls.required", "true")
			.containsEntry("mail.smtp.ssl.checkserveridentity", "true");
		assertThat(local.getJavaMailProperties()).doesNotContainKey("mail.smtp.starttls.required");
		assertThat(MailConfiguration.isLocal("127.0.0.1")).isTrue();
		assertThat(MailConfiguration.isLocal("::1")).isTrue();
		assertThat(MailConfiguration.isLocal("10.0.0.1")).isFalse();
		assertThat(MailConfiguration.isLocal("localhost.example.nl")).isFalse();
	}

	@Test
	void setsTimeoutsWhereJakartaMailWaitsForEverAndKeepsOnesGiven() {
		JavaMailSenderImpl sender = sender("smtp.example.nl");
		sender.getJavaMailProperties().setProperty("mail.smtp.timeout", "5000");

		MailConfiguration.harden(sender, null);

		assertThat(sender.getJavaMailProperties()).containsEntry("mail.smtp.connectiontimeout", "10000")
			.containsEntry("mail.smtp.timeout", "5000")
			.containsEntry("mail.smtp.writetimeout", "60000")
			.containsEntry("mail.smtp.sendpartial", "false")
			.containsEntry("mail.debug", "false");
	}

	@Test
	void thePasswordComesFromTheVariableOnlyAndAProtocolTraceIsOff() {
		JavaMailSenderImpl sender = sender("smtp.example.nl");
		sender.setPassword("from-spring-mail-password");
		sender.getJavaMailProperties().setProperty("mail.debug", "true");

		MailConfiguration.harden(sender, null);

		assertThat(sender.getPassword()).isNull();
		assertThat(sender.getJavaMailProperties()).containsEntry("mail.debug", "false");
	}

	@Test
	void aServerWithoutStartTlsIsRefusedWhenItIsNotTheLocalMachine() {
		GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		try {
			// the real server on this machine, reached as if it were another: a name that
			// is
			// not local, resolved to the loopback address by the JVM's own host table is
			// not
			// available, so the hardening for a remote server is applied to it directly
			JavaMailSenderImpl sender = sender("127.0.0.1");
			sender.setPort(server.getSmtp().getPort());
			MailConfiguration.harden(sender, null);
			sender.getJavaMailProperties().setProperty("mail.smtp.starttls.enable", "true");
			sender.getJavaMailProperties().setProperty("mail.smtp.starttls.required", "true");
			SimpleMailMessage message = new SimpleMailMessage();
			message.setFrom("a@example.nl");
			message.setTo("b@example.nl");
			message.setText("x");

			assertThatThrownBy(() -> sender.send(message)).isInstanceOf(MailSendException.class)
				.hasStackTraceContaining("STARTTLS");
			assertThat(server.getReceivedMessages()).isEmpty();
		}
		finally {
			server.stop();
		}
	}

	private static JavaMailSenderImpl sender(String host) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(host);
		return sender;
	}

}
