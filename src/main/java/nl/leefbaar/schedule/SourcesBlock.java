package nl.leefbaar.schedule;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The {@code sources:} block of a job definition (sources-and-delivery.md, Sources): a
 * list of sources, each with a unique name and a type, {@code folder}, {@code signalen}
 * or {@code postgresql}. A job without the block reads its {@code input:} folder alone.
 * With the block, exactly one folder source is the inbox (complexes, neighbourhoods,
 * addresses.csv, category-mapping.csv), and {@code input:} is not used beside it. Secrets
 * are refused in the file: only the names of the environment variables that hold them.
 * Every problem names the file and the line.
 */
final class SourcesBlock {

	/** Names become the prefix of record ids ({@code signalen:12345}). */
	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

	private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("[A-Z_][A-Z0-9_]*");

	private static final Map<String, Set<String>> KEYS = Map.of("folder", Set.of("name", "type", "path"), "signalen",
			Set.of("name", "type", "url", "token_url", "client_id", "client_secret_env"), "postgresql",
			Set.of("name", "type", "url_env", "reports", "activities"));

	/** Keys that would put a secret into the file. */
	private static final Set<String> SECRETS = Set.of("client_secret", "password", "secret", "token", "url", "user");

	/** The job parameter that carries the pulled sources holds at most this much. */
	private static final int MAX_PARAMETER_LENGTH = 2500;

	private final Path file;

	SourcesBlock(Path file) {
		this.file = file;
	}

	/**
	 * The sources of the block, the folder among them.
	 * @param node the value of {@code sources:}
	 * @param withInput whether the definition also has {@code input:}
	 * @param imports whether the job has the import step, which reads the sources
	 */
	List<SourceDefinition> read(Node node, boolean withInput, boolean imports) {
		if (!(node instanceof SequenceNode list) || list.getValue().isEmpty()) {
			throw problem(node, "sources: expects a list of sources, e.g. - name: inbox, type: folder, path: inbox");
		}
		if (!imports) {
			throw problem(node, "sources: are read by the import step, and steps: has no import");
		}
		List<SourceDefinition> sources = new ArrayList<>();
		Set<String> names = new HashSet<>();
		SourceDefinition.Folder folder = null;
		for (Node item : list.getValue()) {
			SourceDefinition source = source(item);
			if (!names.add(source.name())) {
				throw problem(item, "a source named '" + source.name() + "' appears twice");
			}
			if (source instanceof SourceDefinition.Folder found) {
				if (folder != null) {
					throw problem(item, "a second folder source; one folder is the inbox");
				}
				folder = found;
			}
			sources.add(source);
		}
		if (folder == null) {
			throw problem(node, "sources: needs one folder source, the inbox with complexes.csv, addresses.csv and"
					+ " category-mapping.csv (- name: inbox, type: folder, path: ...)");
		}
		if (withInput) {
			throw problem(node, "input: and a folder source both name the inbox; keep the folder source");
		}
		if (SourceDefinition.encode(pulled(sources)).length() > MAX_PARAMETER_LENGTH) {
			throw problem(node, "too many sources for one job");
		}
		return List.copyOf(sources);
	}

	/** The folder's path among the sources, or null. */
	static Path folder(List<SourceDefinition> sources) {
		return sources.stream()
			.filter(SourceDefinition.Folder.class::isInstance)
			.map(s -> ((SourceDefinition.Folder) s).path())
			.findFirst()
			.orElse(null);
	}

	/** The sources other than the folder, which the import pulls. */
	static List<SourceDefinition> pulled(List<SourceDefinition> sources) {
		return sources.stream().filter(s -> !(s instanceof SourceDefinition.Folder)).toList();
	}

	private SourceDefinition source(Node item) {
		if (!(item instanceof MappingNode mapping)) {
			throw problem(item, "a source has keys name:, type: and those of its type");
		}
		Map<String, NodeTuple> entries = entries(mapping);
		String name = required(entries, item, "name");
		if (!NAME.matcher(name).matches()) {
			throw problem(entries.get("name").getValueNode(),
					"a source name is lower-case letters, digits, '-' and '_' (it prefixes the ids of its records)");
		}
		String type = required(entries, item, "type").toLowerCase(Locale.ROOT);
		Set<String> known = KEYS.get(type);
		if (known == null) {
			throw problem(entries.get("type").getValueNode(),
					"unknown source type '" + type + "' (folder, signalen or postgresql)");
		}
		for (var entry : entries.entrySet()) {
			if (!known.contains(entry.getKey())) {
				Node key = entry.getValue().getKeyNode();
				if (SECRETS.contains(entry.getKey())) {
					throw problem(key, "'" + entry.getKey() + "' does not belong in a job definition: secrets and"
							+ " addresses with credentials come from the environment (" + hint(type) + ")");
				}
				throw problem(key, "unknown key '" + entry.getKey() + "' for a " + type + " source (known: "
						+ String.join(", ", new TreeSet<>(known)) + ")");
			}
		}
		return switch (type) {
			case "folder" -> new SourceDefinition.Folder(name, Path.of(required(entries, item, "path")));
			case "signalen" ->
				new SourceDefinition.Signalen(name, url(entries, item, "url"), url(entries, item, "token_url"),
						required(entries, item, "client_id"), environmentVariable(entries, item, "client_secret_env"));
			default -> postgresql(name, entries, item);
		};
	}

