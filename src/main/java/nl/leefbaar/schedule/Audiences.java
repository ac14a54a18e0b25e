package nl.leefbaar.schedule;

import java.util.List;
import java.util.Set;

/**
 * The readers a job definition's {@code audience:} may name (outputs.md): the owners'
 * managers ({@code corporation}: each owner's dashboard and exports), the neighbourhood
 * team that works for every owner ({@code team}: the team's dashboard over every
 * complex), the municipality's policy advisors ({@code municipality}) and seminar
 * presenters ({@code presenters}). Documentation of whom a job writes for; a name outside
 * these is a mistake in the definition.
 */
final class Audiences {

	static final Set<String> KNOWN = Set.of("corporation", "team", "municipality", "presenters");

	private Audiences() {
	}

	/** The first audience that is not known, or null. */
	static String unknown(List<String> audience) {
		return audience.stream().filter(a -> !KNOWN.contains(a)).findFirst().orElse(null);
	}

}
