package nl.leefbaar.schedule;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One entry of a job definition's {@code sources:} block (sources-and-delivery.md,
 * Sources). Secrets are never part of it: only the names of the environment variables
 * that hold them.
 */
public sealed interface SourceDefinition {

	String name();

	String type();

	/**
	 * A folder of CSV exports (input-format.md): the inbox; {@code --input} overrides it.
	 */
	record Folder(String name, Path path) implements SourceDefinition {
		@Override
		public String type() {
			return "folder";
		}
	}

	/** Signalen's API for systems, read with an OAuth2 client-credentials token. */
	record Signalen(String name, URI url, URI tokenUrl, String clientId,
			String clientSecretEnv) implements SourceDefinition {
		@Override
		public String type() {
			return "signalen";
		}
	}

	/**
	 * A PostgreSQL database read with query files (absolute paths; null when the source
	 * has no such query). User and password come from the variables named like the URL's,
	 * with {@code _USER} and {@code _PASSWORD} for {@code _URL}.
	 */
	record Postgresql(String name, String urlEnv, Path reports, Path activities) implements SourceDefinition {
		@Override
		public String type() {
			return "postgresql";
		}

		public String userEnv() {
			return urlEnv.substring(0, urlEnv.length() - "_URL".length()) + "_USER";
		}

		public String passwordEnv() {
			return urlEnv.substring(0, urlEnv.length() - "_URL".length()) + "_PASSWORD";
		}
	}

	/** The pulled sources (not the folder) as the JSON of the job parameter. */
	static String encode(List<SourceDefinition> sources) {
		List<Map<String, String>> list = new ArrayList<>();
		for (SourceDefinition source : sources) {
			Map<String, String> fields = new LinkedHashMap<>();
			fields.put("name", source.name());
			fields.put("type", source.type());
			if (source instanceof Folder folder) {
				fields.put("path", folder.path().toString());
			}
			else if (source instanceof Signalen signalen) {
				fields.put("url", signalen.url().toString());
				fields.put("token_url", signalen.tokenUrl().toString());
				fields.put("client_id", signalen.clientId());
				fields.put("client_secret_env", signalen.clientSecretEnv());
			}
			else if (source instanceof Postgresql postgresql) {
				fields.put("url_env", postgresql.urlEnv());
				fields.put("reports", postgresql.reports() == null ? null : postgresql.reports().toString());
				fields.put("activities", postgresql.activities() == null ? null : postgresql.activities().toString());
			}
			list.add(fields);
		}
		return JsonMapper.builder().build().writeValueAsString(list);
	}

	/** The sources of a job parameter written by {@link #encode}. */
	static List<SourceDefinition> decode(String json) {
		List<SourceDefinition> sources = new ArrayList<>();
		for (JsonNode node : JsonMapper.builder().build().readTree(json)) {
			String name = node.get("name").asString();
			sources.add(switch (node.get("type").asString()) {
				case "folder" -> new Folder(name, Path.of(node.get("path").asString()));
				case "signalen" -> new Signalen(name, URI.create(node.get("url").asString()),
						URI.create(node.get("token_url").asString()), node.get("client_id").asString(),
						node.get("client_secret_env").asString());
				case "postgresql" -> new Postgresql(name, node.get("url_env").asString(), path(node.get("reports")),
						path(node.get("activities")));
				default -> throw new IllegalArgumentException("unknown source type in " + json);
			});
		}
		return sources;
	}

	private static Path path(JsonNode node) {
		return node == null || node.isNull() ? null : Path.of(node.asString());
	}

}
