package nl.leefbaar.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The header of an input file bound to the columns of the contract: names are matched
 * case-insensitively in any order; a missing required column refuses the file; columns
 * outside the contract (free text, names, addresses, anything else) are listed and never
 * read.
 */
final class Columns {

	private final Map<String, Integer> index = new HashMap<>();

	private final List<String> unknown = new ArrayList<>();

	private Columns() {
	}

	static Columns bind(String fileName, List<String> header, List<String> required, List<String> optional) {
		Columns columns = new Columns();
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i);
			if ((required.contains(name) || optional.contains(name))) {
				columns.index.putIfAbsent(name, i);
			}
			else if (!name.isEmpty()) {
				columns.unknown.add(name);
			}
		}
		List<String> missing = required.stream().filter(name -> !columns.index.containsKey(name)).toList();
		if (!missing.isEmpty()) {
			throw new ImportException(fileName + ": missing required column" + (missing.size() > 1 ? "s " : " ")
					+ String.join(", ", missing) + " in the header line (found: "
					+ Texts.shorten(String.join(",", header))
					+ "; the first line must be the header, delimiter , or ;)");
		}
		return columns;
	}

	/**
	 * Position of a contract column in the file, or -1 when the file does not have it.
	 */
	int index(String name) {
		return index.getOrDefault(name, -1);
	}

	List<String> unknown() {
		return unknown;
	}

}
