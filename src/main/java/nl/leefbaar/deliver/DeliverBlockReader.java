package nl.leefbaar.deliver;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import nl.leefbaar.deliver.DeliverEntry.Audience;
import nl.leefbaar.schedule.DefinitionException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads and checks a definition's {@code deliver:} block, every problem as
 * {@code file:line: problem} (a definition error, exit status 2): an entry that names
 * neither or both of owner and audience, an unknown audience, an entry named twice, an
 * empty recipient list, an address that is not an address. Whether an owner exists can
 * only be told after the import: the deliver step checks that.
 */
public final class DeliverBlockReader {

	private static final Set<String> BLOCK_KEYS = Set.of("from", "to");

	private static final Set<String> ENTRY_KEYS = Set.of("owner", "audience", "recipients");

	/**
	 * A bare address, local part and domain, nothing around it: a display name or a list
	 * in one value is refused rather than guessed at.
	 */
	private static final Pattern BARE_ADDRESS = Pattern.compile("[^@\\s<>,;\"()]+@[^@\\s<>,;\"()]+");

	private final Path file;

	private DeliverBlockReader(Path file) {
		this.file = file;
	}

	/**
	 * The block under the key {@code deliver} of a definition's top mapping.
	 * @param node the value of {@code deliver:}
	 */
	public static DeliverBlock read(Path file, Node node) {
		return new DeliverBlockReader(file).block(node);
	}

	/**
	 * The {@code deliver:} block of a definition file as it is now (a restart reads
	 * recipients corrected after a failure); empty when the file has none.
	 */
	public static Optional<DeliverBlock> of(Path definitionFile) {
		Node root;
		try (Reader reader = Files.newBufferedReader(definitionFile, StandardCharsets.UTF_8)) {
			root = new Yaml(new LoaderOptions()).compose(reader);
		}
		catch (YAMLException | IOException e) {
			throw new DefinitionException(definitionFile, 0, "cannot read: " + e.getMessage());
		}
		if (root instanceof MappingNode mapping) {
			for (NodeTuple tuple : mapping.getValue()) {
				if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("deliver")) {
					return Optional.of(read(definitionFile, tuple.getValueNode()));
				}
			}
		}
		return Optional.empty();
	}

	private DeliverBlock block(Node node) {
		if (!(node instanceof MappingNode mapping)) {
			throw problem(node, "deliver: expects from: and to:");
		}
		Map<String, NodeTuple> keys = entries(mapping, BLOCK_KEYS, "deliver");
		if (!keys.containsKey("from")) {
			throw problem(node, "deliver: from: is missing (the sender's address)");
		}
		String from = address(keys.get("from").getValueNode(), "from");
		if (!keys.containsKey("to")) {
			throw problem(node, "deliver: to: is missing (per owner: or audience: its recipients)");
		}
		Node to = keys.get("to").getValueNode();
		if (!(to instanceof SequenceNode list) || list.getValue().isEmpty()) {
			throw problem(to, "deliver: to: expects a list of entries, each with owner: or audience: and recipients:");
		}
		List<DeliverEntry> entries = new ArrayList<>();
		Map<String, Integer> seen = new LinkedHashMap<>();
		for (Node item : list.getValue()) {
			DeliverEntry entry = entry(item);
			Integer earlier = seen.putIfAbsent(entry.key(), entry.line());
			if (earlier != null) {
				throw problem(item, entry.label() + " is named twice (also on line " + earlier + ")");
			}
			entries.add(entry);
		}
		return new DeliverBlock(file, from, List.copyOf(entries));
	}

	private DeliverEntry entry(Node node) {
		if (!(node instanceof MappingNode mapping)) {
			throw problem(node, "deliver: to: an entry is owner: or audience: with recipients:");
		}
		Map<String, NodeTuple> keys = entries(mapping, ENTRY_KEYS, "an entry of deliver: to:");
		if (keys.containsKey("owner") == keys.containsKey("audience")) {
			throw problem(node, "an entry of deliver: to: names one owner: or one audience:, not "
					+ (keys.containsKey("owner") ? "both" : "neither"));
		}
		String owner = null;
		Audience audience = null;
		if (keys.containsKey("owner")) {
			owner = scalar(keys.get("owner").getValueNode(), "owner");
		}
		else {
			Node value = keys.get("audience").getValueNode();
			String code = scalar(value, "audience");
			audience = audience(value, code);
		}
		if (!keys.containsKey("recipients")) {
			throw problem(node, "recipients: is missing (the addresses that get these files)");
		}
		List<String> recipients = recipients(keys.get("recipients").getValueNode());
		return new DeliverEntry(owner, audience, recipients, file, line(node));
	}

	private Audience audience(Node node, String code) {
		for (Audience audience : Audience.values()) {
			if (audience.code().equals(code.toLowerCase(Locale.ROOT))) {
				return audience;
			}
		}
		String hint = code.equalsIgnoreCase("corporation") ? "; a corporation's files go per owner: <name>" : "";
		throw problem(node, "unknown audience '" + code + "' (municipality, presenters or team" + hint + ")");
	}

	private List<String> recipients(Node node) {
		List<Node> items = node instanceof SequenceNode sequence ? sequence.getValue() : List.of(node);
		if (items.isEmpty() || (node instanceof ScalarNode scalar && scalar.getValue().isBlank())) {
			throw problem(node, "recipients: is empty (give at least one address)");
		}
		Set<String> recipients = new LinkedHashSet<>();
		for (Node item : items) {
			if (!recipients.add(address(item, "recipients"))) {
				throw problem(item, "recipients: names " + ((ScalarNode) item).getValue().trim() + " twice");
			}
		}
		return List.copyOf(recipients);
	}

	/** A bare address that Jakarta Mail accepts strictly. */
	private String address(Node node, String what) {
		String text = scalar(node, what);
		boolean valid = BARE_ADDRESS.matcher(text).matches();
		if (valid) {
			try {
				InternetAddress address = new InternetAddress(text, true);
				address.validate();
				valid = text.equals(address.getAddress()) && address.getPersonal() == null;
			}
			catch (AddressException e) {
				valid = false;
			}
		}
		if (!valid) {
			throw problem(node, what + ": '" + text + "' is not an e-mail address (name@domain)");
		}
		return text;
	}

	private Map<String, NodeTuple> entries(MappingNode mapping, Set<String> known, String where) {
		Map<String, NodeTuple> entries = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			String key = scalar(tuple.getKeyNode(), "a key");
			if (!known.contains(key)) {
				throw problem(tuple.getKeyNode(), "unknown key '" + key + "' in " + where + " (known: "
						+ String.join(", ", new TreeSet<>(known)) + ")");
			}
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

	private static int line(Node node) {
		return node.getStartMark().getLine() + 1;
	}

	private DefinitionException problem(Node node, String message) {
		return new DefinitionException(file, line(node), message);
	}

}
