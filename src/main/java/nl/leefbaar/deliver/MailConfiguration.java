package nl.leefbaar.deliver;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Properties;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Hardens the mail sender that Spring Boot builds from {@code spring.mail.*} (there is
 * none without {@code spring.mail.host}): STARTTLS required except to the local machine,
 * the server's name checked against its certificate, timeouts where Jakarta Mail waits
 * for ever by default, no protocol trace (it would print the login), no message sent to
 * part of its recipients, and the password from {@code LEEFBAAR_MAIL_PASSWORD} only.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	/** Where the password comes from; never from a file of settings. */
	static final String PASSWORD_VARIABLE = "LEEFBAAR_MAIL_PASSWORD";

	static final String CONNECT_TIMEOUT_MS = "10000";

	static final String READ_WRITE_TIMEOUT_MS = "60000";

	@Bean
	static BeanPostProcessor leefbaarMailSecurity(Environment environment) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof JavaMailSenderImpl sender) {
					harden(sender, environment.getProperty(PASSWORD_VARIABLE));
				}
				return bean;
			}
		};
	}

	static void harden(JavaMailSenderImpl sender, String password) {
		String protocol = sender.getProtocol() == null ? "smtp" : sender.getProtocol().toLowerCase(Locale.ROOT);
		Properties properties = sender.getJavaMailProperties();
		String prefix = "mail." + protocol + ".";
		properties.putIfAbsent(prefix + "connectiontimeout", CONNECT_TIMEOUT_MS);
		properties.putIfAbsent(prefix + "timeout", READ_WRITE_TIMEOUT_MS);
		properties.putIfAbsent(prefix + "writetimeout", READ_WRITE_TIMEOUT_MS);
		properties.setProperty(prefix + "sendpartial", "false");
		properties.setProperty(prefix + "ssl.checkserveridentity", "true");
		properties.setProperty("mail.debug", "false");
		if (protocol.equals("smtp") && !isLocal(sender.getHost())) {
			properties.setProperty("mail.smtp.starttls.enable", "true");
			properties.setProperty("mail.smtp.starttls.required", "true");
		}
		sender.setPassword(password == null || password.isEmpty() ? null : password);
	}

	/** The local machine by name or loopback address: no TLS needed on that hop. */
	static boolean isLocal(String host) {
		if (host == null || host.isBlank()) {
			return false;
		}
		String name = host.trim().toLowerCase(Locale.ROOT);
		if (name.equals("localhost") || name.endsWith(".localhost")) {
			return true;
		}
		if (!name.matches("[0-9.]+|\\[?[0-9a-f:]+]?")) {
			return false; // a name is not looked up: a name that resolves to here may not
							// tomorrow
		}
		try {
			return InetAddress.getByName(name.replace("[", "").replace("]", "")).isLoopbackAddress();
		}
		catch (UnknownHostException e) {
			return false;
		}
	}

}
