package nl.leefbaar.sampledata;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Decides the city before any report is drawn: complexes with overdispersed report rates
 * (most quiet, some genuinely high), spells of recurring problems, problem dwellings,
 * activities, and the five stories. Holds one small plan per complex, never reports.
 */
final class CityPlanner {

	/**
	 * Reports per dwelling per day at the default shape; troubles are written in these
	 * units.
	 */
	static final double DEFAULT_SCALE = 0.0035;

	record City(CityLayout layout, List<ComplexPlan> complexes, List<ComplexPlan.Activity> activities,
			List<SampleDataGenerator.Story> stories) {
	}

	private static final String[] ACTIVITY_TYPES = { "cleanup", "greening", "meeting", "mediation", "accompaniment",
			"job_guidance", "home_visit" };

	private static final double[] ACTIVITY_WEIGHTS = Vocabulary.cumulative(22, 10, 14, 12, 12, 10, 20);

	private static final double[] SPELL_WEIGHTS = Vocabulary.cumulative(30, 35, 10, 15, 5, 5, 0);

	private static final double[] TROUBLE_WEIGHTS = Vocabulary.cumulative(55, 10, 15, 0, 20, 0, 0);

	private final long seed;

	private final DayTable days;

	private final List<ComplexPlan.Activity> activities = new ArrayList<>();

	private int nextActivity = 1;

	/**
	 * Random activities per complex and year; 0: the sample's shape (0.8 a year, more at
	 * bigger complexes).
	 */
	private final double activitiesPerComplexYear;

	/** Complexes per neighbourhood beyond the first 80; 0: the sample's shape. */
	private final int neighbourhoodSize;

	CityPlanner(long seed, DayTable days) {
		this(seed, days, 0, 0);
	}

	CityPlanner(long seed, DayTable days, int neighbourhoodSize, double activitiesPerComplexYear) {
		this.seed = seed;
		this.days = days;
		this.neighbourhoodSize = neighbourhoodSize;
		this.activitiesPerComplexYear = activitiesPerComplexYear;
	}

	City plan(int complexCount) {
		CityLayout layout = new CityLayout(complexCount, neighbourhoodSize);
		List<ComplexPlan> complexes = new ArrayList<>(complexCount);
		for (int i = 0; i < complexCount; i++) {
			complexes.add(baseline(layout, i));
		}
		// A name with quotes, so that the data exercise RFC 4180 quoting; the comma is in
		// story 3.
		complexes.get(layout.firstComplex(CityLayout.BOSPOLDER)).name = "Seniorenflat \"De Zeilmaker\"";
		List<SampleDataGenerator.Story> stories = new Stories(this, layout, complexes, days).apply();
		stories.add(planNeighbourhoodMeetings(layout));
		for (ComplexPlan complex : complexes) {
			planExtras(complex);
		}
		return new City(layout, complexes, activities, stories);
	}

	private ComplexPlan baseline(CityLayout layout, int index) {
		SplittableRandom rnd = new SplittableRandom(Seeds.mix(seed, index, 1));
		int neighbourhood = layout.neighbourhoodOf(index);
		ComplexPlan plan = new ComplexPlan(index, CityLayout.complexId(index),
				layout.neighbourhoods().get(neighbourhood).code());
		plan.dwellings = (int) Math.max(20, Math.min(300, Math.round(110 * Math.exp(0.6 * rnd.nextGaussian()))));
		String[] types = layout.buildingTypes(neighbourhood);
		String[] streets = layout.streets(neighbourhood);
		int firstNumber = 2 * (1 + rnd.nextInt(40));
		int lastNumber = firstNumber + 2 * Math.max(4, plan.dwellings / 6);
		plan.name = types[rnd.nextInt(types.length)] + " " + streets[rnd.nextInt(streets.length)] + " " + firstNumber
				+ "-" + lastNumber;
		// Vestia's share is per neighbourhood (mostly south of the river); of the rest
		// Havensteder
		// owns 55 %, Woonstad Rotterdam 45 %, and 2 % of all complexes have no owner in
		// the export.
		double u = rnd.nextDouble();
		plan.owner = u < layout.vestiaShare(neighbourhood) ? "Vestia"
				: u < 0.98 - (0.98 - layout.vestiaShare(neighbourhood)) * 0.45 ? "Havensteder"
						: u < 0.98 ? "Woonstad Rotterdam" : "";
		double level = Seeds.logNormal(0.8, rnd);
		if (rnd.nextDouble() < 0.06) {
			level *= 2.5;
		}
		for (int k = 0; k < Vocabulary.CATEGORIES; k++) {
			plan.rate[k] = plan.dwellings * level * Seeds.logNormal(0.45, rnd) * Vocabulary.BASE_SHARE[k];
		}
		return plan;
	}

