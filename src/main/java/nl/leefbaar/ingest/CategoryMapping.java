package nl.leefbaar.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import nl.leefbaar.domain.Category;
import nl.leefbaar.ingest.csv.CsvException;
import nl.leefbaar.ingest.csv.CsvReader;

/**
 * Source category to canonical category (input-format.md): the user's
 * {@code category-mapping.csv} or the shipped default; matched case-insensitively after
 * trimming; a canonical code maps to itself. Lookups are cached per exact source text,
 * since an export repeats a few dozen values millions of times.
 */
final class CategoryMapping {

	static final String FILE = "category-mapping.csv";
	static final String DEFAULT_RESOURCE = "category-mapping-default.csv";

	private static final int CACHE_LIMIT = 10_000;

	private final Map<String, String> byNormalizedSource;

	private final Map<String, String> cache = new HashMap<>();

	private final Set<String> unmappedValues = new LinkedHashSet<>();

	private CategoryMapping(Map<String, String> byNormalizedSource) {
		this.byNormalizedSource = byNormalizedSource;
		for (String code : Category.codes()) {
			byNormalizedSource.putIfAbsent(code, code);
		}
	}

	/**
	 * The mapping file of the input folder when there is one, else the shipped default.
	 */
	static CategoryMapping load(Path file) throws IOException {
		if (file != null) {
			try (InputStream in = Files.newInputStream(file)) {
				return read(in, file.getFileName().toString());
			}
		}
		try (InputStream in = CategoryMapping.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("the default category mapping " + DEFAULT_RESOURCE + " is missing");
			}
			return read(in, DEFAULT_RESOURCE);
		}
	}

	private static CategoryMapping read(InputStream in, String name) throws IOException {
		Map<String, String> map = new HashMap<>();
		try (CsvReader reader = new CsvReader(in)) {
			if (reader.header() == null) {
				throw new ImportException(name + ": empty file (expected the header source_category,category)");
			}
			int source = reader.header().indexOf("source_category");
			int category = reader.header().indexOf("category");
			if (source < 0 || category < 0) {
				throw new ImportException(name + ": missing column " + (source < 0 ? "source_category" : "category")
						+ " (found " + String.join(",", reader.header()) + ")");
			}
			while (reader.next()) {
				String from = normalize(reader.get(source));
				String to = reader.get(category).trim().toLowerCase(Locale.ROOT);
				if (from.isEmpty()) {
					continue;
				}
				if (Category.fromCode(to).isEmpty()) {
					throw new ImportException(name + " line " + reader.line() + ": '" + Texts.shorten(to)
							+ "' is not a canonical category (" + String.join(", ", Category.codes()) + ")");
				}
				map.putIfAbsent(from, to);
			}
		}
		catch (CsvException e) {
			throw new ImportException(name + ": " + e.getMessage());
		}
		return new CategoryMapping(map);
	}

	/** The canonical code of a source category, or null when it is unmapped. */
	String map(String source) {
		String code = cache.get(source);
		if (code == null) {
			code = byNormalizedSource.getOrDefault(normalize(source), "");
			if (cache.size() < CACHE_LIMIT) {
				cache.put(source, code);
			}
		}
		return code.isEmpty() ? null : code;
	}

	/**
	 * Like {@link #map} but an unmapped value becomes {@code other} and is remembered for
	 * the log.
	 */
	String mapOrOther(String source) {
		String code = map(source);
		if (code == null) {
			if (unmappedValues.size() < 50) {
				unmappedValues.add(source.trim());
			}
			return Category.OTHER.code();
		}
		return code;
	}

	Set<String> unmappedValues() {
		return unmappedValues;
	}

	private static String normalize(String source) {
		return source.trim().toLowerCase(Locale.ROOT);
	}

}
