package nl.leefbaar.sampledata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws one complex's reports from its plan and writes them: each category's base rate and each
 * problem dwelling is a Poisson process over the period (thinned by the day profile), the
 * reports are sorted by time and written with category-typical handling times. Only one
 * complex's reports are ever in memory.
 */
final class ReportSimulator {
    private static final int MINUTES_PER_DAY = 1440;
    private static final int MIN_HANDLING_MINUTES = 120;
    private static final int DST_COMPLEX = 4;
    /** Median days to close and log-normal sigma per category: safety fast, nuisance slow. */
    private static final double[] MEDIAN_DAYS = {18, 3.5, 9, 1.2, 12, 10, 6};
    private static final double[] SIGMA = {1.1, 0.9, 0.8, 0.9, 1.0, 0.9, 1.0};
    /** Share of reports that are never closed in the source system. */
    private static final double[] STALE = {0.03, 0.01, 0.01, 0.01, 0.03, 0.02, 0.01};

    private static final byte[][] CHANNELS = bytes(Vocabulary.CHANNELS);
    private static final byte[][] FOLLOW_UPS = bytes(Vocabulary.FOLLOW_UPS);

    /** A drawn report before it gets its id. */
    private static final class Event {
        final int at;
        final int category;
        int source;
        final int dwelling;
        final int channel;
        final int followUp;

        Event(int at, int category, int source, int dwelling, int channel, int followUp) {
            this.at = at;
            this.category = category;
            this.source = source;
            this.dwelling = dwelling;
            this.channel = channel;
            this.followUp = followUp;
        }
    }

    private final DayTable days;
    private final double scale;
    private final long seed;
    private final long[] perCategory = new long[Vocabulary.CATEGORIES];
    private long written;
    private long unmapped;

    ReportSimulator(DayTable days, double scale, long seed) {
        this.days = days;
        this.scale = scale;
        this.seed = seed;
    }

    static void header(CsvSink sink) {
        sink.header("report_id", "complex_id", "dwelling_ref", "category", "reported_at", "closed_at", "channel",
            "follow_up", "omschrijving");
    }

    void write(ComplexPlan plan, CsvSink sink) {
        SplittableRandom rnd = new SplittableRandom(Seeds.mix(seed, plan.index, 4));
        List<Event> events = draw(plan, rnd);
        byte[] complexId = plan.id.getBytes(StandardCharsets.UTF_8);
        boolean markUnmapped = plan.index % 25 == 3;
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            if (markUnmapped && e.category == Vocabulary.OTHER) {
                e.source = Vocabulary.UNMAPPED_SOURCE;
                markUnmapped = false;
                unmapped++;
            }
            writeLine(plan, complexId, e, description(plan, i, rnd), sink, rnd);
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
        events.sort(Comparator.comparingInt(e -> e.at));
        return events;
    }

