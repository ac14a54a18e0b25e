package nl.leefbaar.deliver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.IntStream;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import nl.leefbaar.report.AttentionLines;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real SMTP server for the whole test run (GreenMail on a free port of 127.0.0.1, with
 * a login), reached through a {@link SmtpRelay} that can refuse a recipient or go down;
 * the application's mail settings point at the relay. The test classes that extend this
 * share one application context.
 */
@SpringBootTest(properties = { "spring.mail.host=localhost", "spring.mail.username=" + WithMailServer.USER,
		"LEEFBAAR_MAIL_PASSWORD=" + WithMailServer.PASSWORD })
@Import(WithMailServer.NumberedAttentionLines.class)
abstract class WithMailServer {

	static final String USER = "leefbaar";

	static final String PASSWORD = "Mail-geheim-7Qx";

	static final GreenMail SERVER = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, PASSWORD));

	static final SmtpRelay RELAY;

	static {
		SERVER.start();
		try {
			RELAY = new SmtpRelay(SERVER.getSmtp().getPort());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * An owner's Aandacht list of four numbered lines, for the message's body (the
	 * dashboard's own list is tested there); primary over the dashboard's.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class NumberedAttentionLines {

		@Bean
		@Primary
		AttentionLines numberedAttentionLines() {
			return (month, owner, locale, limit, settings) -> IntStream.rangeClosed(1, 4)
				.mapToObj(n -> "Aandacht " + owner + " " + month + " regel " + n)
				.limit(limit)
				.toList();
		}

	}

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", RELAY::port);
	}

}
