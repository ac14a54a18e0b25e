package nl.leefbaar.report.excel;

import nl.leefbaar.system.LeefbaarProperties;

/**
 * The small-number rules for outside readers (indicators.md, Publishing small numbers): counts
 * 1..minCount-1 appear as {@code <5}; a rate or share built on a count below minCount is not shown
 * (nor its interval, flag, rank or change); complexes under minDwellings appear only inside their
 * neighbourhood's totals.
 */
final class SmallNumbers {
    private final int minCount;
    private final int minDwellings;

    SmallNumbers(LeefbaarProperties.Publishing publishing) {
        this.minCount = publishing.minCount();
        this.minDwellings = publishing.minDwellings();
    }

    String belowMinimum() {
        return "<" + minCount;
    }

    /** A count as shown: the number, the {@code <5} text, or nothing. */
    void count(SheetWriter w, int column, Double count) {
        if (count == null) {
            return;
        }
        if (count >= 1 && count < minCount) {
            w.text(column, belowMinimum(), w.styles.number(Styles.INTEGER));
        } else {
            w.number(column, count, Styles.INTEGER);
        }
    }

    /** A rate per dwellings may be shown when the count it is built on reaches the minimum. */
    boolean rateShown(Figure figure) {
        return figure.value() != null && figure.numerator() != null && figure.numerator() >= minCount;
    }

    /** A share x / n may be shown when both x and n reach the minimum. */
    boolean shareShown(Figure figure) {
        return rateShown(figure) && figure.denominator() != null && figure.denominator() >= minCount;
    }

    boolean countShown(double numerator, double denominator, boolean share) {
        return numerator >= minCount && (!share || denominator >= minCount);
    }

    boolean complexShown(int dwellings) {
        return dwellings >= minDwellings;
    }
}
