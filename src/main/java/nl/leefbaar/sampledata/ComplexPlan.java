package nl.leefbaar.sampledata;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything decided about one complex before its reports are drawn: its base report rate
 * per category (in units of the city-wide scale, which is fitted afterwards to meet the
 * report target), the periods in which a rate is raised or lowered, and the problem
 * dwellings that report the same thing again and again.
 */
final class ComplexPlan {

	/** A period [from, to) in which a category's base rate is multiplied by factor. */
	record Modifier(int category, int from, int to, double factor) {
	}

	/**
	 * A problem dwelling: reports of one category from one dwelling at a rate (in scale
	 * units) over [from, to). Reports in the last {@code nearEndDays} get
	 * {@code nearEndFollowUp}.
	 */
	record Trouble(int category, int dwelling, int from, int to, double rate, int source, int followUp,
			int nearEndFollowUp, int nearEndDays) {
	}

	/**
	 * A problem dwelling whose reports of one category stop from day {@code from} on (an
	 * activity solved it): the complex's ordinary reports no longer come from it either.
	 */
	record Settled(int category, int dwelling, int from) {
	}

	/** An activity; complexId or neighbourhoodCode is set, never both. */
	record Activity(String id, String complexId, String neighbourhoodCode, String type, int day, Integer participants,
			String addresses) {
	}

	final int index;

	final String id;

	final String neighbourhoodCode;

	String name;

	String owner;

	int dwellings;

	final double[] rate = new double[Vocabulary.CATEGORIES];

	final List<Modifier> modifiers = new ArrayList<>();

	final List<Trouble> troubles = new ArrayList<>();

	final List<Settled> settled = new ArrayList<>();

	/**
	 * Categories in which no random spell or activity may be planned (story comparisons).
	 */
	final boolean[] keepPlain = new boolean[Vocabulary.CATEGORIES];

	boolean story;

	ComplexPlan(int index, String id, String neighbourhoodCode) {
		this.index = index;
		this.id = id;
		this.neighbourhoodCode = neighbourhoodCode;
	}

	/** Expected reports (in scale units) over the whole period. */
	double expected(DayTable days) {
		double total = 0;
		for (int k = 0; k < Vocabulary.CATEGORIES; k++) {
			int[] cuts = cuts(k, days.days());
			for (int i = 0; i + 1 < cuts.length; i++) {
				total += rate[k] * factor(k, cuts[i]) * days.sum(k, cuts[i], cuts[i + 1]);
			}
		}
		for (Trouble t : troubles) {
			total += t.rate() * days.sum(t.category(), t.from(), t.to());
		}
		return total;
	}

	/** The sorted day boundaries at which the category's modifiers start or stop. */
	int[] cuts(int category, int days) {
		java.util.TreeSet<Integer> cuts = new java.util.TreeSet<>();
		cuts.add(0);
		cuts.add(days);
		for (Modifier m : modifiers) {
			if (m.category() == category) {
				cuts.add(Math.max(0, Math.min(days, m.from())));
				cuts.add(Math.max(0, Math.min(days, m.to())));
			}
		}
		return cuts.stream().mapToInt(Integer::intValue).toArray();
	}

	/** Whether the dwelling's reports of the category have stopped by the day. */
	boolean settled(int category, int dwelling, int day) {
		for (Settled s : settled) {
			if (s.category() == category && s.dwelling() == dwelling && day >= s.from()) {
				return true;
			}
		}
		return false;
	}

	/** The product of the category's modifiers in force on the day. */
	double factor(int category, int day) {
		double factor = 1;
		for (Modifier m : modifiers) {
			if (m.category() == category && day >= m.from() && day < m.to()) {
				factor *= m.factor();
			}
		}
		return factor;
	}

}
