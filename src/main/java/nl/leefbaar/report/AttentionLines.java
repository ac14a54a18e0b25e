package nl.leefbaar.report;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import nl.leefbaar.system.LeefbaarProperties;

/**
 * The top of an owner's Aandacht list (outputs.md) in words, one complex a line, as the
 * owner's dashboard shows it: for whatever else tells the owner about the month, such as
 * the body of the message that delivers the dashboard.
 */
public interface AttentionLines {

	/**
	 * @param owner the owner's name as in complexes.csv
	 * @param limit at most this many lines
	 * @param settings the run's settings ({@code RunSettings}): the hotspot window the
	 * lines state
	 * @return the first lines of the owner's Aandacht list for the month, empty when
	 * nothing needs attention
	 */
	List<String> lines(YearMonth month, String owner, Locale locale, int limit, LeefbaarProperties settings);

}
