package nl.leefbaar.report.excel;

import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;

/**
 * The funnel plot of complexes as a PNG, drawn elsewhere (Excel has no funnel chart). The
 * dashboard embeds it when a bean of this type exists and works without it.
 */
public interface FunnelImageSource {

	Optional<byte[]> funnelPng(YearMonth month, Locale locale, int widthPx, int heightPx);

}
