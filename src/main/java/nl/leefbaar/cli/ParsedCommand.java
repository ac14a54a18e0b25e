package nl.leefbaar.cli;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A command line after parsing: the command, its positional arguments and its options.
 */
public record ParsedCommand(String command, List<String> arguments, Map<String, String> options, boolean debug,
		boolean help) {

	public Optional<String> option(String name) {
		return Optional.ofNullable(options.get(name));
	}

	public boolean flag(String name) {
		return options.containsKey(name);
	}

	public Optional<YearMonth> month() {
		return option("month").map(YearMonth::parse);
	}
}
