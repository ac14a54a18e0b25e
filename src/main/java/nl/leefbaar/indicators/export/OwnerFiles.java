package nl.leefbaar.indicators.export;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One export split by owner (indicators.md, Machine-readable export): for every owner a
 * file {@code <prefix>-<owner-slug>.csv} with the rows of its complexes and every row
 * that belongs to no complex (neighbourhoods, the city, pooled activity types). Written
 * beside the city-wide export in the same pass; each file appears only when complete
 * ({@link CsvWriter}).
 */
public final class OwnerFiles implements Closeable {

	private final Map<String, String> slugOfComplex;

	private final Map<String, CsvWriter> writers = new LinkedHashMap<>();

	private final List<Path> paths = new ArrayList<>();

	/**
	 * @param slugOfComplex complex id to its owner's slug (complexes without an owner
	 * left out)
	 * @param slugs every owner's slug (OwnerSlugs.assign)
	 */
	public OwnerFiles(Path folder, String prefix, Map<String, String> slugOfComplex, Iterable<String> slugs,
			List<String> header) throws IOException {
		this.slugOfComplex = slugOfComplex;
		try {
			for (String slug : slugs) {
				Path path = folder.resolve(prefix + "-" + slug + ".csv");
				CsvWriter writer = CsvWriter.open(path);
				writers.put(slug, writer);
				paths.add(path);
				writer.row(header);
			}
		}
		catch (IOException | RuntimeException e) {
			close();
			throw e;
		}
	}

	/**
	 * A row of one complex (complexId not null) goes to its owner's file only; any other
	 * row to every owner's.
	 */
	public void row(String complexId, Object... fields) throws IOException {
		write(complexId, CsvWriter.line(fields));
	}

	/** A record formatted by {@link CsvWriter#line}, to the files {@link #row} names. */
	public void write(String complexId, String line) throws IOException {
		if (complexId == null) {
			for (CsvWriter writer : writers.values()) {
				writer.write(line);
			}
			return;
		}
		String slug = slugOfComplex.get(complexId);
		if (slug != null) {
			writers.get(slug).write(line);
		}
	}

	/** Moves every file into place; returns their paths. */
	public List<Path> commit() throws IOException {
		for (CsvWriter writer : writers.values()) {
			writer.commit();
		}
		return List.copyOf(paths);
	}

	@Override
	public void close() throws IOException {
		IOException first = null;
		for (CsvWriter writer : writers.values()) {
			try {
				writer.close();
			}
			catch (IOException e) {
				first = first == null ? e : first;
			}
		}
		if (first != null) {
			throw first;
		}
	}

}
