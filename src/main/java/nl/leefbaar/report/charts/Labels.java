package nl.leefbaar.report.charts;

import java.math.RoundingMode;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

import nl.leefbaar.report.ReportWriter.ReportScope;

/**
 * The words on the charts and in the deck, from i18n/charts*.properties: Dutch by
 * default, English when the request's locale is English. Numbers and months follow the
 * same locale.
 */
public final class Labels {

	private static final String BUNDLE = "i18n.charts";

	private final Locale locale;

	private final ResourceBundle bundle;

	public Labels(Locale locale) {
		this.locale = isEnglish(locale) ? Locale.ENGLISH : Locale.forLanguageTag("nl-NL");
		// No fallback to the JVM's default locale: on an English server Dutch must stay
		// Dutch.
		this.bundle = ResourceBundle.getBundle(BUNDLE, isEnglish(locale) ? Locale.ENGLISH : Locale.ROOT,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
	}

	private static boolean isEnglish(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage());
	}

	public Locale locale() {
		return locale;
	}

	public String get(String key) {
		return bundle.getString(key);
	}

	public String get(String key, Object... args) {
		MessageFormat format = new MessageFormat(bundle.getString(key), locale);
		return format.format(args);
	}

	public String category(String code) {
		String key = "category." + code;
		return bundle.containsKey(key) ? bundle.getString(key) : code;
	}

	public String activity(String code) {
		String key = "activity." + code;
		return bundle.containsKey(key) ? bundle.getString(key) : code;
	}

	public String flag(String flag) {
		String key = "flag." + (flag == null ? "none" : flag);
		return bundle.containsKey(key) ? bundle.getString(key) : flag;
	}

	/** "november 2026" / "November 2026". */
	public String month(YearMonth month) {
		return DateTimeFormatter.ofPattern("MMMM yyyy", locale).format(month);
	}

	/** "12 maart 2024" / "12 March 2024". */
	public String day(LocalDate day) {
		return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(day);
	}

	public String source(YearMonth month) {
		return get("source", month(month));
	}

	public String scope(ReportScope scope, String neighbourhoodName) {
		if (scope == null || scope.isCity()) {
			return get("scope.city");
		}
		if (scope.neighbourhoodCode() != null) {
			return get("scope.neighbourhood",
					neighbourhoodName != null ? neighbourhoodName : scope.neighbourhoodCode());
		}
		if (scope.complexIds().size() == 1) {
			return get("scope.complex", scope.complexIds().get(0));
		}
		return get("scope.complexes", scope.complexIds().size());
	}

	public String number(double value, int decimals) {
		return numberFormat(decimals).format(value);
	}

	/** A share 0..1 as "23 %" (Dutch) or "23%" (English). */
	public String percent(double share, int decimals) {
		String n = number(share * 100, decimals);
		return "en".equals(locale.getLanguage()) ? n + "%" : n + " %";
	}

	/**
	 * A relative change as "-6 %" or "+4 %", with a real minus sign avoided for fonts'
	 * sake.
	 */
	public String change(double relative) {
		String sign = relative > 0 ? "+" : relative < 0 ? "-" : "";
		return sign + percent(Math.abs(relative), 0);
	}

	public NumberFormat numberFormat(int decimals) {
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMinimumFractionDigits(decimals);
		format.setMaximumFractionDigits(decimals);
		// Halves round up on slides, as readers do by hand (the default rounds them to
		// even).
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format;
	}

	public NumberFormat percentFormat() {
		NumberFormat format = NumberFormat.getPercentInstance(locale);
		format.setMaximumFractionDigits(0);
		return format;
	}

}