    /**
     * Two app reports of night-time noise at 02:30 local time: one in the hour that does not
     * exist when summer time starts, one in the hour that happens twice when it ends, so that
     * the data exercise how the importer resolves them.
     */
    private void addNightNoiseInDstHours(List<Event> events) {
        int noise = Vocabulary.sourceId("Geluidsoverlast");
        for (int month : new int[] {3, 10}) {
            for (int day = 0; day < days.days(); day++) {
                java.time.LocalDate date = days.date(day);
                if (date.getMonthValue() == month && date.getDayOfWeek() == java.time.DayOfWeek.SUNDAY
                    && date.getDayOfMonth() > 24) {
                    events.add(new Event(day * MINUTES_PER_DAY + 150, Vocabulary.NUISANCE, noise, 5,
                        Vocabulary.APP, Vocabulary.CONVERSATION));
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
            } else {
                source = trouble.source();
                dwelling = trouble.dwelling();
                if (trouble.nearEndDays() > 0 && day >= trouble.to() - trouble.nearEndDays()) {
                    followUp = trouble.nearEndFollowUp();
                } else if (trouble.followUp() != Vocabulary.RANDOM_FOLLOW_UP && rnd.nextDouble() < 0.6) {
                    followUp = trouble.followUp();
                } else {
                    followUp = Vocabulary.followUp(k, rnd);
                }
            }
            int channel = Vocabulary.channel(k, rnd);
            int at = day * MINUTES_PER_DAY + Vocabulary.minuteOfDay(channel, rnd);
            events.add(new Event(at, k, source, dwelling, channel, followUp));
        }
    }

    /**
     * The free-text column the importer must drop: mostly empty, sometimes "Zie melding", and in
     * two complexes a first report whose text needs quoting (a semicolon; a line break).
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

    private void writeLine(ComplexPlan plan, byte[] complexId, Event e, String description, CsvSink sink,
                           SplittableRandom rnd) {
        int pos = sink.reserve(256);
        byte[] b = sink.buffer();
        b[pos++] = 'M';
        pos = digits(written + 1, 8, b, pos);
        b[pos++] = ';';
        System.arraycopy(complexId, 0, b, pos, complexId.length);
        pos += complexId.length;
        b[pos++] = ';';
        if (e.dwelling > 0) {
            pos = Pseudonym.write(plan.index, e.dwelling, b, pos);
        }
        b[pos++] = ';';
        byte[] source = Vocabulary.SOURCE_BYTES[e.source];
        System.arraycopy(source, 0, b, pos, source.length);
        pos += source.length;
        b[pos++] = ';';
        pos = timestamp(e.at, b, pos);
        b[pos++] = ';';
        int closed = closedAt(e, rnd);
        if (closed >= 0) {
            pos = timestamp(closed, b, pos);
        }
        b[pos++] = ';';
        byte[] channel = CHANNELS[e.channel];
        System.arraycopy(channel, 0, b, pos, channel.length);
        pos += channel.length;
        b[pos++] = ';';
        byte[] followUp = FOLLOW_UPS[e.followUp];
        System.arraycopy(followUp, 0, b, pos, followUp.length);
        pos += followUp.length;
        b[pos++] = ';';
        sink.advance(pos);
        sink.text(description);
        sink.endLine();
        written++;
        perCategory[e.category]++;
    }

    /**
     * Closing time in minutes from the start of the period, or -1 while still open: a
     * log-normal handling time per category, at least two hours (which also keeps a report in
     * the DST gap from closing "before" it came in), moved into office hours; open when that
     * lies after the export day, so the most recent reports are more often open.
     */
    private int closedAt(Event e, SplittableRandom rnd) {
        int k = e.category;
        if (rnd.nextDouble() < STALE[k]) {
            return -1;
        }
        double daysToClose = MEDIAN_DAYS[k] * Math.exp(SIGMA[k] * rnd.nextGaussian());
        long closed = e.at + Math.max(MIN_HANDLING_MINUTES, (long) (daysToClose * MINUTES_PER_DAY));
        long day = closed / MINUTES_PER_DAY;
        int minute = (int) (closed % MINUTES_PER_DAY);
        if (minute < 450) {
            minute = 480 + rnd.nextInt(540);
        } else if (minute > 1080) {
            day++;
            minute = 480 + rnd.nextInt(540);
        }
        return day >= days.days() ? -1 : (int) (day * MINUTES_PER_DAY + minute);
    }

    private int timestamp(int at, byte[] b, int pos) {
        int day = at / MINUTES_PER_DAY;
        int minute = at % MINUTES_PER_DAY;
        byte[] date = days.dutchDate(day);
        System.arraycopy(date, 0, b, pos, date.length);
        pos += date.length;
        b[pos++] = ' ';
        pos = digits(minute / 60, 2, b, pos);
        b[pos++] = ':';
        return digits(minute % 60, 2, b, pos);
    }

    /** Writes value zero-padded to at least width digits. */
    private static int digits(long value, int width, byte[] b, int pos) {
        int length = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            length++;
        }
        length = Math.max(width, length);
        for (int i = length - 1; i >= 0; i--) {
            b[pos + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return pos + length;
    }

    private static byte[][] bytes(String[] values) {
        byte[][] result = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i].getBytes(StandardCharsets.US_ASCII);
        }
        return result;
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
