package nl.leefbaar.report.excel;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.apache.poi.ss.usermodel.Footer;
import org.apache.poi.ss.usermodel.Header;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The printed page's header and footer on every sheet of a workbook (outputs.md, "Every
 * sheet"): the workbook's title on the left and "data t/m <last report date>" on the
 * right of the header; the sheet's name and "page x of y" in the footer. Call it once
 * every sheet exists.
 * <p>
 * Excel reads {@code &} in a header as the start of a field ({@code &P} page, {@code &N}
 * pages, {@code &A} sheet): a title from the data has its {@code &} doubled, so that an
 * owner called "Wonen & Co" prints as such and no name can insert a field.
 */
final class Pages {

	/** Excel refuses a header or footer of more than 255 characters. */
	private static final int MAX_TITLE = 120;

	private Pages() {
	}

	static void mark(Workbook workbook, String title, LocalDate dataUntil, Labels labels) {
		for (Sheet sheet : workbook) {
			mark(sheet, title, dataUntil, labels);
		}
	}

	static void mark(Sheet sheet, String title, LocalDate dataUntil, Labels labels) {
		Header header = sheet.getHeader();
		header.setLeft(escape(title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) + "…" : title));
		header.setRight(escape(dataUntil(dataUntil, labels)));
		Footer footer = sheet.getFooter();
		footer.setLeft("&A");
		footer.setRight(escape(labels.get("page.page")) + " &P " + escape(labels.get("page.of")) + " &N");
	}

	/** "data t/m 31 oktober 2026": the last report date the figures rest on. */
	static String dataUntil(LocalDate day, Labels labels) {
		if (day == null) {
			return labels.get("page.no_data");
		}
		return labels.get("page.data_until") + " "
				+ day.format(DateTimeFormatter.ofPattern(labels.get("page.date_pattern"), labels.locale()));
	}

	/** A text as itself in a header or footer: every {@code &} doubled. */
	static String escape(String text) {
		return text.replace("&", "&&");
	}

}
