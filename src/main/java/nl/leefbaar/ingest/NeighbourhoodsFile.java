package nl.leefbaar.ingest;

import java.util.List;

/** neighbourhoods.csv: code, name, district. */
final class NeighbourhoodsFile extends InputFile {

	static final String FILE = "neighbourhoods.csv";

	private static final Target TARGET = new Target("neighbourhood", "staging_neighbourhood", "neighbourhood_code",
			List.of("name", "district"));

	// each column by its place in required() + optional() (InputFileColumnsTests)
	private static final int NEIGHBOURHOOD_CODE = 0;

	private static final int NAME = 1;

	private static final int DISTRICT = 2;

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
		return List.of("neighbourhood_code", "name");
	}

	@Override
	List<String> optional() {
		return List.of("district");
	}

	@Override
	void stage(CopyRows out) {
		String codeValue = required(NEIGHBOURHOOD_CODE);
		String nameValue = required(NAME);
		String districtValue = text(DISTRICT);
		key = codeValue;
		out.text(codeValue);
		out.text(nameValue);
		out.text(districtValue);
	}

}
