package nl.leefbaar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The corpus of broken exports of issue 7 (the README's Reliability table lists the same
 * results): each gives a reject reason per row or a one-line refusal of the file, and
 * every valid row is still loaded.
 */
class ImportBadInputTests extends ImportTestSupport {

	static final String VALID = "R1,C1,,Lekkage,2025-06-02 10:15,,,";

	List<String> reportIds() {
		return jdbc.queryForList("select report_id from report order by report_id", String.class);
	}

	@Test
	void truncatedFileRejectsOnlyTheCutOffRecord() throws Exception {
		fixture.write("reports.csv", Fixture.REPORTS_HEADER + "\n" + VALID + "\nR2,C1,,\"Lekk");
		ImportResult result = importFolder();
		assertThat(reportIds()).containsExactly("R1");
		assertThat(Fixture.reject(result, "reports.csv", 3).get(3)).contains("ends inside a quoted field");
	}

	@Test
	void truncatedFileWithoutQuotesRejectsTheShortRecordForItsMissingValues() throws Exception {
		fixture.write("reports.csv", Fixture.REPORTS_HEADER + "\n" + VALID + "\nR2,C1,,Lekk");
		ImportResult result = importFolder();
		assertThat(reportIds()).containsExactly("R1");
		assertThat(Fixture.reject(result, "reports.csv", 3).get(3)).contains("missing value");
	}

	@Test
	void wrongDelimiterRefusesTheFileNamingTheMissingColumns() throws Exception {
		fixture.write("reports.csv",
				Fixture.REPORTS_HEADER.replace(',', '\t') + "\n" + VALID.replace(',', '\t') + "\n");
		assertThatThrownBy(this::importFolder).isInstanceOf(ImportException.class)
			.hasMessageStartingWith(
					"reports.csv: missing required columns report_id, complex_id, category, reported_at");
	}

	@Test
	void missingHeaderRefusesTheFile() throws Exception {
		fixture.write("reports.csv", VALID + "\nR2,C1,,Lekkage,2025-06-02 10:15,,,\n");
		assertThatThrownBy(this::importFolder).isInstanceOf(ImportException.class)
			.hasMessageContaining("missing required columns")
			.hasMessageContaining("the first line must be the header");
	}

	@Test
	void emptyFileIsRefused() throws Exception {
		fixture.write("reports.csv", "");
		assertThatThrownBy(this::importFolder).isInstanceOf(ImportException.class)
			.hasMessage("reports.csv: empty file (no header line)");
	}

	@Test
	void headerOnlyFileLoadsNothingAndIsFine() throws Exception {
		fixture.write("reports.csv", Fixture.REPORTS_HEADER + "\r\n");
		ImportResult result = importFolder();
		assertThat(result.byFile().get(2).rowsRead()).isZero();
		assertThat(reportIds()).isEmpty();
	}

	@Test
	void tenMegabyteFieldIsRejectedWithoutHoldingItAndLaterRowsStillLoad() throws Exception {
		Path reports = fixture.input.resolve("reports.csv");
		try (BufferedWriter w = Files.newBufferedWriter(reports, StandardCharsets.UTF_8)) {
			w.write("report_id,complex_id,category,reported_at,omschrijving\n");
			w.write("R1,C1,Lekkage,2025-06-02 10:15,kort\n");
			w.write("R2,C1,Lekkage,2025-06-02 10:15,\"");
			char[] block = new char[1 << 16];
			Arrays.fill(block, 'x');
			for (int i = 0; i < 160; i++) {
				w.write(block);
			}
			w.write("\"\nR3,C2,Lekkage,2025-06-02 10:15,kort\n");
		}
		ImportResult result = importFolder();
		assertThat(reportIds()).containsExactly("R1", "R3");
		List<String> reject = Fixture.reject(result, "reports.csv", 3);
		assertThat(reject.get(3)).isEqualTo("record longer than 1048576 bytes");
		assertThat(reject.get(4).length()).isLessThan(1100);
	}

	@Test
	void duplicateIdsWithDifferentContentKeepTheFirst() throws Exception {
		fixture.write("complexes.csv", """
				complex_id,name,neighbourhood_code,owner,dwellings
				C1,Gouvernestraat,BU01,Woonstad,120
				C2,Pretorialaan,BU02,Havensteder,80
				C1,Gouvernestraat,BU01,Woonstad,121
				C1,Gouvernestraat,BU01,Woonstad,120
				""");
		fixture.reports(VALID);
		ImportResult result = importFolder();
		assertThat(jdbc.queryForObject("select dwellings from complex where complex_id = 'C1'", Integer.class))
			.isEqualTo(120);
		assertThat(Fixture.reject(result, "complexes.csv", 4).get(3)).contains("other content than line 2");
		assertThat(result.byFile().get(1).rejected()).isEqualTo(1);
	}

	@Test
	void datesFrom1900And2100AreRejected() throws Exception {
		fixture.reports(VALID, "R2,C1,,Lekkage,1900-01-01 10:00,,,", "R3,C1,,Lekkage,01-01-2100 10:00,,,");
		ImportResult result = importFolder();
		assertThat(reportIds()).containsExactly("R1");
		assertThat(Fixture.reject(result, "reports.csv", 3).get(3)).contains("before 2000");
		assertThat(Fixture.reject(result, "reports.csv", 4).get(3)).contains("in the future");
	}

	@Test
	void negativeDwellingsAndUnknownNeighbourhoodRejectTheComplexAndItsReports() throws Exception {
		fixture.write("complexes.csv", """
				complex_id,name,neighbourhood_code,owner,dwellings
				C1,Gouvernestraat,BU01,Woonstad,120
				C2,Negatief,BU02,,-10
				C3,Nergens,BU42,,10
				""");
		fixture.reports(VALID, "R2,C2,,Lekkage,2025-06-02 10:15,,,", "R3,C3,,Lekkage,2025-06-02 10:15,,,");
		ImportResult result = importFolder();
		assertThat(reportIds()).containsExactly("R1");
		assertThat(Fixture.reject(result, "complexes.csv", 3).get(3)).contains("> 0, not -10");
		assertThat(Fixture.reject(result, "complexes.csv", 4).get(3)).isEqualTo("unknown neighbourhood 'BU42'");
		assertThat(Fixture.reject(result, "reports.csv", 3).get(3)).isEqualTo("unknown complex 'C2'");
		assertThat(Fixture.reject(result, "reports.csv", 4).get(3)).isEqualTo("unknown complex 'C3'");
	}

	@Test
	void reportClosedBeforeItWasReportedIsRejected() throws Exception {
		fixture.reports(VALID, "R2,C1,,Lekkage,02-06-2025 10:15,02-06-2025 10:14,,");
		ImportResult result = importFolder();
		assertThat(reportIds()).containsExactly("R1");
		assertThat(Fixture.reject(result, "reports.csv", 3).get(2)).isEqualTo("closed_at");
	}

	@Test
	void nulCharacterIsRejectedNotPassedToTheDatabase() throws Exception {
		fixture.reports(VALID, "R2,C1,D\u0000X,Lekkage,2025-06-02 10:15,,,");
		ImportResult result = importFolder();
		assertThat(reportIds()).containsExactly("R1");
		assertThat(Fixture.reject(result, "reports.csv", 3).get(3)).contains("NUL");
	}

}