	/**
	 * Spells of recurring problems (often ended by an activity), problem dwellings,
	 * activities.
	 */
	private void planExtras(ComplexPlan plan) {
		SplittableRandom rnd = new SplittableRandom(Seeds.mix(seed, plan.index, 2));
		int n = days.days();
		if (!plan.story && rnd.nextDouble() < 0.3 && n > 120) {
			int k = Vocabulary.pick(SPELL_WEIGHTS, rnd);
			int length = 90 + rnd.nextInt(Math.min(270, n - 100));
			int from = rnd.nextInt(n - length);
			int to = from + length;
			if (!plan.keepPlain[k]) {
				plan.modifiers.add(new ComplexPlan.Modifier(k, from, to, 2 + 1.5 * rnd.nextDouble()));
				String type = answeringActivity(k);
				if (type != null && to < n && rnd.nextDouble() < 0.5) {
					addActivity(plan, type, to, participants(type, rnd), Vocabulary.CANONICAL[k]);
					plan.modifiers.add(new ComplexPlan.Modifier(k, to, to + 180, 0.8));
				}
			}
		}
		double years = n / 365.25;
		int troubles = Seeds.poisson(plan.dwellings / 70.0 * years / 3, rnd);
		for (int t = 0; t < troubles; t++) {
			int k = Vocabulary.pick(TROUBLE_WEIGHTS, rnd);
			int dwelling = 1 + rnd.nextInt(plan.dwellings);
			int interval = 15 + rnd.nextInt(36);
			int length = 60 + rnd.nextInt(300);
			int from = rnd.nextInt(Math.max(1, n - 30));
			if (!plan.keepPlain[k]) {
				plan.troubles.add(new ComplexPlan.Trouble(k, dwelling, from, Math.min(n, from + length),
						1.0 / (interval * DEFAULT_SCALE), Vocabulary.sourceCategory(k, rnd),
						Vocabulary.RANDOM_FOLLOW_UP, Vocabulary.RANDOM_FOLLOW_UP, 0));
			}
		}
		if (plan.story) {
			return;
		}
		double mean = activitiesPerComplexYear > 0 ? activitiesPerComplexYear * years
				: 0.8 * years * Math.sqrt(plan.dwellings / 110.0);
		int count = Seeds.poisson(mean, rnd);
		for (int a = 0; a < count; a++) {
			String type = ACTIVITY_TYPES[Vocabulary.pick(ACTIVITY_WEIGHTS, rnd)];
			int day = rnd.nextInt(n);
			String addresses = switch (type) {
				case "cleanup" -> "pollution";
				case "greening" -> "public_space";
				case "mediation" -> "neighbour_nuisance";
				case "accompaniment" -> "social";
				case "home_visit" -> rnd.nextBoolean() ? "social" : null;
				default -> null;
			};
			int k = addresses == null ? -1 : Arrays.asList(Vocabulary.CANONICAL).indexOf(addresses);
			if (k >= 0 && plan.keepPlain[k]) {
				continue;
			}
			addActivity(plan, type, day, participants(type, rnd), addresses);
			if (type.equals("cleanup") || type.equals("greening") || type.equals("mediation")) {
				plan.modifiers.add(new ComplexPlan.Modifier(k, day, day + 180, 0.85));
			}
		}
	}

	private static String answeringActivity(int category) {
		return switch (category) {
			case Vocabulary.POLLUTION -> "cleanup";
			case Vocabulary.PUBLIC_SPACE -> "greening";
			case Vocabulary.NUISANCE -> "mediation";
			case Vocabulary.SOCIAL -> "accompaniment";
			default -> null;
		};
	}

	private static Integer participants(String type, SplittableRandom rnd) {
		return switch (type) {
			case "cleanup" -> 4 + rnd.nextInt(17);
			case "greening" -> 5 + rnd.nextInt(21);
			case "meeting" -> 6 + rnd.nextInt(30);
			case "mediation" -> 2;
			case "accompaniment", "job_guidance" -> 1;
			case "home_visit" -> rnd.nextDouble() < 0.7 ? 1 : null;
			default -> null;
		};
	}

	/**
	 * A residents' evening in every neighbourhood each October; quarterly in two of them.
	 * The story that names them is told for Tarwewijk.
	 */
	private SampleDataGenerator.Story planNeighbourhoodMeetings(CityLayout layout) {
		List<CityLayout.Neighbourhood> neighbourhoods = layout.neighbourhoods();
		List<String> tarwewijk = new ArrayList<>();
		LocalDate firstTarwewijk = null;
		for (int j = 0; j < neighbourhoods.size(); j++) {
			SplittableRandom rnd = new SplittableRandom(Seeds.mix(seed, j, 3));
			boolean quarterly = j == CityLayout.TARWEWIJK || j == CityLayout.HILLESLUIS;
			for (int year = days.first().getYear(); year <= days.date(days.days() - 1).getYear(); year++) {
				for (int month = 1; month <= 12; month++) {
					if (month == 10 || (quarterly && month % 3 == 1)) {
						LocalDate date = LocalDate.of(year, month, 1)
							.with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.TUESDAY));
						if (days.contains(date)) {
							ComplexPlan.Activity meeting = new ComplexPlan.Activity(nextActivityId(), null,
									neighbourhoods.get(j).code(), "meeting", days.index(date), 12 + rnd.nextInt(49),
									null);
							activities.add(meeting);
							if (j == CityLayout.TARWEWIJK) {
								tarwewijk.add(meeting.id());
								firstTarwewijk = firstTarwewijk == null ? date : firstTarwewijk;
							}
						}
					}
				}
			}
		}
		return new SampleDataGenerator.Story("meetings",
				"Neighbourhood-wide residents' evenings (neighbourhood_code set, complex_id empty): every"
						+ " neighbourhood each October, Tarwewijk and Hillesluis quarterly",
				null, neighbourhoods.get(CityLayout.TARWEWIJK).code(), firstTarwewijk, tarwewijk, List.of());
	}

	ComplexPlan.Activity addActivity(ComplexPlan plan, String type, int day, Integer participants, String addresses) {
		ComplexPlan.Activity activity = new ComplexPlan.Activity(nextActivityId(), plan.id, null, type, day,
				participants, addresses);
		activities.add(activity);
		return activity;
	}

	private String nextActivityId() {
		return String.format("A%06d", nextActivity++);
	}

}
