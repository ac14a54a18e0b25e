package nl.leefbaar.domain;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The part of an owner's file names that comes from its name (outputs.md): lower case,
 * accents removed, every run of other characters than {@code a-z0-9} one {@code -}, at
 * most 40 characters, no leading or trailing {@code -}; {@code owner} when nothing is
 * left. Nothing else of a file name comes from the data, so a name that is a path or a
 * formula stays a harmless word.
 */
public final class OwnerSlugs {

	/**
	 * The team's workbook takes this slug: an owner whose slug it is gets {@code team-2}.
	 */
	public static final String TEAM = "team";

	private static final int MAX_LENGTH = 40;

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern OTHER = Pattern.compile("[^a-z0-9]+");

	private OwnerSlugs() {
	}

	/** The slug of one name, before collisions are resolved. */
	public static String slug(String name) {
		String plain = MARKS.matcher(Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD))
			.replaceAll("");
		String slug = OTHER.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("-");
		slug = slug.length() > MAX_LENGTH ? slug.substring(0, MAX_LENGTH) : slug;
		slug = slug.replaceAll("^-+|-+$", "");
		return slug.isEmpty() ? "owner" : slug;
	}

	/**
	 * Every owner's slug, unique among them and never {@code team}: owners are taken in
	 * code-point order of their names, and a slug already taken gets {@code -2},
	 * {@code -3}, and so on. Blank names are not owners and get no slug.
	 * @return owner name to slug, in code-point order of the names
	 */
	public static Map<String, String> assign(Collection<String> owners) {
		Set<String> names = new TreeSet<>(OwnerSlugs::compareCodePoints);
		for (String owner : owners) {
			if (owner != null && !owner.isBlank()) {
				names.add(owner);
			}
		}
		Set<String> taken = new HashSet<>(Set.of(TEAM));
		Map<String, String> slugs = new LinkedHashMap<>();
		for (String name : names) {
			String base = slug(name);
			String slug = base;
			for (int n = 2; taken.contains(slug); n++) {
				slug = base + "-" + n;
			}
			taken.add(slug);
			slugs.put(name, slug);
		}
		return slugs;
	}

	static int compareCodePoints(String a, String b) {
		return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
	}

}
