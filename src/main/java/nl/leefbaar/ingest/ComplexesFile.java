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

	// each column by its place in required() + optional() (InputFileColumnsTests)
	private static final int COMPLEX_ID = 0;

	private static final int NAME = 1;

	private static final int NEIGHBOURHOOD_CODE = 2;

	private static final int DWELLINGS = 3;

	private static final int OWNER = 4;

	private final Set<String> neighbourhoods;

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
	void stage(CopyRows out) {
		String idValue = required(COMPLEX_ID);
		String nameValue = required(NAME);
		String code = required(NEIGHBOURHOOD_CODE);
		if (!neighbourhoods.contains(code)) {
			throw new RowRejected("neighbourhood_code", "unknown neighbourhood '" + Texts.shorten(code) + "'");
		}
		String ownerValue = text(OWNER);
		int count = integer(required(DWELLINGS), "dwellings");
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
