package nl.leefbaar.indicators;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.leefbaar.domain.OwnerSlugs;
import nl.leefbaar.indicators.export.OwnerFiles;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each owner's exports (indicators.md, Machine-readable export):
 * {@code indicators-<owner-slug>.csv} and {@code activity-effects-<owner-slug>.csv}, the
 * rows of the owner's complexes and activities plus every neighbourhood, city and pooled
 * row. The slug is the only part of the name from the data (OwnerSlugs, outputs.md);
 * complexes without an owner are in the city-wide files only.
 */
final class OwnerExports {

	private final Map<String, String> slugOfComplex;

	private final List<String> slugs;

	private OwnerExports(Map<String, String> slugOfComplex, List<String> slugs) {
		this.slugOfComplex = slugOfComplex;
		this.slugs = slugs;
	}

	static OwnerExports of(JdbcTemplate jdbc) {
		Map<String, String> ownerOfComplex = new HashMap<>();
		jdbc.query("select complex_id, owner from complex where owner is not null", rs -> {
			ownerOfComplex.put(rs.getString(1), rs.getString(2));
		});
		Map<String, String> slugOfOwner = OwnerSlugs.assign(ownerOfComplex.values());
		Map<String, String> slugOfComplex = new HashMap<>();
		ownerOfComplex.forEach((complex, owner) -> {
			String slug = slugOfOwner.get(owner);
			if (slug != null) {
				slugOfComplex.put(complex, slug);
			}
		});
		return new OwnerExports(slugOfComplex, new ArrayList<>(slugOfOwner.values()));
	}

	OwnerFiles files(Path folder, String prefix, List<String> header) throws IOException {
		return new OwnerFiles(folder, prefix, slugOfComplex, slugs, header);
	}

}
