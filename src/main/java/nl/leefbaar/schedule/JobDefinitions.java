package nl.leefbaar.schedule;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import nl.leefbaar.deliver.DeliverBlockReader;
import nl.leefbaar.domain.Category;
import org.springframework.scheduling.support.CronExpression;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the job definitions of a {@code jobs/} folder. The YAML is read as a node tree
 * rather than as maps, because only the nodes know their line: every problem is reported
 * as {@code file:line: problem}, and one bad definition refuses them all, at start.
 */
public final class JobDefinitions {

	/** The command line's own one-step jobs; a definition may not take their names. */
	public static final Set<String> RESERVED = Set.of("import", "compute", "report", "deliver");

	private static final Set<String> KEYS = Set.of("description", "steps", "cron", "audience", "language", "input",
			"output", "parameters", "deliver", "sources");

	private static final Set<String> LANGUAGES = Set.of("nl", "en");

	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

	/** Settings a definition may change for its runs; the rest are the installation's. */
	private static final Pattern SETTING = Pattern.compile("(indicators|publishing|ingest)\\.[a-z0-9.-]+");

	private JobDefinitions() {
	}

	/**
	 * Every {@code *.yml} of the folder by job name; an absent folder holds no
	 * definitions.
	 */
	public static Map<String, JobDefinition> load(Path folder, StepCatalog catalog) {
		Map<String, JobDefinition> definitions = new TreeMap<>();
		if (!Files.isDirectory(folder)) {
			return definitions;
		}
		List<Path> files;
		try (Stream<Path> listing = Files.list(folder)) {
			files = listing.filter(f -> f.getFileName().toString().endsWith(".yml")).sorted().toList();
		}
		catch (IOException e) {
			throw new DefinitionException(folder, 0, "cannot list the job definitions: " + e.getMessage());
		}
		for (Path file : files) {
			JobDefinition definition = read(file, catalog);
			definitions.put(definition.name(), definition);
		}
		return definitions;
	}

