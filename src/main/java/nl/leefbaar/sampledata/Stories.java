package nl.leefbaar.sampledata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The stories from the field that the sample data must show, each at a fixed complex so
 * that its ids stay the same for every seed: a stairwell clean-up after a run of
 * pollution reports, a greening morning, neighbour nuisance at the same dwellings until
 * mediation, and accompaniment to the debt-help desk for payment arrears. A story whose
 * date falls outside the generated period is left out.
 */
final class Stories {

	static final LocalDate CLEANUP = LocalDate.of(2025, 4, 12);
	static final LocalDate GREENING = LocalDate.of(2025, 5, 17);
	static final LocalDate[] MEDIATIONS = { LocalDate.of(2025, 3, 6), LocalDate.of(2025, 3, 27) };
	static final LocalDate[] ACCOMPANIMENTS = { LocalDate.of(2024, 9, 10), LocalDate.of(2024, 11, 5),
			LocalDate.of(2025, 1, 14) };

	private final CityPlanner planner;

	private final CityLayout layout;

	private final List<ComplexPlan> complexes;

	private final DayTable days;

	private final List<SampleDataGenerator.Story> told = new ArrayList<>();

	Stories(CityPlanner planner, CityLayout layout, List<ComplexPlan> complexes, DayTable days) {
		this.planner = planner;
		this.layout = layout;
		this.complexes = complexes;
		this.days = days;
	}

	List<SampleDataGenerator.Story> apply() {
		cleanup();
		greening();
		mediation();
		accompaniment();
		return told;
	}

	/**
	 * Story 1: pollution runs up for five months, a clean-up afternoon, and the stairwell
	 * stays cleaner.
	 */
	private void cleanup() {
		if (!within(CLEANUP, 180)) {
			return;
		}
		ComplexPlan plan = reshape(layout.firstComplex(CityLayout.TARWEWIJK), "Portiekflat Mijnsherenlaan 12-40",
				"Havensteder", 120, 1.2);
		plan.rate[Vocabulary.POLLUTION] *= 1.4;
		int d = days.index(CLEANUP);
		plan.modifiers.add(new ComplexPlan.Modifier(Vocabulary.POLLUTION, d - 150, d, 3.0));
		plan.modifiers.add(new ComplexPlan.Modifier(Vocabulary.POLLUTION, d, days.days(), 0.35));
		keepNeighbourhoodPlain(CityLayout.TARWEWIJK, Vocabulary.POLLUTION);
		ComplexPlan.Activity cleanup = planner.addActivity(plan, "cleanup", d, 18, "pollution");
		told.add(new SampleDataGenerator.Story("cleanup",
				"Stairwell clean-up afternoon after a five-month run of pollution reports; pollution there falls"
						+ " to about a third and stays low, while the other Tarwewijk complexes (no clean-up) stay flat",
				plan.id, plan.neighbourhoodCode, CLEANUP, List.of(cleanup.id()), List.of()));
	}

	/**
	 * Story 2: residents asked for green; a morning with planters; public-space reports
	 * fall somewhat.
	 */
	private void greening() {
		if (!within(GREENING, 180)) {
			return;
		}
		ComplexPlan plan = reshape(layout.firstComplex(CityLayout.BLOEMHOF), "Portiekwoningen Bloemhofplein 2-48",
				"Woonstad Rotterdam", 96, 1.0);
		plan.rate[Vocabulary.PUBLIC_SPACE] *= 5;
		int d = days.index(GREENING);
		plan.modifiers.add(new ComplexPlan.Modifier(Vocabulary.PUBLIC_SPACE, d - 120, d, 1.4));
		plan.modifiers.add(new ComplexPlan.Modifier(Vocabulary.PUBLIC_SPACE, d, days.days(), 0.5));
		keepNeighbourhoodPlain(CityLayout.BLOEMHOF, Vocabulary.PUBLIC_SPACE);
		ComplexPlan.Activity greening = planner.addActivity(plan, "greening", d, 14, "public_space");
		told.add(new SampleDataGenerator.Story("greening",
				"Greening morning with planters that residents fill and keep up themselves; public-space reports"
						+ " fall somewhat afterwards",
				plan.id, plan.neighbourhoodCode, GREENING, List.of(greening.id()), List.of()));
	}

