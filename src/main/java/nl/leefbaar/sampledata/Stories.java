package nl.leefbaar.sampledata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The stories from the field that the sample data must show, each at a fixed complex so
 * that its ids stay the same for every seed: a stairwell clean-up after a run of
 * pollution reports, a greening morning, neighbour nuisance at the same dwellings until
 * mediation, accompaniment to the debt-help desk for payment arrears, and for each owner
 * a problem on the rise in the last months (a hotspot in October 2026). A story whose
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
		for (Rise rise : RISES) {
			rise(rise);
		}
		return told;
	}

	/**
	 * A problem on the rise at a complex of one owner: from {@code from} the category's
	 * reports run at {@code factor} times their level, from {@code steeper} at
	 * {@code steeperFactor} times, to the end of the data.
	 */
	record Rise(String key, int neighbourhood, int offset, String name, String owner, int dwellings, int category,
			LocalDate from, double factor, LocalDate steeper, double steeperFactor, String description) {
	}

	/** The rising complexes' level: about the city's average complex. */
	private static final double RISE_LEVEL = 1.4;

	/** The rises, one per owner: they make the hotspots of October 2026. */
	static final Rise[] RISES = {
			new Rise("rise-havensteder", CityLayout.TUSSENDIJKEN, 1, "Portiekflat Tjalkstraat 2-40", "Havensteder", 90,
					Vocabulary.POLLUTION, LocalDate.of(2026, 8, 10), 3.0, LocalDate.of(2026, 9, 15), 5.0,
					"Dumped waste and litter in the entrances rise from August 2026 (bulky waste left at the"
							+ " door, a full bin room); no clean-up yet"),
			new Rise("rise-woonstad", CityLayout.OMMOORD, 1, "Galerijflat Hesseplaats 1-121", "Woonstad Rotterdam", 120,
					Vocabulary.DAMAGE, LocalDate.of(2026, 10, 1), 8.0, LocalDate.of(2026, 10, 1), 8.0,
					"Vandalism of the gallery doors, lifts and lighting from October 2026: a new hotspot in"
							+ " October"),
			new Rise("rise-vestia", CityLayout.LOMBARDIJEN, 0, "Galerijflat Slinge 2-98", "Vestia", 120,
					Vocabulary.SAFETY, LocalDate.of(2026, 7, 15), 2.0, LocalDate.of(2026, 8, 20), 5.0,
					"Loitering and suspected drug dealing in the stairwells and the car park build up from"
							+ " mid-July 2026") };

	/** Stories 6-8: a problem on the rise in the last months, one for each owner. */
	private void rise(Rise rise) {
		LocalDate end = LocalDate.of(2026, 10, 31);
		if (!days.contains(rise.from().minusDays(455)) || !days.contains(end)) {
			return;
		}
		int offset = Math.min(rise.offset(), layout.blockSize(rise.neighbourhood()) - 1);
		ComplexPlan plan = reshape(layout.firstComplex(rise.neighbourhood()) + offset, rise.name(), rise.owner(),
				rise.dwellings(), RISE_LEVEL);
		plan.keepPlain[rise.category()] = true;
		plan.modifiers.add(new ComplexPlan.Modifier(rise.category(), days.index(rise.from()),
				days.index(rise.steeper()), rise.factor()));
		plan.modifiers.add(new ComplexPlan.Modifier(rise.category(), days.index(rise.steeper()), days.days(),
				rise.steeperFactor()));
		told.add(new SampleDataGenerator.Story(rise.key(), rise.description(), plan.id, plan.neighbourhoodCode,
				rise.from(), List.of(), List.of()));
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
			plan.settled.add(new ComplexPlan.Settled(Vocabulary.SOCIAL, dwellings[i], end));
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
