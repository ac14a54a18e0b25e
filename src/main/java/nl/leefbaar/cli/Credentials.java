package nl.leefbaar.cli;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.leefbaar.system.Secrets;

/**
 * Keeps database, mail and source credentials out of everything a person or a log
 * collector reads: the error line, the log and the run summaries. Masks
 * {@code password=...} and {@code user:secret@} in URLs, the configured passwords
 * wherever they appear, and the secrets the sources read or received while the process
 * runs ({@link Secrets}).
 */
public final class Credentials {

	static final String MASK = "***";

	private static final Pattern PASSWORD_SETTING = Pattern.compile("(?i)(password\\s*[=:]\\s*)([^&;,\\s]+)");

	private static final Pattern URL_USER_INFO = Pattern.compile("(//[^/:@\\s]+:)([^@/\\s]+)@");

	private static final String[] SOURCES = { "LEEFBAAR_DB_PASSWORD", "leefbaar.db.password",
			"spring.datasource.password", "SPRING_DATASOURCE_PASSWORD", "LEEFBAAR_MAIL_PASSWORD",
			"spring.mail.password", "SPRING_MAIL_PASSWORD" };

	/**
	 * URLs may carry a password too (user-info or a parameter); messages may quote it
	 * without the URL.
	 */
	private static final String[] URL_SOURCES = { "LEEFBAAR_DB_URL", "leefbaar.db.url", "spring.datasource.url",
			"SPRING_DATASOURCE_URL" };

	private final Set<String> secrets;

	public Credentials(Collection<String> secrets) {
		this.secrets = new LinkedHashSet<>();
		secrets.stream().filter(s -> s != null && s.length() >= 3).forEach(this.secrets::add);
	}

	/** The passwords configured through the environment, system properties or Spring. */
	public static Credentials from(Function<String, String> lookup) {
		Set<String> found = new LinkedHashSet<>();
		for (String source : SOURCES) {
			add(found, lookup.apply(source));
			add(found, System.getenv(source));
			add(found, System.getProperty(source));
		}
		for (String source : URL_SOURCES) {
			addFromUrl(found, lookup.apply(source));
			addFromUrl(found, System.getenv(source));
			addFromUrl(found, System.getProperty(source));
		}
		return new Credentials(found);
	}

	private static void addFromUrl(Set<String> found, String url) {
		if (url == null) {
			return;
		}
		for (Pattern pattern : List.of(PASSWORD_SETTING, URL_USER_INFO)) {
			Matcher matcher = pattern.matcher(url);
			while (matcher.find()) {
				add(found, matcher.group(2));
			}
		}
	}

	private static void add(Set<String> found, String value) {
		if (value != null && !value.isBlank()) {
			found.add(value);
		}
	}

	public String mask(String text) {
		if (text == null) {
			return null;
		}
		String masked = text;
		for (String secret : secrets) {
			masked = masked.replace(secret, MASK);
		}
		for (String secret : Secrets.known()) {
			masked = masked.replace(secret, MASK);
		}
		masked = PASSWORD_SETTING.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
		masked = URL_USER_INFO.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "@"));
		return masked;
	}

}