	private SourceDefinition.Postgresql postgresql(String name, Map<String, NodeTuple> entries, Node item) {
		String urlEnv = environmentVariable(entries, item, "url_env");
		if (!urlEnv.endsWith("_URL")) {
			throw problem(entries.get("url_env").getValueNode(), "url_env: names a variable ending in _URL (user"
					+ " and password come from the same name with _USER and _PASSWORD)");
		}
		Path reports = query(entries, "reports");
		Path activities = query(entries, "activities");
		if (reports == null && activities == null) {
			throw problem(item, "a postgresql source needs reports: or activities: (a query file) or both");
		}
		return new SourceDefinition.Postgresql(name, urlEnv, reports, activities);
	}

	/** A query file, relative to the folder of the job definition; it must exist. */
	private Path query(Map<String, NodeTuple> entries, String key) {
		NodeTuple entry = entries.get(key);
		if (entry == null) {
			return null;
		}
		Path path = Path.of(scalar(entry.getValueNode(), key));
		Path resolved = (path.isAbsolute() ? path : file.toAbsolutePath().getParent().resolve(path)).normalize();
		if (!Files.isRegularFile(resolved) || !Files.isReadable(resolved)) {
			throw problem(entry.getValueNode(), key + ": no readable query file " + resolved
					+ " (paths are relative to the folder of the job definition)");
		}
		return resolved;
	}

	private URI url(Map<String, NodeTuple> entries, Node item, String key) {
		String text = required(entries, item, key);
		Node node = entries.get(key).getValueNode();
		URI uri;
		try {
			uri = new URI(text);
		}
		catch (URISyntaxException e) {
			throw problem(node, key + ": not a URL: " + e.getReason());
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
			throw problem(node, key + ": expects an https:// URL");
		}
		if (uri.getUserInfo() != null) {
			throw problem(node, key + ": a URL with a user or password in it; secrets come from the environment");
		}
		if (scheme.equals("http") && !local(uri.getHost())) {
			throw problem(node, key + ": http:// would send the client secret and the token unencrypted; use"
					+ " https:// (http:// only to this machine)");
		}
		return uri;
	}

	private static boolean local(String host) {
		return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
	}

	private String environmentVariable(Map<String, NodeTuple> entries, Node item, String key) {
		String name = required(entries, item, key);
		if (!ENVIRONMENT_VARIABLE.matcher(name).matches()) {
			throw problem(entries.get(key).getValueNode(),
					key + ": the name of an environment variable (A-Z, 0-9, _), not its value");
		}
		return name;
	}

	private static String hint(String type) {
		return switch (type) {
			case "signalen" -> "client_secret_env: NAME";
			case "postgresql" -> "url_env: NAME_URL, with NAME_USER and NAME_PASSWORD";
			default -> "a folder source has name, type and path";
		};
	}

	private String required(Map<String, NodeTuple> entries, Node item, String key) {
		NodeTuple entry = entries.get(key);
		if (entry == null) {
			throw problem(item, "a source needs " + key + ":");
		}
		return scalar(entry.getValueNode(), key);
	}

	private Map<String, NodeTuple> entries(MappingNode mapping) {
		Map<String, NodeTuple> entries = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			String key = scalar(tuple.getKeyNode(), "a key");
			if (entries.put(key, tuple) != null) {
				throw problem(tuple.getKeyNode(), "key '" + key + "' appears twice");
			}
		}
		return entries;
	}

	private String scalar(Node node, String what) {
		if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
			throw problem(node, what + ": expects a single value");
		}
		return scalar.getValue().trim();
	}

	private DefinitionException problem(Node node, String message) {
		return new DefinitionException(file, node.getStartMark().getLine() + 1, message);
	}

}
