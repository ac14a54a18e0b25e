package nl.leefbaar.sources;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import nl.leefbaar.ingest.ImportException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One page of Signalen's list of signals ({@code PrivateSignalSerializerList}, HAL
 * pagination): {@code _links.next.href} and the fields of each signal that Leefbaar
 * reads. Free text, the reporter and the location's coordinates are never read. A page
 * that is not JSON, lacks a field or has one of another type is refused in one line that
 * names the page and the field; the house number may be a number or a string (Signalen's
 * document says string, its geocoder gives numbers).
 */
record SignalenPage(URI next, List<Signal> signals) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** What Leefbaar reads of a signal; {@code address} is null when it has none. */
	record Signal(long id, OffsetDateTime updatedAt, String createdAt, String mainSlug, String subSlug, String state,
			String statusCreatedAt, String source, Address address) {
	}

	/**
	 * {@code location.address}: postcode, huisnummer, huisletter, huisnummer_toevoeging.
	 */
	record Address(String postcode, String number, String letter, String addition) {
	}

	/**
	 * @param where names the page in a failure: the source, the page number and its URL
	 */
	static SignalenPage parse(String body, String where) {
		JsonNode root;
		try {
			root = JSON.readTree(body);
		}
		catch (JacksonException e) {
			throw new ImportException(where + " is not JSON (" + e.getOriginalMessage() + ")");
		}
		Fields page = new Fields(where);
		page.object(root, "the page");
		JsonNode links = page.object(root.get("_links"), "_links");
		JsonNode nextLink = page.object(links.get("next"), "_links.next");
		String nextHref = page.nullableString(nextLink.get("href"), "_links.next.href");
		URI next;
		try {
			next = nextHref == null ? null : URI.create(nextHref);
		}
		catch (IllegalArgumentException e) {
			throw page.problem("_links.next.href", "is not a URL");
		}
		JsonNode results = root.get("results");
		if (results == null || !results.isArray()) {
			throw page.problem("results", results == null ? "is missing" : "is not a list");
		}
		List<Signal> signals = new ArrayList<>(results.size());
		for (int i = 0; i < results.size(); i++) {
			signals.add(signal(page, results.get(i), "results[" + i + "]"));
		}
		return new SignalenPage(next, signals);
	}

	private static Signal signal(Fields page, JsonNode node, String at) {
		page.object(node, at);
		JsonNode id = node.get("id");
		if (id == null || !id.isIntegralNumber()) {
			throw page.problem(at + ".id", id == null ? "is missing" : "is not a whole number");
		}
		String updated = page.string(node.get("updated_at"), at + ".updated_at");
		OffsetDateTime updatedAt;
		try {
			updatedAt = OffsetDateTime.parse(updated);
		}
		catch (DateTimeParseException e) {
			throw page.problem(at + ".updated_at", "is not a date-time with an offset");
		}
		String createdAt = page.string(node.get("created_at"), at + ".created_at");
		JsonNode category = page.object(node.get("category"), at + ".category");
		String main = page.string(category.get("main_slug"), at + ".category.main_slug");
		String sub = page.string(category.get("sub_slug"), at + ".category.sub_slug");
		JsonNode status = page.object(node.get("status"), at + ".status");
		String state = page.string(status.get("state"), at + ".status.state");
		String statusCreatedAt = "o".equals(state) ? page.string(status.get("created_at"), at + ".status.created_at")
				: page.nullableString(status.get("created_at"), at + ".status.created_at");
		String source = page.nullableString(node.get("source"), at + ".source");
		JsonNode location = page.object(node.get("location"), at + ".location");
		JsonNode address = location.get("address");
		Address place = null;
		if (address != null && !address.isNull()) {
			page.object(address, at + ".location.address");
			place = new Address(page.nullableString(address.get("postcode"), at + ".location.address.postcode"),
					page.numberOrString(address.get("huisnummer"), at + ".location.address.huisnummer"),
					page.nullableString(address.get("huisletter"), at + ".location.address.huisletter"),
					page.numberOrString(address.get("huisnummer_toevoeging"),
							at + ".location.address.huisnummer_toevoeging"));
		}
		return new Signal(id.asLong(), updatedAt, createdAt, main, sub, state, statusCreatedAt, source, place);
	}

	/** Field checks that name the page and the field. */
	private record Fields(String where) {

		JsonNode object(JsonNode node, String field) {
			if (node == null || !node.isObject()) {
				throw problem(field, node == null || node.isNull() ? "is missing" : "is not an object");
			}
			return node;
		}

		String string(JsonNode node, String field) {
			String value = nullableString(node, field);
			if (value == null) {
				throw problem(field, "is missing");
			}
			return value;
		}

		String nullableString(JsonNode node, String field) {
			if (node == null || node.isNull()) {
				return null;
			}
			if (!node.isString()) {
				throw problem(field, "is not a string");
			}
			return node.asString();
		}

		String numberOrString(JsonNode node, String field) {
			if (node != null && node.isIntegralNumber()) {
				return node.asString();
			}
			return nullableString(node, field);
		}

		ImportException problem(String field, String what) {
			return new ImportException(where + " is malformed: " + field + " " + what);
		}
	}

}
