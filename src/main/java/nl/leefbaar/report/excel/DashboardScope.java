package nl.leefbaar.report.excel;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import nl.leefbaar.domain.OwnerSlugs;

/**
 * Whose dashboard (outputs.md, Managers): one owner's (its complexes only) or the team's
 * (every complex, those without an owner included). The file name's only part from the
 * data is the owner's slug ({@link OwnerSlugs}): lower-case letters, digits and '-',
 * unique among the month's owners and never {@code team}, so that a name that is a path
 * or a formula writes one harmless file name inside the month's folder.
 *
 * @param owner the owner's name as in complexes.csv, null for the team
 */
record DashboardScope(String owner, String slug) {

	static final DashboardScope TEAM = new DashboardScope(null, OwnerSlugs.TEAM);

	/** The team's dashboard, then one per owner in code-point order of the names. */
	static List<DashboardScope> of(List<DashboardStore.Complex> complexes) {
		List<DashboardScope> scopes = new ArrayList<>();
		scopes.add(TEAM);
		Map<String, String> slugs = OwnerSlugs.assign(complexes.stream().map(DashboardStore.Complex::owner).toList());
		slugs.forEach((owner, slug) -> scopes.add(new DashboardScope(owner, slug)));
		return scopes;
	}

	boolean team() {
		return owner == null;
	}

	/** Whether the complex is this dashboard's: every complex for the team. */
	boolean holds(DashboardStore.Complex complex) {
		return complex != null && (team() || Objects.equals(owner, complex.owner()));
	}

	String fileName(YearMonth month) {
		return "dashboard-" + slug + "-" + month + ".xlsx";
	}

}