	/** Story 3: two pairs of neighbours keep reporting each other until mediation. */
	private void mediation() {
		if (!within(MEDIATIONS[1], 180)) {
			return;
		}
		int first = layout.firstComplex(CityLayout.SPANGEN);
		int index = layout.blockSize(CityLayout.SPANGEN) > 1 ? first + 1 : first;
		ComplexPlan plan = reshape(index, "Hof van Spangen, blok B", "Havensteder", 64, 1.0);
		plan.keepPlain[Vocabulary.NUISANCE] = true;
		int[][] pairs = { { 12, 14 }, { 31, 33 } };
		LocalDate[] starts = { LocalDate.of(2024, 2, 5), LocalDate.of(2024, 3, 18) };
		String[] sources = { "Geluidsoverlast buren", "Burenruzie", "Burenoverlast", "Geluidsoverlast buren" };
		List<String> ids = new ArrayList<>();
		List<String> refs = new ArrayList<>();
		for (int p = 0; p < pairs.length; p++) {
			int end = days.index(MEDIATIONS[p]);
			for (int i = 0; i < 2; i++) {
				int dwelling = pairs[p][i];
				int source = Vocabulary.sourceId(sources[2 * p + i]);
				plan.troubles.add(new ComplexPlan.Trouble(Vocabulary.NUISANCE, dwelling, days.index(starts[p]), end,
						1.0 / (16 * CityPlanner.DEFAULT_SCALE), source, Vocabulary.CONVERSATION, Vocabulary.MEDIATION,
						45));
				plan.troubles.add(new ComplexPlan.Trouble(Vocabulary.NUISANCE, dwelling, end, days.days(),
						1.0 / (200 * CityPlanner.DEFAULT_SCALE), source, Vocabulary.RANDOM_FOLLOW_UP,
						Vocabulary.RANDOM_FOLLOW_UP, 0));
				refs.add(Pseudonym.dwellingRef(plan.index, dwelling));
			}
			ids.add(planner.addActivity(plan, "mediation", end, 2, "neighbour_nuisance").id());
		}
		told.add(new SampleDataGenerator.Story("mediation",
				"Neighbour nuisance keeps coming back at the same four dwellings (two pairs of neighbours, a report"
						+ " every two to three weeks) until mediation; high dwelling-level repeat rate before, low after",
				plan.id, plan.neighbourhoodCode, MEDIATIONS[0], ids, refs));
	}

	/**
	 * Story 5: rent arrears keep coming back until someone goes along to the debt-help
	 * desk.
	 */
	private void accompaniment() {
		if (!within(ACCOMPANIMENTS[2], 180)) {
			return;
		}
		ComplexPlan plan = reshape(layout.firstComplex(CityLayout.AFRIKAANDERWIJK), "Galerijflat Pretorialaan 1-87",
				"Woonstad Rotterdam", 88, 1.0);
		plan.keepPlain[Vocabulary.SOCIAL] = true;
		int[] dwellings = { 7, 23, 41 };
		LocalDate[] starts = { LocalDate.of(2024, 4, 1), LocalDate.of(2024, 6, 3), LocalDate.of(2024, 8, 12) };
		String[] sources = { "Huurachterstand", "Betalingsachterstand", "Huurachterstand" };
		List<String> ids = new ArrayList<>();
		List<String> refs = new ArrayList<>();
		for (int i = 0; i < dwellings.length; i++) {
			int end = days.index(ACCOMPANIMENTS[i]);
			plan.troubles.add(new ComplexPlan.Trouble(Vocabulary.SOCIAL, dwellings[i], days.index(starts[i]), end,
					1.0 / (30 * CityPlanner.DEFAULT_SCALE), Vocabulary.sourceId(sources[i]), Vocabulary.REFERRAL,
					Vocabulary.ACCOMPANIMENT, 40));
			ids.add(planner.addActivity(plan, "accompaniment", end, 1, "social").id());
			refs.add(Pseudonym.dwellingRef(plan.index, dwellings[i]));
		}
		told.add(new SampleDataGenerator.Story("accompaniment",
				"Payment arrears reported again and again at three dwellings; a BuurCare worker goes along to the"
						+ " debt-help desk (accompaniment, 1 participant) and the arrears reports from that dwelling stop",
				plan.id, plan.neighbourhoodCode, ACCOMPANIMENTS[0], ids, refs));
	}

	private ComplexPlan reshape(int index, String name, String owner, int dwellings, double level) {
		ComplexPlan plan = complexes.get(index);
		plan.name = name;
		plan.owner = owner;
		plan.dwellings = dwellings;
		plan.story = true;
		for (int k = 0; k < Vocabulary.CATEGORIES; k++) {
			plan.rate[k] = dwellings * level * Vocabulary.BASE_SHARE[k];
		}
		return plan;
	}

	/**
	 * The story complex and its comparison group get no random spell or activity in the
	 * category.
	 */
	private void keepNeighbourhoodPlain(int neighbourhood, int category) {
		for (int i : layout.complexesOf(neighbourhood)) {
			complexes.get(i).keepPlain[category] = true;
		}
	}

	private boolean within(LocalDate date, int margin) {
		return days.contains(date.minusDays(margin)) && days.contains(date.plusDays(margin));
	}

}
