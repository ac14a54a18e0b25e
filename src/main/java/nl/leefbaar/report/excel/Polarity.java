package nl.leefbaar.report.excel;

/**
 * Which way a figure's change is good news: fewer reports and repeats are better, more
 * closed within target and a higher index are better; activities and participants are
 * neither (a rise reads "higher", not "better").
 */
enum Polarity {

	LOWER_IS_BETTER, HIGHER_IS_BETTER, NEUTRAL

}