	static JobDefinition read(Path file, StepCatalog catalog) {
		String fileName = file.getFileName().toString();
		String name = fileName.substring(0, fileName.length() - ".yml".length());
		if (!NAME.matcher(name).matches()) {
			throw new DefinitionException(file, 0, "a job name is lower-case letters, digits, '-' and '_'");
		}
		if (RESERVED.contains(name)) {
			throw new DefinitionException(file, 0, "'" + name + "' is a command of its own; give the job another name");
		}
		Node root;
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			root = new Yaml(new LoaderOptions()).compose(reader);
		}
		catch (MarkedYAMLException e) {
			int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
			throw new DefinitionException(file, line, "not valid YAML: " + e.getProblem());
		}
		catch (YAMLException | IOException e) {
			throw new DefinitionException(file, 0, "cannot read: " + e.getMessage());
		}
		if (!(root instanceof MappingNode mapping)) {
			throw new DefinitionException(file, root == null ? 0 : line(root),
					"expected keys such as steps: and cron:");
		}
		return new DefinitionReader(file, catalog).definition(name, mapping);
	}

	private static int line(Node node) {
		return node.getStartMark().getLine() + 1;
	}

	/** Reads one file; holds the file for the messages. */
	private record DefinitionReader(Path file, StepCatalog catalog) {

		JobDefinition definition(String name, MappingNode root) {
			Map<String, NodeTuple> entries = entries(root);
			for (var entry : entries.entrySet()) {
				if (!KEYS.contains(entry.getKey())) {
					throw problem(entry.getValue().getKeyNode(), "unknown key '" + entry.getKey() + "' (known: "
							+ String.join(", ", new TreeSet<>(KEYS)) + ")");
				}
			}
			NodeTuple stepsEntry = entries.get("steps");
			if (stepsEntry == null) {
				throw problem(root, "steps: is missing (for example steps: [import, compute, report])");
			}
			List<String> steps = steps(stepsEntry.getValueNode());

			CronExpression cron = null;
			String cronText = null;
			if (entries.containsKey("cron")) {
				Node node = entries.get("cron").getValueNode();
				cronText = scalar(node, "cron");
				try {
					cron = CronExpression.parse(cronText);
				}
				catch (IllegalArgumentException e) {
					throw problem(node, "bad cron '" + cronText + "': " + e.getMessage()
							+ " (six fields: second minute hour day-of-month month weekday)");
				}
			}
			List<String> audience = entries.containsKey("audience")
					? stringsOrOne(entries.get("audience").getValueNode(), "audience") : List.of();
			if (Audiences.unknown(audience) != null) {
				throw problem(entries.get("audience").getValueNode(), "unknown audience '" + Audiences.unknown(audience)
						+ "' (known: " + String.join(", ", new TreeSet<>(Audiences.KNOWN)) + ")");
			}
			String language = "nl";
			if (entries.containsKey("language")) {
				Node node = entries.get("language").getValueNode();
				language = scalar(node, "language").toLowerCase(Locale.ROOT);
				if (!LANGUAGES.contains(language)) {
					throw problem(node, "bad language '" + language + "' (nl or en)");
				}
			}
			Path input = entries.containsKey("input") ? Path.of(scalar(entries.get("input").getValueNode(), "input"))
					: null;
			List<SourceDefinition> sources = entries.containsKey("sources") ? new SourcesBlock(file)
				.read(entries.get("sources").getValueNode(), input != null, steps.contains("import")) : List.of();
			if (!sources.isEmpty()) {
				input = SourcesBlock.folder(sources);
			}
			if (input == null && steps.contains("import")) {
				throw problem(root, "input: is missing (the inbox folder the import step reads)");
			}
			Path output = Path
				.of(entries.containsKey("output") ? scalar(entries.get("output").getValueNode(), "output") : "out");
			Map<String, String> properties = entries.containsKey("parameters")
					? properties(entries.get("parameters").getValueNode()) : Map.of();
			if (entries.containsKey("deliver")) {
				// checked now, read again by the deliver step (DeliverBlockReader.of)
				DeliverBlockReader.read(file, entries.get("deliver").getValueNode());
			}
			return new JobDefinition(name, file, steps, cronText, cron, audience, language, input, output, properties,
					sources);
		}

		private List<String> steps(Node node) {
			List<String> steps = stringsOrOne(node, "steps");
			if (steps.isEmpty()) {
				throw problem(node, "steps: names no step");
			}
			Set<String> seen = new HashSet<>();
			for (String step : steps) {
				if (!catalog.stepNames().contains(step)) {
					throw problem(node, "unknown step '" + step + "' (known: "
							+ String.join(", ", new TreeSet<>(catalog.stepNames())) + ")");
				}
				if (!seen.add(step)) {
					throw problem(node, "step '" + step + "' is named twice");
				}
			}
			return List.copyOf(steps);
		}

		/**
		 * W and targets are the names people use; other settings by their leefbaar.*
		 * name.
		 */
		private Map<String, String> properties(Node node) {
			if (!(node instanceof MappingNode mapping)) {
				throw problem(node, "parameters: expects keys, e.g. W: 90");
			}
			Map<String, String> properties = new LinkedHashMap<>();
			for (var entry : entries(mapping).entrySet()) {
				String key = entry.getKey();
				Node value = entry.getValue().getValueNode();
				if (key.equals("W")) {
					properties.put("leefbaar.indicators.repeat-window-days", positiveNumber(value, "W"));
				}
				else if (key.equals("targets")) {
					if (!(value instanceof MappingNode targets)) {
						throw problem(value, "targets: expects days per category, e.g. safety: 3");
					}
					for (var target : entries(targets).entrySet()) {
						if (Category.fromCode(target.getKey()).isEmpty()) {
							throw problem(target.getValue().getKeyNode(), "unknown category '" + target.getKey()
									+ "' (known: " + String.join(", ", Category.codes()) + ")");
						}
						properties.put("leefbaar.indicators.target-days." + target.getKey(),
								positiveNumber(target.getValue().getValueNode(), "targets." + target.getKey()));
					}
				}
				else if (SETTING.matcher(key).matches()) {
					properties.put("leefbaar." + key, scalar(value, key));
				}
				else {
					throw problem(entry.getValue().getKeyNode(), "unknown parameter '" + key
							+ "' (W, targets, or a setting under indicators., publishing. or ingest.)");
				}
			}
			return properties;
		}

		private String positiveNumber(Node node, String what) {
			String text = scalar(node, what);
			try {
				if (Double.parseDouble(text) > 0) {
					return text;
				}
			}
			catch (NumberFormatException e) {
				// reported below
			}
			throw problem(node, what + " must be a positive number, not '" + text + "'");
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

		private List<String> stringsOrOne(Node node, String what) {
			if (node instanceof ScalarNode) {
				return List.of(scalar(node, what));
			}
			if (!(node instanceof SequenceNode sequence)) {
				throw problem(node, what + ": expects a list, e.g. [a, b]");
			}
			List<String> values = new ArrayList<>();
			for (Node item : sequence.getValue()) {
				values.add(scalar(item, what));
			}
			return values;
		}

		private String scalar(Node node, String what) {
			if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
				throw problem(node, what + ": expects a single value");
			}
			return scalar.getValue().trim();
		}

		private DefinitionException problem(Node node, String message) {
			return new DefinitionException(file, line(node), message);
		}
	}

}
