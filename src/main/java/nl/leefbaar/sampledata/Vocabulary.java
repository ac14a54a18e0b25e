package nl.leefbaar.sampledata;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * What the generated reports say: source categories (only values of the shipped default
 * mapping, so that the sample data maps without a custom file), channels and follow-ups,
 * with weights that give each canonical category its own look in the data.
 */
final class Vocabulary {

	// Canonical category indices, in the order of nl.leefbaar.domain.Category.
	static final int NUISANCE = 0;
	static final int POLLUTION = 1;
	static final int DAMAGE = 2;
	static final int SAFETY = 3;
	static final int SOCIAL = 4;
	static final int PUBLIC_SPACE = 5;
	static final int OTHER = 6;
	static final int CATEGORIES = 7;

	static final String[] CANONICAL = { "neighbour_nuisance", "pollution", "damage", "safety", "social", "public_space",
			"other" };

	/**
	 * Target shares of the base rates; recurring problems add mostly nuisance and
	 * pollution.
	 */
	static final double[] BASE_SHARE = { 0.22, 0.235, 0.20, 0.10, 0.095, 0.07, 0.03 };

	/** The value outside the default mapping that a handful of reports carry. */
	static final String UNMAPPED = "Klacht algemeen";

	/**
	 * Per canonical category: source category, weight, share of reports without a
	 * dwelling.
	 */
	private static final Object[][][] SOURCES = {
			{ { "Burenoverlast", 30, 0.0 }, { "Burenruzie", 12, 0.0 }, { "Geluidsoverlast", 20, 0.0 },
					{ "Geluidsoverlast buren", 18, 0.0 }, { "Stankoverlast", 8, 0.0 },
					{ "Overlast huisdieren", 8, 0.0 }, { "Agressie tussen buren", 4, 0.0 } },
			{ { "Vervuiling", 15, 0.4 }, { "Vervuiling portiek", 18, 0.55 }, { "Rommel in portiek", 15, 0.55 },
					{ "Afval naast container", 18, 0.55 }, { "Zwerfafval", 10, 0.55 }, { "Grofvuil gedumpt", 12, 0.55 },
					{ "Graffiti", 6, 0.55 }, { "Ongedierte", 6, 0.0 } },
			{ { "Schade", 10, 0.2 }, { "Schade woning", 20, 0.0 }, { "Defect in woning", 25, 0.0 },
					{ "Lekkage", 20, 0.0 }, { "Vandalisme", 8, 0.6 },
					{ "Vandalisme gemeenschappelijke ruimte", 8, 0.6 }, { "Kapotte verlichting portiek", 9, 0.6 } },
			{ { "Veiligheid", 10, 0.4 }, { "Onveilig gevoel", 30, 0.4 }, { "Hangjongeren", 30, 0.4 },
					{ "Vermoeden drugshandel", 15, 0.4 }, { "Inbraak", 15, 0.0 } },
			{ { "Sociaal", 10, 0.0 }, { "Betalingsachterstand", 20, 0.0 }, { "Huurachterstand", 20, 0.0 },
					{ "Eenzaamheid", 20, 0.0 }, { "Zorgbehoefte", 15, 0.0 }, { "Verwaarlozing woning", 10, 0.0 },
					{ "Vervuilde woning (hoarding)", 5, 0.0 } },
			{ { "Openbare ruimte", 20, 1.0 }, { "Groenonderhoud", 35, 1.0 }, { "Straatverlichting", 20, 1.0 },
					{ "Bestrating", 15, 1.0 }, { "Speelplaats", 10, 1.0 } },
			{ { "Overig", 100, 0.3 } }, };

	/**
	 * All source categories, flattened; index = source id. The last one is
	 * {@link #UNMAPPED}.
	 */
	static final String[] SOURCE_NAMES;
	static final byte[][] SOURCE_BYTES;
	static final int UNMAPPED_SOURCE;

	private static final int[][] SOURCE_IDS = new int[CATEGORIES][];

	private static final double[][] SOURCE_CUMULATIVE = new double[CATEGORIES][];

	private static final double[] NO_DWELLING_SHARE;

