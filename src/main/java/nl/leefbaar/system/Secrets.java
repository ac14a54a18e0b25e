package nl.leefbaar.system;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secrets this process learned while it runs (a source's client secret, its access
 * tokens, a database password read from the environment), so that everything a person or
 * a log collector reads masks them too ({@code cli.Credentials}).
 */
public final class Secrets {

	private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

	private Secrets() {
	}

	/** Remembers a secret to mask; values shorter than 3 characters are not masked. */
	public static void register(String secret) {
		if (secret != null && secret.length() >= 3) {
			KNOWN.add(secret);
		}
	}

	public static Set<String> known() {
		return Set.copyOf(KNOWN);
	}

}
