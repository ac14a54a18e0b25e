package nl.leefbaar.report.excel;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every label of the workbooks, from {@code i18n/workbook*.properties}: Dutch by default,
 * English for an English locale.
 */
final class Labels {

	private final ResourceBundle bundle;

	private final Locale locale;

	private Labels(ResourceBundle bundle, Locale locale) {
		this.bundle = bundle;
		this.locale = locale;
	}

	static Labels of(Locale locale) {
		// No fallback to the JVM's default locale: an English JVM must still write Dutch
		// for nl.
		ResourceBundle bundle = ResourceBundle.getBundle("i18n/workbook", locale,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
		return new Labels(bundle, locale);
	}

	Locale locale() {
		return locale;
	}

	String get(String key) {
		return bundle.getString(key);
	}

	String format(String key, Object... arguments) {
		return new MessageFormat(get(key), locale).format(arguments);
	}

	/**
	 * A label for a code from the data (category, type, flag); the code itself when
	 * unknown.
	 */
	String code(String prefix, String code) {
		if (code == null) {
			return "";
		}
		try {
			return bundle.getString(prefix + "." + code.replace(' ', '_'));
		}
		catch (MissingResourceException e) {
			return code;
		}
	}

	String category(String code) {
		return code("category", code);
	}

	String flag(String code) {
		return code("flag", code);
	}

	String month(YearMonth month) {
		return month.format(DateTimeFormatter.ofPattern("MMMM yyyy", locale));
	}

	/** A number in the reader's language: "48,2" in Dutch, "48.2" in English. */
	String number(double value, int decimals) {
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMinimumFractionDigits(decimals);
		format.setMaximumFractionDigits(decimals);
		return format.format(value);
	}

	/** A share 0..1 in per cent: "38 %" in Dutch, "38%" in English. */
	String percent(double share, int decimals) {
		return number(100 * share, decimals) + get("unit.percent");
	}

	/** "= 0,0026" or "< 0,0001", to follow "p " in a sentence. */
	String pStatement(double p) {
		return (p < 0.0001 ? "" : "= ") + pValue(p);
	}

	/** A p-value with two significant digits, "< 0,0001" below that. */
	String pValue(double p) {
		if (p < 0.0001) {
			return "< " + number(0.0001, 4);
		}
		int decimals = Math.max(2, 1 - (int) Math.floor(Math.log10(p)));
		return number(p, Math.min(decimals, 4));
	}

	/** A month as readers write it on an axis: "nov 2024" / "Nov 2024". */
	String axisMonth(YearMonth month) {
		return month.format(DateTimeFormatter.ofPattern("MMM yyyy", locale)).replace(".", "");
	}

	/**
	 * Short month for chart axes and trend tables: always yyyy-mm, which sorts and reads
	 * in both languages.
	 */
	static String shortMonth(YearMonth month) {
		return month.toString();
	}

}
