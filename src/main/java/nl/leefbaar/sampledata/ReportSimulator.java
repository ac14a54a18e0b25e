package nl.leefbaar.sampledata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws one complex's reports from its plan and writes them: each category's base rate
 * and each problem dwelling is a Poisson process over the period (thinned by the day
 * profile), the reports are sorted by time and written with category-typical handling
 * times. Only one complex's reports are ever in memory.
 */
final class ReportSimulator {

	private static final int MINUTES_PER_DAY = Handling.MINUTES_PER_DAY;

	/** The complex that gets the two night-noise reports in the DST hours. */
	private static final int DST_COMPLEX = 4;

	/**
	 * Every 25th complex (from the 4th) has one report with an unmapped source category.
	 */
	private static final int UNMAPPED_EVERY = 25;

	/**
	 * A drawn report before it gets its id; at in minutes from the start of the period.
	 */
	private record Event(int at, int category, int source, int dwelling, int channel, int followUp) {
	}

	private final DayTable days;

	private final Handling handling;

	private final ReportLine line;

	private final double scale;

	private final long seed;

	private final long[] perCategory = new long[Vocabulary.CATEGORIES];

	private long written;

	private long unmapped;

	ReportSimulator(DayTable days, double scale, long seed) {
		this.days = days;
		this.handling = new Handling(days.days());
		this.line = new ReportLine(days);
		this.scale = scale;
		this.seed = seed;
	}

	void write(ComplexPlan plan, CsvSink sink) {
		SplittableRandom rnd = new SplittableRandom(Seeds.mix(seed, plan.index, 4));
		List<Event> events = draw(plan, rnd);
		byte[] complexId = plan.id.getBytes(StandardCharsets.UTF_8);
		boolean markUnmapped = plan.index % UNMAPPED_EVERY == 3;
		for (int i = 0; i < events.size(); i++) {
			Event e = events.get(i);
			int source = e.source();
			if (markUnmapped && e.category() == Vocabulary.OTHER) {
				source = Vocabulary.UNMAPPED_SOURCE;
				markUnmapped = false;
				unmapped++;
			}
			String description = description(plan, i, rnd);
			int closedAt = handling.closedAt(e.category(), e.at(), rnd);
			line.write(sink, ++written, complexId, plan.index, e.dwelling(), source, e.at(), closedAt, e.channel(),
					e.followUp(), description);
			perCategory[e.category()]++;
		}
	}

	private List<Event> draw(ComplexPlan plan, SplittableRandom rnd) {
		List<Event> events = new ArrayList<>();
		int n = days.days();
		for (int k = 0; k < Vocabulary.CATEGORIES; k++) {
			int[] cuts = plan.cuts(k, n);
			for (int i = 0; i + 1 < cuts.length; i++) {
				double rate = scale * plan.rate[k] * plan.factor(k, cuts[i]);
				process(plan, k, cuts[i], cuts[i + 1], rate, null, events, rnd);
			}
		}
		for (ComplexPlan.Trouble trouble : plan.troubles) {
			process(plan, trouble.category(), trouble.from(), trouble.to(), scale * trouble.rate(), trouble, events,
					rnd);
		}
		if (plan.index == DST_COMPLEX) {
			addNightNoiseInDstHours(events);
		}
		events.sort(Comparator.comparingInt(Event::at));
		return events;
	}

	/**
	 * Two app reports of night-time noise at 02:30 local time: one in the hour that does
	 * not exist when summer time starts, one in the hour that happens twice when it ends,
	 * so that the data exercise how the importer resolves them.
	 */
	private void addNightNoiseInDstHours(List<Event> events) {
		int noise = Vocabulary.sourceId("Geluidsoverlast");
		for (int month : new int[] { 3, 10 }) {
			for (int day = 0; day < days.days(); day++) {
				java.time.LocalDate date = days.date(day);
				if (date.getMonthValue() == month && date.getDayOfWeek() == java.time.DayOfWeek.SUNDAY
						&& date.getDayOfMonth() > 24) {
					events.add(new Event(day * MINUTES_PER_DAY + 150, Vocabulary.NUISANCE, noise, 5, Vocabulary.APP,
							Vocabulary.CONVERSATION));
					break;
				}
			}
		}
	}

	/** A Poisson process on [from, to) at rate * profile(day), by thinning. */
	private void process(ComplexPlan plan, int k, int from, int to, double rate, ComplexPlan.Trouble trouble,
			List<Event> events, SplittableRandom rnd) {
		double max = days.max(k);
		double bound = rate * max;
		if (bound <= 0 || to <= from) {
			return;
		}
		double t = from;
		while (true) {
			t += rnd.nextExponential() / bound;
			if (t >= to) {
				return;
			}
			int day = (int) t;
			if (rnd.nextDouble() * max > days.profile(k, day)) {
				continue;
			}
			int source;
			int dwelling;
			int followUp;
			if (trouble == null) {
				source = Vocabulary.sourceCategory(k, rnd);
				dwelling = rnd.nextDouble() < Vocabulary.noDwellingShare(source) ? 0
						: 1 + (int) (plan.dwellings * Math.pow(rnd.nextDouble(), 1.5));
				followUp = Vocabulary.followUp(k, rnd);
			}
			else {
				source = trouble.source();
				dwelling = trouble.dwelling();
				if (trouble.nearEndDays() > 0 && day >= trouble.to() - trouble.nearEndDays()) {
					followUp = trouble.nearEndFollowUp();
				}
				else if (trouble.followUp() != Vocabulary.RANDOM_FOLLOW_UP && rnd.nextDouble() < 0.6) {
					followUp = trouble.followUp();
				}
				else {
					followUp = Vocabulary.followUp(k, rnd);
				}
			}
			int channel = Vocabulary.channel(k, rnd);
			int at = day * MINUTES_PER_DAY + Vocabulary.minuteOfDay(channel, rnd);
			if (trouble == null && plan.settled(k, dwelling, day)) {
				continue; // drawn all the same, so that the draws after it stay the same
			}
			events.add(new Event(at, k, source, dwelling, channel, followUp));
		}
	}

	/**
	 * The free-text column the importer must drop: mostly empty, sometimes "Zie melding",
	 * and in two complexes a first report whose text needs quoting (a semicolon; a line
	 * break).
	 */
	private static String description(ComplexPlan plan, int i, SplittableRandom rnd) {
		if (i == 0 && plan.index == 0) {
			return "Bewoner teruggebeld; zie melding";
		}
		if (i == 0 && plan.index == 2) {
			return "Zie melding\nbewoner belt zelf terug";
		}
		return rnd.nextDouble() < 0.08 ? "Zie melding" : null;
	}

	long written() {
		return written;
	}

	long unmapped() {
		return unmapped;
	}

	long[] perCategory() {
		return perCategory.clone();
	}

}
