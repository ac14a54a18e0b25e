package nl.leefbaar.sampledata;

import java.util.ArrayList;
import java.util.List;

/**
 * The Rotterdam-like city: a dozen real neighbourhoods (CBS-like buurt codes, real
 * district and street names) holding the first 80 complexes in fixed blocks, so that the
 * story complexes keep their ids whatever the seed. Bigger runs add numbered copies of
 * these neighbourhoods (codes BU9xxxxxxx, seven complexes each) so that the shape of the
 * city stays the same.
 * <p>
 * With a neighbourhood size (complexes per neighbourhood, for a city of few large
 * neighbourhoods such as issue 23's 12,800 complexes in 18), the first 80 complexes keep
 * their blocks, the complexes after them fill the real neighbourhoods up to that size in
 * turn, and numbered copies of that size hold the rest.
 */
final class CityLayout {

	record Neighbourhood(String code, String name, String district) {
	}

	private record Base(String code, String name, String district, int block, String[] streets, String[] types,
			double vestiaShare) {
	}

	static final int BASE_COMPLEXES = 80;
	static final int SYNTHETIC_BLOCK = 7;

	private static final Base[] BASES = {
			new Base("BU05990112", "Oude Westen", "Centrum", 7,
					new String[] { "Gaffelstraat", "Kogelvangerstraat", "Josephstraat", "Adrianastraat",
							"Tollensstraat", "Schietbaanstraat", "Gouvernestraat" },
					new String[] { "Woonblok", "Portiekwoningen", "Seniorencomplex" }, 0),
			new Base("BU05991571", "Tarwewijk", "Charlois", 8,
					new String[] { "Mijnsherenlaan", "Wolphaertsbocht", "Pleinweg", "Brabantsestraat", "Millinxstraat",
							"Katendrechtse Lagedijk", "Mijnsherenplein" },
					new String[] { "Portiekflat", "Portiekwoningen", "Galerijflat" }, 0.35),
			new Base("BU05991573", "Carnisse", "Charlois", 7,
					new String[] { "Carnisselaan", "Dorpsweg", "Zuidwijkstraat", "Boergoensevliet", "Grondherenstraat",
							"Amelandseplein" },
					new String[] { "Portiekflat", "Portiekwoningen", "Maisonnettes" }, 0.35),
			new Base("BU05991015", "Bloemhof", "Feijenoord", 7,
					new String[] { "Bloemhofplein", "Lange Hilleweg", "Groene Hilledijk", "Putsebocht", "Asterlaan" },
					new String[] { "Portiekwoningen", "Portiekflat", "Eengezinswoningen" }, 0.25),
			new Base("BU05991016", "Hillesluis", "Feijenoord", 7,
					new String[] { "Beijerlandselaan", "Hilledijk", "Riederstraat", "Strevelsweg", "Hillevliet" },
					new String[] { "Portiekflat", "Woonblok", "Galerijflat" }, 0.25),
			new Base("BU05991013", "Afrikaanderwijk", "Feijenoord", 6,
					new String[] { "Pretorialaan", "Paul Krugerstraat", "Afrikaanderplein", "Cronjéstraat",
							"Riebeekstraat" },
					new String[] { "Galerijflat", "Portiekwoningen", "Woonblok" }, 0.15),
			new Base("BU05991011", "Feijenoord", "Feijenoord", 6,
					new String[] { "Oranjeboomstraat", "Persoonshaven", "Rosestraat", "Feijenoordkade",
							"Prins Frederikplein" },
					new String[] { "Woonblok", "Portiekflat", "Seniorenflat" }, 0.15),
			new Base("BU05990311", "Spangen", "Delfshaven", 7,
					new String[] { "Spangesekade", "Mathenesserweg", "Bilderdijkstraat", "Justus van Effenstraat",
							"Potgieterstraat" },
					new String[] { "Portiekwoningen", "Woonblok", "Galerijflat" }, 0),
			new Base("BU05990314", "Bospolder", "Delfshaven", 6,
					new String[] { "Schiedamseweg", "Grote Visserijstraat", "Hooidrift", "Taandersplein",
							"Schippersstraat" },
					new String[] { "Portiekwoningen", "Woonblok", "Seniorenflat" }, 0),
			new Base("BU05990315", "Tussendijken", "Delfshaven", 6,
					new String[] { "Tjalkstraat", "Bellevoysstraat", "Rösener Manzstraat", "Mathenesserdijk",
							"Jan Kruijffstraat" },
					new String[] { "Portiekflat", "Woonblok", "Galerijflat" }, 0),
			new Base("BU05991481", "Ommoord", "Prins Alexander", 7,
					new String[] { "Hesseplaats", "Bergsonplaats", "Sartreweg", "Tagoreplaats", "Kafkaplaats" },
					new String[] { "Hoogbouw", "Galerijflat", "Seniorenflat" }, 0.1),
			new Base("BU05991793", "Lombardijen", "IJsselmonde", 6,
					new String[] { "Slinge", "Spinozaweg", "Dirk Smitsstraat", "Zuiderparkweg", "Herman Gorterstraat" },
					new String[] { "Galerijflat", "Portiekflat", "Eengezinswoningen" }, 0.5), };

