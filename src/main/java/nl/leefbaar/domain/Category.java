package nl.leefbaar.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The canonical report categories of input-format.md; {@code all} is not one of them. */
public enum Category {

	NEIGHBOUR_NUISANCE("neighbour_nuisance"), POLLUTION("pollution"), DAMAGE("damage"), SAFETY("safety"),
	SOCIAL("social"), PUBLIC_SPACE("public_space"), OTHER("other");

	/** The pseudo-category of totals over all categories in indicators.csv. */
	public static final String ALL = "all";

	private final String code;

	Category(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public static List<String> codes() {
		return Arrays.stream(values()).map(Category::code).toList();
	}

	public static Optional<Category> fromCode(String code) {
		if (code == null) {
			return Optional.empty();
		}
		String wanted = code.trim().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter(c -> c.code.equals(wanted)).findFirst();
	}

}