	static {
		int total = 0;
		for (Object[][] sources : SOURCES) {
			total += sources.length;
		}
		SOURCE_NAMES = new String[total + 1];
		NO_DWELLING_SHARE = new double[total + 1];
		int id = 0;
		for (int k = 0; k < CATEGORIES; k++) {
			Object[][] sources = SOURCES[k];
			SOURCE_IDS[k] = new int[sources.length];
			double[] weights = new double[sources.length];
			for (int i = 0; i < sources.length; i++) {
				SOURCE_NAMES[id] = (String) sources[i][0];
				weights[i] = ((Integer) sources[i][1]).doubleValue();
				NO_DWELLING_SHARE[id] = (Double) sources[i][2];
				SOURCE_IDS[k][i] = id++;
			}
			SOURCE_CUMULATIVE[k] = cumulative(weights);
		}
		UNMAPPED_SOURCE = id;
		SOURCE_NAMES[id] = UNMAPPED;
		NO_DWELLING_SHARE[id] = 0.5;
		SOURCE_BYTES = new byte[SOURCE_NAMES.length][];
		for (int i = 0; i < SOURCE_NAMES.length; i++) {
			SOURCE_BYTES[i] = SOURCE_NAMES[i].getBytes(StandardCharsets.UTF_8);
		}
	}

	static final String[] CHANNELS = { "phone", "app", "web", "walk-in", "staff" };
	static final int APP = 1;
	static final int WEB = 2;

	private static final double[][] CHANNEL_CUMULATIVE = { cumulative(40, 22, 18, 8, 12), cumulative(25, 25, 15, 5, 30),
			cumulative(38, 22, 18, 8, 14), cumulative(45, 20, 15, 5, 15), cumulative(35, 5, 10, 25, 25),
			cumulative(25, 25, 15, 5, 30), cumulative(40, 20, 20, 10, 10) };

	/**
	 * Follow-ups; the last, empty, is what many exports hold when nobody filled it in.
	 */
	static final String[] FOLLOW_UPS = { "visit", "conversation", "referral", "accompaniment", "mediation", "none",
			"" };
	static final int CONVERSATION = 1;
	static final int REFERRAL = 2;
	static final int ACCOMPANIMENT = 3;
	static final int MEDIATION = 4;
	static final int RANDOM_FOLLOW_UP = -1;

	private static final double[][] FOLLOW_UP_CUMULATIVE = { cumulative(10, 25, 5, 0, 4, 36, 20),
			cumulative(5, 10, 0, 0, 0, 55, 30), cumulative(30, 5, 3, 0, 0, 40, 22),
			cumulative(10, 15, 15, 0, 0, 35, 25), cumulative(20, 20, 25, 8, 0, 12, 15),
			cumulative(3, 5, 10, 0, 0, 52, 30), cumulative(0, 10, 5, 0, 0, 55, 30) };

	/**
	 * Hour weights for app and web, which come in at any time (a few in the DST hours
	 * too).
	 */
	private static final double[] ANY_HOUR = cumulative(1, 0.6, 0.4, 0.3, 0.3, 0.6, 2, 4, 6, 7, 7, 7, 7, 7, 7, 7, 7, 8,
			8, 9, 9, 8, 5, 2.5);

	/** Hour weights for phone, walk-in and staff: office hours. */
	private static final double[] OFFICE_HOUR = cumulative(0, 0, 0, 0, 0, 0, 0, 0.3, 9, 10, 9, 8, 6, 8, 8, 7, 6, 2, 0.2,
			0, 0, 0, 0, 0);

	private Vocabulary() {
	}

	static int sourceCategory(int category, SplittableRandom rnd) {
		return SOURCE_IDS[category][pick(SOURCE_CUMULATIVE[category], rnd)];
	}

	static int sourceId(String name) {
		int id = Arrays.asList(SOURCE_NAMES).indexOf(name);
		if (id < 0) {
			throw new IllegalArgumentException("not a known source category: " + name);
		}
		return id;
	}

	static double noDwellingShare(int source) {
		return NO_DWELLING_SHARE[source];
	}

	static int channel(int category, SplittableRandom rnd) {
		return pick(CHANNEL_CUMULATIVE[category], rnd);
	}

	static int followUp(int category, SplittableRandom rnd) {
		return pick(FOLLOW_UP_CUMULATIVE[category], rnd);
	}

	static int minuteOfDay(int channel, SplittableRandom rnd) {
		double[] hours = channel == APP || channel == WEB ? ANY_HOUR : OFFICE_HOUR;
		return pick(hours, rnd) * 60 + rnd.nextInt(60);
	}

	static double[] cumulative(double... weights) {
		double[] cumulative = new double[weights.length];
		double sum = 0;
		for (int i = 0; i < weights.length; i++) {
			sum += weights[i];
			cumulative[i] = sum;
		}
		for (int i = 0; i < weights.length; i++) {
			cumulative[i] /= sum;
		}
		return cumulative;
	}

	static int pick(double[] cumulative, SplittableRandom rnd) {
		double u = rnd.nextDouble();
		for (int i = 0; i < cumulative.length - 1; i++) {
			if (u < cumulative[i]) {
				return i;
			}
		}
		return cumulative.length - 1;
	}

}
