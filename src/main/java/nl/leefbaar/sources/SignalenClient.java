package nl.leefbaar.sources;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import nl.leefbaar.ingest.ImportException;
import nl.leefbaar.schedule.SourceDefinition;
import nl.leefbaar.system.Secrets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to Signalen: an OAuth2 client-credentials token from {@code token_url}
 * ({@code grant_type=client_credentials}, the client's id and secret in the form), sent
 * as {@code Authorization: Bearer}, and a new one shortly before it expires. Requests go
 * through Java's own HttpClient without following redirects (a bearer token goes to the
 * configured server only). An unreachable server, a timeout or a 5xx answer is tried
 * again after each of the configured waits (1, 4, 16 s), then the source fails in one
 * line; 401 and 403 fail at once ("the token was refused"). Neither the secret nor a
 * token ever appears in a message: both are registered with {@link Secrets}.
 */
final class SignalenClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SourceDefinition.Signalen source;

	private final String clientSecret;

	private final SourceSettings settings;

	private final HttpClient http;

	private String token;

	private long tokenRenewAt;

	private int tokens;

	SignalenClient(SourceDefinition.Signalen source, String clientSecret, SourceSettings settings) {
		this.source = source;
		this.clientSecret = clientSecret;
		this.settings = settings;
		Secrets.register(clientSecret);
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** The body of a page, with a valid token; {@code what} names it in a failure. */
	String get(URI uri, String what) {
		return send(() -> HttpRequest.newBuilder(uri)
			.timeout(settings.requestTimeout())
			.header("Accept", "application/json")
			.header("Authorization", "Bearer " + token())
			.GET()
			.build(), what, true);
	}

	/** Tokens obtained so far. */
	int tokens() {
		return tokens;
	}

	private String token() {
		if (token == null || System.nanoTime() - tokenRenewAt >= 0) {
			String form = "grant_type=client_credentials&client_id=" + encode(source.clientId()) + "&client_secret="
					+ encode(clientSecret);
			long requested = System.nanoTime();
			String body = send(() -> HttpRequest.newBuilder(source.tokenUrl())
				.timeout(settings.requestTimeout())
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), "the token", false);
			JsonNode answer;
			try {
				answer = JSON.readTree(body);
			}
			catch (JacksonException e) {
				throw new ImportException(source.name() + ": the token endpoint's answer is not JSON");
			}
			JsonNode accessToken = answer.get("access_token");
			if (accessToken == null || !accessToken.isString() || accessToken.asString().isBlank()) {
				throw new ImportException(source.name() + ": the token endpoint's answer has no access_token");
			}
			token = accessToken.asString();
			Secrets.register(token);
			tokens++;
			JsonNode expiresIn = answer.get("expires_in");
			long seconds = expiresIn != null && expiresIn.isNumber() ? expiresIn.asLong() : 300;
			// a little before it expires: a tenth of its life, at most 30 seconds
			long margin = Math.min(Duration.ofSeconds(30).toNanos(), Duration.ofSeconds(seconds).toNanos() / 10);
			tokenRenewAt = requested + Duration.ofSeconds(seconds).toNanos() - margin;
		}
		return token;
	}

	private interface Request {

		HttpRequest build();

	}

	private String send(Request request, String what, boolean withToken) {
		List<Duration> waits = settings.retryWaits();
		String problem = null;
		for (int attempt = 0; attempt <= waits.size(); attempt++) {
			if (attempt > 0) {
				sleep(waits.get(attempt - 1));
			}
			HttpResponse<String> response;
			try {
				response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			}
			catch (HttpTimeoutException e) {
				problem = "no answer within " + settings.requestTimeout().toSeconds() + " s";
				continue;
			}
			catch (IOException e) {
				problem = "unreachable (" + e.getClass().getSimpleName()
						+ (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
				continue;
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new ImportException(source.name() + ": interrupted while fetching " + what);
			}
			int status = response.statusCode();
			if (status == 200) {
				return response.body();
			}
			if (status >= 500) {
				problem = "the server answered " + status;
				continue;
			}
			if (withToken && (status == 401 || status == 403)) {
				throw new ImportException(
						source.name() + ": the token was refused (HTTP " + status + " for " + what + ")");
			}
			if (!withToken && (status == 400 || status == 401 || status == 403)) {
				throw new ImportException(source.name() + ": the token endpoint refused the client credentials (HTTP "
						+ status + "; client_id " + source.clientId() + ", secret from " + source.clientSecretEnv()
						+ ")");
			}
			throw new ImportException(source.name() + ": the server answered " + status + " for " + what);
		}
		throw new ImportException(source.name() + ": " + problem + " for " + what + ", " + (waits.size() + 1)
				+ " attempts; nothing of " + source.name() + " was committed");
	}

	private static void sleep(Duration wait) {
		try {
			Thread.sleep(wait.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new ImportException("interrupted while waiting to try again");
		}
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
