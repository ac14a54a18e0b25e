package nl.leefbaar.sources;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Signalen server for the tests, on the loopback address: a token endpoint for the
 * client-credentials grant and the list of signals with Signalen's HAL pagination and
 * {@code updated_after} ({@code updated_at >= }, as Signalen's filter), over a store that
 * a test changes between requests. Every page it serves is checked against the schema
 * {@code V1PrivateSignalListGet} of Signalen's own OpenAPI document
 * ({@code src/test/resources/signalen/}) and for the fields that
 * {@code PrivateSignalSerializerList} always writes; {@link #schemaProblems} lists what
 * did not pass. Faults (5xx, a slow answer, a refused token, a malformed page) are
 * planned per page request.
 */
public final class FakeSignalen implements AutoCloseable {

	public static final String CLIENT_ID = "leefbaar";

	public static final String SECRET = "Cl13nt-geheim-Signalen-7";

	static final String PATH = "/signals/v1/private/signals/";

	/** PrivateSignalSerializerList's Meta.fields less the write-only ones. */
	static final Set<String> SERIALIZER_FIELDS = Set.of("_links", "_display", "id", "id_display", "signal_id", "source",
			"text", "text_extra", "status", "location", "category", "reporter", "priority", "type", "created_at",
			"updated_at", "incident_date_start", "incident_date_end", "operational_date", "has_attachments",
			"extra_properties", "notes", "directing_departments", "routing_departments", "has_parent", "has_children",
			"assigned_user_email");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Schema LIST_SCHEMA = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30())
		.getSchema(SchemaLocation.of("classpath:signalen/openapi.yaml#/components/schemas/V1PrivateSignalListGet"));

	/** A signal as Signalen keeps it; the test changes them. */
	public static final class Stored {

		final long id;

		public Instant updatedAt;

		Instant createdAt;

		String mainSlug = "afval";

		String subSlug = "grofvuil";

		String state = "m";

		Instant statusAt;

		String source = "online";

		String postcode;

		String number;

		String letter;

		String addition;

		Stored(long id, Instant createdAt, Instant updatedAt) {
			this.id = id;
			this.createdAt = createdAt;
			this.updatedAt = updatedAt;
			this.statusAt = createdAt;
		}

		public Stored at(String postcode, String number, String letter, String addition) {
			this.postcode = postcode;
			this.number = number;
			this.letter = letter;
			this.addition = addition;
			return this;
		}

		public Stored category(String main, String sub) {
			this.mainSlug = main;
			this.subSlug = sub;
			return this;
		}

		/** Changed that many seconds later than its updated_at so far. */
		public Stored plusSeconds(long seconds) {
			this.updatedAt = updatedAt.plusSeconds(seconds);
			return this;
		}

		public Stored state(String state, Instant at) {
			this.state = state;
			this.statusAt = at;
			return this;
		}

	}

	/** What the server does at a page request instead of answering normally. */
	public interface Fault {

		/** True when it answered the request itself. */
		boolean answer(HttpExchange exchange) throws IOException;

	}

	final Map<Long, Stored> store = new ConcurrentHashMap<>();

	public final List<String> schemaProblems = new CopyOnWriteArrayList<>();

	public final List<URI> pageRequests = new CopyOnWriteArrayList<>();

	public final List<String> tokensIssued = new CopyOnWriteArrayList<>();

	final AtomicInteger tokenRequests = new AtomicInteger();

	/** Faults by the number of the page request (1 for the first). */
	public final Map<Integer, Fault> faults = new ConcurrentHashMap<>();

	/**
	 * Runs before the page request with that number is answered (a signal changes...).
	 */
	public final Map<Integer, Runnable> before = new ConcurrentHashMap<>();

	/**
	 * Pages (by request number) whose signals with one updated_at come in reverse id
	 * order.
	 */
	final Set<Integer> reverseTies = ConcurrentHashMap.newKeySet();

	volatile long tokenLifetimeSeconds = 300;

	/** Whether each page is checked against Signalen's schema (off for the bench). */
	public volatile boolean checkPages = true;

	/**
	 * Set when the store no longer changes (the bench): each query's order is sorted once
	 * and kept, as a database index keeps it, instead of once per page request.
	 */
	public volatile boolean frozen;

	private final Map<String, List<Stored>> sortedByFilter = new ConcurrentHashMap<>();

	volatile boolean refuseTokens;

	/**
	 * Builds the answer body of a page request instead of the real page (a malformed
	 * page).
	 */
	volatile IntFunction<String> replaceBody;

	private final Map<String, Instant> tokenExpiry = new ConcurrentHashMap<>();

	private final HttpServer server;

	private final AtomicInteger pageCount = new AtomicInteger();

	public FakeSignalen() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.createContext("/token", this::token);
		server.createContext(PATH, this::signals);
		server.start();
	}

	public URI url() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
	}

	public URI tokenUrl() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
	}

	public Stored add(long id, String createdAt, String updatedAt) {
		Stored signal = new Stored(id, Instant.parse(createdAt), Instant.parse(updatedAt));
		store.put(id, signal);
		return signal;
	}

	@Override
	public void close() {
		server.stop(0);
		((ExecutorService) server.getExecutor()).shutdownNow();
	}

	private void token(HttpExchange exchange) throws IOException {
		tokenRequests.incrementAndGet();
		Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		if (refuseTokens || !"POST".equals(exchange.getRequestMethod())
				|| !"client_credentials".equals(form.get("grant_type")) || !CLIENT_ID.equals(form.get("client_id"))
				|| !SECRET.equals(form.get("client_secret"))) {
			send(exchange, 401, "{\"error\": \"invalid_client\"}");
			return;
		}
		String token = "tok-" + UUID.randomUUID();
		tokensIssued.add(token);
		tokenExpiry.put(token, Instant.now().plusSeconds(tokenLifetimeSeconds));
		send(exchange, 200, JSON.writeValueAsString(Map.of("access_token", token, "token_type", "Bearer", "expires_in",
				tokenLifetimeSeconds, "scope", "SIG/ALL")));
	}

	private void signals(HttpExchange exchange) throws IOException {
		int number = pageCount.incrementAndGet();
		pageRequests.add(exchange.getRequestURI());
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
		Instant expiry = tokenExpiry.get(token);
		if (expiry == null || Instant.now().isAfter(expiry)) {
			send(exchange, 401, "{\"detail\": \"Authentication credentials were not provided.\"}");
			return;
		}
		Runnable change = before.remove(number);
		if (change != null) {
			change.run();
		}
		Fault fault = faults.remove(number);
		if (fault != null && fault.answer(exchange)) {
			return;
		}
		if (replaceBody != null) {
			send(exchange, 200, replaceBody.apply(number));
			return;
		}
		Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
		String body = JSON.writeValueAsString(page(query, reverseTies.contains(number)));
		if (checkPages) {
			List<Error> errors = LIST_SCHEMA.validate(body, InputFormat.JSON);
			errors.forEach(e -> schemaProblems.add("page request " + number + ": " + e));
		}
		send(exchange, 200, body);
	}

	private Map<String, Object> page(Map<String, String> query, boolean reverseTies) {
		Instant after = query.containsKey("updated_after")
				? OffsetDateTime.parse(query.get("updated_after")).toInstant() : Instant.MIN;
		if (!"updated_at".equals(query.get("ordering"))) {
			throw new IllegalStateException("Leefbaar asks for ordering=updated_at, not " + query.get("ordering"));
		}
		int size = Integer.parseInt(query.getOrDefault("page_size", "100"));
		int page = Integer.parseInt(query.getOrDefault("page", "1"));
		Comparator<Stored> ties = Comparator.comparingLong(s -> s.id);
		Supplier<List<Stored>> sorted = () -> store.values()
			.stream()
			.filter(s -> !s.updatedAt.isBefore(after))
			.sorted(Comparator.comparing((Stored s) -> s.updatedAt).thenComparing(reverseTies ? ties.reversed() : ties))
			.toList();
		List<Stored> matching = frozen ? sortedByFilter.computeIfAbsent(after + "/" + reverseTies, k -> sorted.get())
				: sorted.get();
		int from = Math.min((page - 1) * size, matching.size());
		int to = Math.min(page * size, matching.size());
		List<Map<String, Object>> results = new ArrayList<>();
		for (Stored signal : matching.subList(from, to)) {
			Map<String, Object> json = signal(signal);
			if (checkPages && !json.keySet().containsAll(SERIALIZER_FIELDS)) {
				schemaProblems.add("signal " + signal.id + " lacks serializer fields");
			}
			results.add(json);
		}
		Map<String, Object> links = new LinkedHashMap<>();
		links.put("self", href(link(query, page)));
		links.put("next", href(to < matching.size() ? link(query, page + 1) : null));
		links.put("previous", href(page > 1 ? link(query, page - 1) : null));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("_links", links);
		body.put("count", matching.size());
		body.put("results", results);
		return body;
	}

	private String link(Map<String, String> query, int page) {
		Map<String, String> parameters = new TreeMap<>(query);
		parameters.put("page", Integer.toString(page));
		StringBuilder link = new StringBuilder(url().toString()).append('?');
		parameters.forEach((key, value) -> link.append(key)
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8))
			.append('&'));
		return link.substring(0, link.length() - 1);
	}

	private static Map<String, Object> href(String href) {
		Map<String, Object> link = new HashMap<>();
		link.put("href", href);
		return link;
	}

	/**
	 * A signal as PrivateSignalSerializerList writes it, free text and reporter included.
	 */
	private Map<String, Object> signal(Stored s) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("_links", Map.of("self", Map.of("href", url() + Long.toString(s.id))));
		json.put("_display", s.id + " - " + s.state + " - F - " + s.createdAt);
		json.put("id", s.id);
		json.put("id_display", "SIG-" + s.id);
		json.put("signal_id", UUID.nameUUIDFromBytes(Long.toString(s.id).getBytes(StandardCharsets.UTF_8)).toString());
		json.put("source", s.source);
		json.put("text", "Het cafe op de hoek maakt enorme herrie (melding " + s.id + ")");
		json.put("text_extra", null);
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("text", null);
		status.put("state", s.state);
		status.put("target_api", null);
		status.put("extra_properties", Map.of());
		status.put("created_by", "behandelaar@gemeente.example");
		status.put("created_at", time(s.statusAt));
		json.put("status", status);
		Map<String, Object> location = new LinkedHashMap<>();
		location.put("stadsdeel", "F");
		location.put("buurt_code", "F89a");
		if (s.postcode != null) {
			Map<String, Object> address = new LinkedHashMap<>();
			address.put("openbare_ruimte", "Pretorialaan");
			address.put("huisnummer", s.number);
			address.put("huisletter", s.letter);
			if (s.addition != null) {
				address.put("huisnummer_toevoeging", s.addition);
			}
			address.put("postcode", s.postcode);
			address.put("woonplaats", "Rotterdam");
			location.put("address", address);
			location.put("address_text", "Pretorialaan " + s.number + " " + s.postcode + " Rotterdam");
		}
		location.put("geometrie", Map.of("type", "Point", "coordinates", List.of(4.4979, 51.8998)));
		location.put("extra_properties", Map.of());
		json.put("location", location);
		Map<String, Object> category = new LinkedHashMap<>();
		category.put("sub", s.subSlug);
		category.put("sub_slug", s.subSlug);
		category.put("main", s.mainSlug);
		category.put("main_slug", s.mainSlug);
		category.put("category_url",
				"http://127.0.0.1/signals/v1/public/terms/categories/" + s.mainSlug + "/sub_categories/" + s.subSlug);
		category.put("departments", "ASC");
		category.put("created_by", null);
		category.put("text", null);
		category.put("deadline", null);
		category.put("deadline_factor_3", null);
		json.put("category", category);
		Map<String, Object> reporter = new LinkedHashMap<>();
		reporter.put("email", "bewoner" + s.id + "@example.nl");
		reporter.put("phone", "0612345678");
		reporter.put("sharing_allowed", false);
		reporter.put("allows_contact", true);
		json.put("reporter", reporter);
		Map<String, Object> priority = new LinkedHashMap<>();
		priority.put("priority", "normal");
		priority.put("created_by", null);
		json.put("priority", priority);
		json.put("type", Map.of("code", "SIG", "created_at", time(s.createdAt), "created_by", "melder@example.nl"));
		json.put("created_at", time(s.createdAt));
		json.put("updated_at", time(s.updatedAt));
		json.put("incident_date_start", time(s.createdAt));
		json.put("incident_date_end", null);
		json.put("operational_date", null);
		json.put("has_attachments", false);
		json.put("extra_properties", null);
		json.put("notes", List.of());
		json.put("directing_departments", List.of());
		json.put("routing_departments", null);
		json.put("has_parent", false);
		json.put("has_children", false);
		json.put("assigned_user_email", null);
		return json;
	}

	/** As Django writes a date-time: microseconds and the offset of Amsterdam time. */
	static String time(Instant instant) {
		OffsetDateTime local = instant.atZone(ZoneId.of("Europe/Amsterdam")).toOffsetDateTime();
		return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").format(local);
	}

	static Map<String, String> query(String text) {
		Map<String, String> query = new LinkedHashMap<>();
		if (text == null || text.isEmpty()) {
			return query;
		}
		for (String pair : text.split("&")) {
			int at = pair.indexOf('=');
			String key = URLDecoder.decode(at < 0 ? pair : pair.substring(0, at), StandardCharsets.UTF_8);
			query.put(key, at < 0 ? "" : URLDecoder.decode(pair.substring(at + 1), StandardCharsets.UTF_8));
		}
		return query;
	}

	static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/** Answers with that status and a short body. */
	public static Fault status(int status) {
		return exchange -> {
			send(exchange, status, "{\"detail\": \"status " + status + "\"}");
			return true;
		};
	}

	/** Answers after a delay (longer than the client waits: a timeout). */
	static Fault slow(long millis) {
		return exchange -> {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return false;
		};
	}

	/** Faults for several request numbers in a row. */
	void faults(int firstRequest, Fault... planned) {
		for (int i = 0; i < planned.length; i++) {
			faults.put(firstRequest + i, planned[i]);
		}
	}

	static List<Long> ids(List<Stored> signals) {
		List<Long> ids = new ArrayList<>();
		signals.forEach(s -> ids.add(s.id));
		Collections.sort(ids);
		return ids;
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
