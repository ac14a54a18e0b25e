package nl.leefbaar.report.excel;

import nl.leefbaar.system.LeefbaarProperties;

/**
 * The small-number rules for outside readers (indicators.md, Publishing small numbers):
 * counts 1..minCount-1 appear as {@code <5}; a rate or share built on such a count is not
 * shown (nor its interval, flag, rank or change); complexes under minDwellings appear
 * only inside their neighbourhood's totals. The same reading as indicators-public.csv
 * (IndicatorExports.hidden): a count of 0 hides nothing, and the index, built on no
 * single count, stays.
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
		}
		else {
			w.number(column, count, Styles.INTEGER);
		}
	}

	/** A count from 1 to minCount - 1: the ones the rules hide (0 reveals nobody). */
	boolean small(Double count) {
		return count != null && count >= 1 && count < minCount;
	}

	/** A rate per dwellings is shown unless the count it is built on is small. */
	boolean rateShown(Figure figure) {
		return figure.value() != null && !small(figure.numerator());
	}

	/** A share x / n is shown unless x or n is small. */
	boolean shareShown(Figure figure) {
		return rateShown(figure) && !small(figure.denominator());
	}

	boolean countShown(double numerator, double denominator, boolean share) {
		return !small(numerator) && (!share || !small(denominator));
	}

	boolean complexShown(int dwellings) {
		return dwellings >= minDwellings;
	}

}
