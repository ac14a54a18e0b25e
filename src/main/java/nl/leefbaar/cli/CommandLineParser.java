package nl.leefbaar.cli;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the command line before anything starts, so that a typing error costs no database
 * start: every command, its options (as {@code --name value} or {@code --name=value}) and
 * the checks that need no data.
 */
public final class CommandLineParser {

	private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

	/** Options with a value, and flags, per command. */
	private record Spec(int arguments, String argumentName, Set<String> valued, Set<String> flags) {
	}

	private static final Map<String, Spec> COMMANDS = Map.of("run",
			new Spec(1, "<job>", Set.of("month", "input", "output", "lang"), Set.of("force", "no-deliver")), "import",
			new Spec(0, null, Set.of("input", "output"), Set.of()), "compute",
			new Spec(0, null, Set.of("month", "output"), Set.of("all", "force")), "report",
			new Spec(0, null, Set.of("month", "output", "lang", "scope", "complexes"), Set.of("force")), "list",
			new Spec(0, null, Set.of(), Set.of()), "schedule", new Spec(0, null, Set.of(), Set.of()), "status",
			new Spec(0, null, Set.of("limit", "month"), Set.of()), "restart",
			new Spec(1, "<execution-id>", Set.of(), Set.of()), "deliver",
			new Spec(0, null, Set.of("month", "output", "job"), Set.of("force")));

	public static Set<String> commands() {
		return COMMANDS.keySet();
	}

	public ParsedCommand parse(String... args) {
		boolean debug = false;
		boolean help = false;
		String command = null;
		List<String> arguments = new ArrayList<>();
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("--debug")) {
				debug = true;
			}
			else if (arg.equals("--help") || arg.equals("-h")) {
				help = true;
			}
			else if (command == null && arg.equals("help")) {
				help = true;
				command = i + 1 < args.length && COMMANDS.containsKey(args[i + 1]) ? args[++i] : null;
				if (command == null && i + 1 < args.length) {
					throw new UsageException(null, "no command '" + args[i + 1] + "'");
				}
			}
			else if (command == null) {
				if (arg.startsWith("-")) {
					throw new UsageException(null, "unknown option '" + arg + "' (a command comes first)");
				}
				if (!COMMANDS.containsKey(arg)) {
					throw new UsageException(null, "unknown command '" + arg + "'");
				}
				command = arg;
			}
			else if (arg.startsWith("--")) {
				Spec spec = COMMANDS.get(command);
				String name = arg.substring(2);
				String value = null;
				int equals = name.indexOf('=');
				if (equals >= 0) {
					value = name.substring(equals + 1);
					name = name.substring(0, equals);
				}
				if (spec.flags().contains(name)) {
					if (value != null) {
						throw new UsageException(command, "--" + name + " takes no value");
					}
					options.put(name, "true");
				}
				else if (spec.valued().contains(name)) {
					if (value == null) {
						if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
							throw new UsageException(command, "--" + name + " needs a value");
						}
						value = args[++i];
					}
					if (options.put(name, value) != null) {
						throw new UsageException(command, "--" + name + " is given twice");
					}
				}
				else {
					throw new UsageException(command, "unknown option '--" + name + "' for " + command);
				}
			}
			else if (arg.startsWith("-") && arg.length() > 1) {
				throw new UsageException(command, "unknown option '" + arg + "' for " + command);
			}
			else {
				arguments.add(arg);
			}
		}
		if (command == null && !help) {
			throw new UsageException(null, "no command given");
		}
		ParsedCommand parsed = new ParsedCommand(command, List.copyOf(arguments), Map.copyOf(options), debug, help);
		if (!help) {
			check(parsed);
		}
		return parsed;
	}

	private static void check(ParsedCommand parsed) {
		String command = parsed.command();
		Spec spec = COMMANDS.get(command);
		if (parsed.arguments().size() < spec.arguments()) {
			throw new UsageException(command, command + " needs " + spec.argumentName());
		}
		if (parsed.arguments().size() > spec.arguments()) {
			throw new UsageException(command, "unexpected argument '" + parsed.arguments().get(spec.arguments()) + "'");
		}
		parsed.option("month").ifPresent(month -> {
			if (!MONTH.matcher(month).matches()) {
				throw new UsageException(command, "bad --month '" + month + "': expected yyyy-mm, for example 2025-06");
			}
			YearMonth.parse(month);
		});
		parsed.option("lang").ifPresent(lang -> {
			if (!lang.equals("nl") && !lang.equals("en")) {
				throw new UsageException(command, "bad --lang '" + lang + "': nl or en");
			}
		});
		if (parsed.flag("all") && parsed.flag("month")) {
			throw new UsageException(command, "give --month or --all, not both");
		}
		if (command.equals("import") && parsed.option("input").isEmpty()) {
			throw new UsageException(command, "import needs --input DIR");
		}
		parsed.option("scope").ifPresent(scope -> {
			if (!scope.matches("neighbourhood:[^,\\s]+")) {
				throw new UsageException(command, "bad --scope '" + scope + "': expected neighbourhood:CODE");
			}
			if (parsed.flag("complexes")) {
				throw new UsageException(command, "give --scope or --complexes, not both");
			}
		});
		parsed.option("complexes").ifPresent(ids -> {
			if (!ids.matches("[^,\\s]+(,[^,\\s]+)*")) {
				throw new UsageException(command, "bad --complexes '" + ids + "': expected ID,ID,...");
			}
		});
		parsed.option("limit").ifPresent(limit -> {
			if (!limit.matches("[1-9]\\d{0,4}")) {
				throw new UsageException(command, "bad --limit '" + limit + "': a number from 1");
			}
		});
		if (command.equals("restart") && !parsed.arguments().get(0).matches("\\d{1,18}")) {
			throw new UsageException(command,
					"bad execution id '" + parsed.arguments().get(0) + "' (the id column of leefbaar status)");
		}
	}

}
