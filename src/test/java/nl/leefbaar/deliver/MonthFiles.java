package nl.leefbaar.deliver;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small city of three owners and a complex without one, in the database and as the
 * month's files the report step writes (named as outputs.md and the dashboard line's
 * contract say), each file holding exactly the complexes and dwellings it may hold.
 */
final class MonthFiles {

	/** Owner name to its complexes; each complex has one dwelling reference. */
	static final Map<String, List<String>> COMPLEXES = new LinkedHashMap<>();

	static final Map<String, String> SLUGS = Map.of("Havensteder", "havensteder", "Vestia", "vestia",
			"Woonstad Rotterdam", "woonstad-rotterdam");

	static final String WITHOUT_OWNER = "CX-NOBODY-1";

	static {
		COMPLEXES.put("Havensteder", List.of("CX-HAV-1", "CX-HAV-2"));
		COMPLEXES.put("Vestia", List.of("CX-VES-1"));
		COMPLEXES.put("Woonstad Rotterdam", List.of("CX-WOO-1", "CX-WOO-2"));
	}

	private MonthFiles() {
	}

	static String dwelling(String complex) {
		return "DW-" + complex.substring(3);
	}

	static List<String> allComplexes() {
		List<String> all = new ArrayList<>();
		COMPLEXES.values().forEach(all::addAll);
		all.add(WITHOUT_OWNER);
		return all;
	}

	/** The owners' complexes and one report on the 15th of the month. */
	static void insertCity(JdbcTemplate jdbc, String month) {
		jdbc.update("insert into neighbourhood values ('BU01', 'Oost', 'Wijk A')");
		COMPLEXES.forEach((owner, complexes) -> complexes.forEach(complex -> jdbc
			.update("insert into complex values (?, ?, 'BU01', ?, 40)", complex, "Flat " + complex, owner)));
		jdbc.update("insert into complex values (?, 'Flat zonder eigenaar', 'BU01', null, 40)", WITHOUT_OWNER);
		jdbc.update("""
				insert into report (report_id, complex_id, source_category, category, reported_at, reported_day)
				values ('R1', 'CX-HAV-1', 'x', 'pollution', ?::date, ?::date)
				""", month + "-15", month + "-15");
	}

	/** Every file of the month folder that delivery picks from, and some it must not. */
	static void write(Path monthFolder, String month) throws IOException {
		Files.createDirectories(monthFolder.resolve("charts"));
		for (var owner : COMPLEXES.entrySet()) {
			String slug = SLUGS.get(owner.getKey());
			workbook(monthFolder.resolve("dashboard-" + slug + "-" + month + ".xlsx"), owner.getValue(), true);
			Files.writeString(monthFolder.resolve("indicators-" + slug + ".csv"), indicators(month, owner.getValue()));
			Files.writeString(monthFolder.resolve("activity-effects-" + slug + ".csv"), effects(owner.getValue()));
		}
		workbook(monthFolder.resolve("dashboard-team-" + month + ".xlsx"), allComplexes(), true);
		Files.writeString(monthFolder.resolve("indicators.csv"), indicators(month, allComplexes()));
		Files.writeString(monthFolder.resolve("activity-effects.csv"), effects(allComplexes()));
		workbook(monthFolder.resolve("neighbourhoods-" + month + ".xlsx"), List.of(), false);
		Files.writeString(monthFolder.resolve("indicators-public.csv"), publicIndicators(month));
		Files.write(monthFolder.resolve("seminar-" + month + ".pptx"), new byte[] { 'p', 'p', 't', 'x' });
		Files.writeString(monthFolder.resolve("charts/funnel.svg"), "<svg>Oost</svg>");
		Files.write(monthFolder.resolve("charts/funnel.png"), new byte[] { (byte) 0x89, 'P', 'N', 'G' });
		Files.writeString(monthFolder.resolve("run-summary.json"), "{}");
	}

	static String indicators(String month, List<String> complexes) {
		StringBuilder csv = new StringBuilder(
				"period,level,unit_id,unit_name,category,indicator,value,numerator,denominator,ci_low,ci_high,flag\n");
		for (String complex : complexes) {
			csv.append(month)
				.append(",complex,")
				.append(complex)
				.append(",Flat ")
				.append(complex)
				.append(",all,reports,3,,,,,\n");
		}
		csv.append(month).append(",neighbourhood,BU01,Oost,all,reports,12,,,,,\n");
		csv.append(month).append(",city,city,Stad,all,reports,12,,,,,\n");
		return csv.toString();
	}

	private static String effects(List<String> complexes) {
		StringBuilder csv = new StringBuilder("activity_id,type,complex_id,neighbourhood_code,date,category\n");
		complexes.forEach(complex -> csv.append("A-")
			.append(complex)
			.append(",cleanup,")
			.append(complex)
			.append(",BU01,2000-01-10,pollution\n"));
		return csv.toString();
	}

	private static String publicIndicators(String month) {
		return "period,level,unit_id,unit_name,category,indicator,value\n" + month
				+ ",neighbourhood,BU01,Oost,all,reports,12\n" + month + ",city,city,Stad,all,reports,12\n";
	}

	/** A workbook naming these complexes and their dwellings in cells. */
	private static void workbook(Path file, List<String> complexes, boolean dwellings) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			XSSFSheet sheet = workbook.createSheet("Overzicht");
			sheet.createRow(0).createCell(0).setCellValue("Oost");
			for (int i = 0; i < complexes.size(); i++) {
				var row = sheet.createRow(i + 1);
				row.createCell(0).setCellValue(complexes.get(i));
				if (dwellings) {
					row.createCell(1).setCellValue(dwelling(complexes.get(i)));
				}
			}
			workbook.write(out);
		}
	}

}
