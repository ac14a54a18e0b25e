package nl.leefbaar.ingest;

import java.util.List;
import java.util.Set;

/**
 * complexes.csv: a complex lies in a known neighbourhood and has at least one dwelling.
 */
final class ComplexesFile extends InputFile {

	static final String FILE = "complexes.csv";

	private static final Target TARGET = new Target("complex", "staging_complex", "complex_id",
			List.of("name", "neighbourhood_code", "owner", "dwellings"));

	private final Set<String> neighbourhoods;

	private int id;

	private int name;

	private int neighbourhood;

	private int owner;

	private int dwellings;

	/**
	 * @param neighbourhoods the codes in the database, including this import's
	 */
	ComplexesFile(Set<String> neighbourhoods) {
		this.neighbourhoods = neighbourhoods;
	}

	@Override
	String fileName() {
		return FILE;
	}

	@Override
	Target target() {
		return TARGET;
	}

	@Override
	List<String> required() {
		return List.of("complex_id", "name", "neighbourhood_code", "dwellings");
	}

	@Override
	List<String> optional() {
		return List.of("owner");
	}

	@Override
	void bind(Columns columns) {
		id = columns.index("complex_id");
		name = columns.index("name");
		neighbourhood = columns.index("neighbourhood_code");
		owner = columns.index("owner");
		dwellings = columns.index("dwellings");
	}

	@Override
	void stage(CopyRows out) {
		String idValue = required(id, "complex_id");
		String nameValue = required(name, "name");
		String code = required(neighbourhood, "neighbourhood_code");
		if (!neighbourhoods.contains(code)) {
			throw new RowRejected("neighbourhood_code", "unknown neighbourhood '" + Texts.shorten(code) + "'");
		}
		String ownerValue = text(owner, "owner");
		int count = integer(required(dwellings, "dwellings"), "dwellings");
		if (count <= 0) {
			throw new RowRejected("dwellings", "dwellings must be a whole number > 0, not " + count);
		}
		key = idValue;
		out.text(idValue);
		out.text(nameValue);
		out.text(code);
		out.text(ownerValue);
		out.integer(count);
	}

}
