package nl.leefbaar.report.excel;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The funnel plot of complexes as a PNG, drawn elsewhere (Excel has no funnel chart). The
 * dashboard embeds it when a bean of this type exists and works without it.
 */
public interface FunnelImageSource {

	/**
	 * @param complexIds the complexes to draw, against the city's limits; null for every
	 * complex of the city. No other complex may be drawn: an owner's dashboard shows its
	 * own complexes only (outputs.md).
	 */
	Optional<byte[]> funnelPng(YearMonth month, Locale locale, List<String> complexIds, int widthPx, int heightPx);

}