	static final int TARWEWIJK = 1;
	static final int BLOEMHOF = 3;
	static final int HILLESLUIS = 4;
	static final int AFRIKAANDERWIJK = 5;
	static final int SPANGEN = 7;
	static final int BOSPOLDER = 8;
	static final int TUSSENDIJKEN = 9;
	static final int OMMOORD = 10;
	static final int LOMBARDIJEN = 11;

	private final List<Neighbourhood> neighbourhoods = new ArrayList<>();

	/** Per complex index: the neighbourhood index it lies in. */
	private final int[] neighbourhoodOf;

	/**
	 * Per neighbourhood index: its first block's first complex index and complex count.
	 */
	private final List<int[]> blocks = new ArrayList<>();

	/** Per neighbourhood index: all its complex indexes, ascending. */
	private final List<List<Integer>> members = new ArrayList<>();

	CityLayout(int complexes) {
		this(complexes, 0);
	}

	/**
	 * neighbourhoodSize 0: the sample's shape (numbered copies of seven complexes);
	 * otherwise the complexes per neighbourhood beyond the first 80.
	 */
	CityLayout(int complexes, int neighbourhoodSize) {
		if (complexes < BASES.length) {
			throw new IllegalArgumentException("--complexes must be at least " + BASES.length + ", was " + complexes);
		}
		if (neighbourhoodSize < 0) {
			throw new IllegalArgumentException(
					"--complexes-per-neighbourhood must be positive, was " + neighbourhoodSize);
		}
		neighbourhoodOf = new int[complexes];
		int[] sizes = baseBlocks(Math.min(complexes, BASE_COMPLEXES));
		int next = 0;
		for (int j = 0; j < BASES.length; j++) {
			neighbourhoods.add(new Neighbourhood(BASES[j].code(), BASES[j].name(), BASES[j].district()));
			blocks.add(new int[] { next, sizes[j] });
			members.add(new ArrayList<>());
			next = addRun(j, next, sizes[j]);
		}
		int size = neighbourhoodSize > 0 ? neighbourhoodSize : SYNTHETIC_BLOCK;
		for (int j = 0; neighbourhoodSize > 0 && j < BASES.length && next < complexes; j++) {
			next = addRun(j, next, Math.min(Math.max(0, size - sizes[j]), complexes - next));
		}
		int j = BASES.length;
		while (next < complexes) {
			Base base = BASES[j % BASES.length];
			neighbourhoods.add(new Neighbourhood(String.format("BU9%07d", j),
					base.name() + " " + (j / BASES.length + 1), base.district()));
			int run = Math.min(size, complexes - next);
			blocks.add(new int[] { next, run });
			members.add(new ArrayList<>());
			next = addRun(j, next, run);
			j++;
		}
	}

	private int addRun(int neighbourhood, int first, int size) {
		for (int i = first; i < first + size; i++) {
			neighbourhoodOf[i] = neighbourhood;
			members.get(neighbourhood).add(i);
		}
		return first + size;
	}

	/**
	 * The base block sizes scaled to n complexes by largest remainder, at least one each.
	 */
	private static int[] baseBlocks(int n) {
		int[] sizes = new int[BASES.length];
		if (n == BASE_COMPLEXES) {
			for (int j = 0; j < BASES.length; j++) {
				sizes[j] = BASES[j].block();
			}
			return sizes;
		}
		int spare = n - BASES.length;
		int assigned = 0;
		double[] remainder = new double[BASES.length];
		for (int j = 0; j < BASES.length; j++) {
			double exact = (BASES[j].block() - 1) * (double) spare / (BASE_COMPLEXES - BASES.length);
			sizes[j] = 1 + (int) exact;
			remainder[j] = exact - (int) exact;
			assigned += sizes[j];
		}
		while (assigned < n) {
			int best = 0;
			for (int j = 1; j < BASES.length; j++) {
				if (remainder[j] > remainder[best]) {
					best = j;
				}
			}
			sizes[best]++;
			remainder[best] = -1;
			assigned++;
		}
		return sizes;
	}

	List<Neighbourhood> neighbourhoods() {
		return neighbourhoods;
	}

	int neighbourhoodOf(int complex) {
		return neighbourhoodOf[complex];
	}

	int firstComplex(int neighbourhood) {
		return blocks.get(neighbourhood)[0];
	}

	int blockSize(int neighbourhood) {
		return blocks.get(neighbourhood)[1];
	}

	/**
	 * Every complex index of the neighbourhood (its first block and any filled up later).
	 */
	List<Integer> complexesOf(int neighbourhood) {
		return members.get(neighbourhood);
	}

	String[] streets(int neighbourhood) {
		return BASES[neighbourhood % BASES.length].streets();
	}

	String[] buildingTypes(int neighbourhood) {
		return BASES[neighbourhood % BASES.length].types();
	}

	double vestiaShare(int neighbourhood) {
		return BASES[neighbourhood % BASES.length].vestiaShare();
	}

	static String complexId(int index) {
		return String.format("C%05d", index + 1);
	}

}
