package nl.leefbaar.ingest;

import java.util.List;

/** neighbourhoods.csv: code, name, district. */
final class NeighbourhoodsFile extends InputFile {

	static final String FILE = "neighbourhoods.csv";

	private static final Target TARGET = new Target("neighbourhood", "staging_neighbourhood", "neighbourhood_code",
			List.of("name", "district"));

	private int code;

	private int name;

	private int district;

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
	void bind(Columns columns) {
		code = columns.index("neighbourhood_code");
		name = columns.index("name");
		district = columns.index("district");
	}

	@Override
	void stage(CopyRows out) {
		String codeValue = required(code, "neighbourhood_code");
		String nameValue = required(name, "name");
		String districtValue = text(district, "district");
		key = codeValue;
		out.text(codeValue);
		out.text(nameValue);
		out.text(districtValue);
	}

}
