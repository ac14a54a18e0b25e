package nl.leefbaar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * One test per row rule of input-format.md: the bad row is rejected with a reason, its
 * neighbours load.
 */
class ImportRulesTests extends ImportTestSupport {

	static final String GOOD = "R1,C1,D-1,Lekkage,2025-06-02 10:15,2025-06-03 09:00,phone,visit";

	/**
	 * Imports reports.csv with GOOD on line 2 and the bad row on line 3; returns the bad
	 * row's reject.
	 */
	List<String> rejectOfReport(String badRow) throws Exception {
		fixture.reports(GOOD, badRow);
		ImportResult result = service.importFolder(fixture.input, fixture.output);
		assertThat(reportIds()).containsExactly("R1");
		assertThat(result.rejected()).isEqualTo(1);
		return Fixture.reject(result, "reports.csv", 3);
	}

	List<String> reportIds() {
		return jdbc.queryForList("select report_id from report order by report_id", String.class);
	}

	@Test
	void rejectsReportClosedBeforeReported() throws Exception {
		List<String> reject = rejectOfReport("R2,C1,,Lekkage,2025-06-02 10:15,2025-06-01 09:00,,");
		assertThat(reject.get(2)).isEqualTo("closed_at");
		assertThat(reject.get(3)).contains("before reported_at");
		assertThat(reject.get(4)).isEqualTo("R2,C1,,Lekkage,2025-06-02 10:15,2025-06-01 09:00,,");
	}

	@Test
	void rejectsReportInTheFuture() throws Exception {
		List<String> reject = rejectOfReport("R2,C1,,Lekkage,2026-01-15 14:00,,,");
		assertThat(reject.get(2)).isEqualTo("reported_at");
		assertThat(reject.get(3)).contains("in the future");
	}

	@Test
	void rejectsReportClosedInTheFuture() throws Exception {
		List<String> reject = rejectOfReport("R2,C1,,Lekkage,2025-06-02 10:15,2027-01-01 10:00,,");
		assertThat(reject.get(2)).isEqualTo("closed_at");
		assertThat(reject.get(3)).contains("in the future");
	}

	@Test
	void rejectsReportOfUnknownComplex() throws Exception {
		List<String> reject = rejectOfReport("R2,C9,,Lekkage,2025-06-02 10:15,,,");
		assertThat(reject.get(2)).isEqualTo("complex_id");
		assertThat(reject.get(3)).isEqualTo("unknown complex 'C9'");
	}

	@Test
	void rejectsReportWithoutRequiredValue() throws Exception {
		List<String> reject = rejectOfReport("R2,C1,,,2025-06-02 10:15,,,");
		assertThat(reject.get(2)).isEqualTo("category");
		assertThat(reject.get(3)).contains("missing value");
	}

	@Test
	void rejectsUnparseableTimestamp() throws Exception {
		List<String> reject = rejectOfReport("R2,C1,,Lekkage,2 juni 2025,,,");
		assertThat(reject.get(2)).isEqualTo("reported_at");
		assertThat(reject.get(3)).contains("not a timestamp");
	}

	@Test
	void rejectsImpossibleCalendarDate() throws Exception {
		List<String> reject = rejectOfReport("R2,C1,,Lekkage,31-02-2025 10:00,,,");
		assertThat(reject.get(3)).contains("not a timestamp");
	}

	@Test
	void rejectsReportFrom1900() throws Exception {
		List<String> reject = rejectOfReport("R2,C1,,Lekkage,01-01-1900 10:00,,,");
		assertThat(reject.get(3)).contains("before 2000");
	}

	@Test
	void rejectsReportFrom2100() throws Exception {
		List<String> reject = rejectOfReport("R2,C1,,Lekkage,2100-01-01 10:00,,,");
		assertThat(reject.get(3)).contains("in the future");
	}

	@Test
	void rejectsUnknownFollowUp() throws Exception {
		List<String> reject = rejectOfReport("R2,C1,,Lekkage,2025-06-02 10:15,,phone,koffie");
		assertThat(reject.get(2)).isEqualTo("follow_up");
		assertThat(reject.get(3)).contains("not a follow-up");
	}

	@Test
	void acceptsEveryFollowUpOfTheContractInAnyCaseAndEmpty() throws Exception {
		fixture.reports("R1,C1,,Lekkage,2025-06-02 10:15,,,VISIT", "R2,C1,,Lekkage,2025-06-02 10:15,,,conversation",
				"R3,C1,,Lekkage,2025-06-02 10:15,,,referral", "R4,C1,,Lekkage,2025-06-02 10:15,,,accompaniment",
				"R5,C1,,Lekkage,2025-06-02 10:15,,,mediation", "R6,C1,,Lekkage,2025-06-02 10:15,,,none",
				"R7,C1,,Lekkage,2025-06-02 10:15,,,");
		ImportResult result = service.importFolder(fixture.input, fixture.output);
		assertThat(result.rejected()).isZero();
		assertThat(jdbc.queryForList("select follow_up from report order by report_id", String.class))
			.containsExactly("visit", "conversation", "referral", "accompaniment", "mediation", "none", null);
	}

	@Test
	void rejectsComplexWithoutPositiveWholeDwellings() throws Exception {
		fixture.write("complexes.csv", """
				complex_id,name,neighbourhood_code,owner,dwellings
				C1,Gouvernestraat,BU01,Woonstad,120
				C2,Nul,BU01,,0
				C3,Negatief,BU01,,-5
				C4,Tekst,BU01,,veel
				C5,Zonder,BU01,,
				""");
		fixture.reports(GOOD);
		ImportResult result = service.importFolder(fixture.input, fixture.output);
		assertThat(jdbc.queryForList("select complex_id from complex", String.class)).containsExactly("C1");
		assertThat(Fixture.reject(result, "complexes.csv", 3).get(3)).contains("> 0");
		assertThat(Fixture.reject(result, "complexes.csv", 4).get(3)).contains("> 0, not -5");
		assertThat(Fixture.reject(result, "complexes.csv", 5).get(3)).contains("not a whole number");
		assertThat(Fixture.reject(result, "complexes.csv", 6).get(3)).contains("missing value");
	}

	@Test
	void rejectsComplexInUnknownNeighbourhood() throws Exception {
		fixture.write("complexes.csv", """
				complex_id,name,neighbourhood_code,owner,dwellings
				C1,Gouvernestraat,BU01,Woonstad,120
				C2,Elders,BU99,,40
				""");
		fixture.reports(GOOD);
		ImportResult result = service.importFolder(fixture.input, fixture.output);
		assertThat(jdbc.queryForList("select complex_id from complex", String.class)).containsExactly("C1");
		List<String> reject = Fixture.reject(result, "complexes.csv", 3);
		assertThat(reject.get(2)).isEqualTo("neighbourhood_code");
		assertThat(reject.get(3)).isEqualTo("unknown neighbourhood 'BU99'");
	}

	@Test
	void acceptsComplexWhoseNeighbourhoodIsAlreadyInTheDatabase() throws Exception {
		fixture.reports(GOOD);
		service.importFolder(fixture.input, fixture.output);
		Files.delete(fixture.input.resolve("neighbourhoods.csv"));
		fixture.write("complexes.csv", "complex_id,name,neighbourhood_code,dwellings\nC3,Nieuw,BU02,10\n");
		ImportResult result = service.importFolder(fixture.input, fixture.output);
		assertThat(result.rejected()).isZero();
		assertThat(jdbc.queryForObject("select neighbourhood_code from complex where complex_id = 'C3'", String.class))
			.isEqualTo("BU02");
	}

	@Test
	void rejectsActivityWithBothOrNeitherPlace() throws Exception {
		fixture.reports(GOOD);
		fixture.activities("A1,C1,,cleanup,2025-06-10,12,pollution", "A2,C1,BU01,meeting,2025-06-10,,",
				"A3,,,meeting,2025-06-10,,");
		ImportResult result = service.importFolder(fixture.input, fixture.output);
		assertThat(jdbc.queryForList("select activity_id from activity", String.class)).containsExactly("A1");
		assertThat(Fixture.reject(result, "activities.csv", 3).get(3)).contains("exactly one of");
		assertThat(Fixture.reject(result, "activities.csv", 4).get(3)).contains("exactly one of");
	}

	@Test
	void rejectsActivityAtUnknownPlace() throws Exception {
		fixture.reports(GOOD);
		fixture.activities("A1,,BU02,meeting,2025-06-10,,", "A2,C7,,cleanup,2025-06-10,,",
				"A3,,BU77,meeting,2025-06-10,,");
		ImportResult result = service.importFolder(fixture.input, fixture.output);
		assertThat(jdbc.queryForList("select activity_id from activity", String.class)).containsExactly("A1");
		assertThat(Fixture.reject(result, "activities.csv", 3).get(3)).isEqualTo("unknown complex 'C7'");
		assertThat(Fixture.reject(result, "activities.csv", 4).get(3)).isEqualTo("unknown neighbourhood 'BU77'");
	}

	@Test
	void rejectsActivityOfUnknownType() throws Exception {
		fixture.reports(GOOD);
		fixture.activities("A1,C1,,GREENING,2025-06-10,,", "A2,C1,,barbecue,2025-06-10,,");
		ImportResult result = service.importFolder(fixture.input, fixture.output);
		assertThat(jdbc.queryForList("select type from activity", String.class)).containsExactly("greening");
		assertThat(Fixture.reject(result, "activities.csv", 3).get(2)).isEqualTo("type");
	}

	@Test
	void rejectsNegativeOrFractionalParticipants() throws Exception {
		fixture.reports(GOOD);
		fixture.activities("A1,C1,,cleanup,2025-06-10,0,", "A2,C1,,cleanup,2025-06-10,-1,",
				"A3,C1,,cleanup,2025-06-10,2.5,");
		ImportResult result = service.importFolder(fixture.input, fixture.output);
		assertThat(jdbc.queryForList("select activity_id from activity", String.class)).containsExactly("A1");
		assertThat(Fixture.reject(result, "activities.csv", 3).get(3)).contains(">= 0");
		assertThat(Fixture.reject(result, "activities.csv", 4).get(3)).contains("not a whole number");
	}

	@Test
	void mapsAddressedCategoryAndRejectsAnUnknownOne() throws Exception {
		fixture.reports(GOOD);
		fixture.activities("A1,C1,,cleanup,2025-06-10,,Zwerfafval", "A2,C1,,cleanup,2025-06-10,,Pollution",
				"A3,C1,,cleanup,2025-06-10,,", "A4,C1,,cleanup,2025-06-10,,iets anders");
		ImportResult result = service.importFolder(fixture.input, fixture.output);
		assertThat(jdbc.queryForList("select addresses_category from activity order by activity_id", String.class))
			.containsExactly("pollution", "pollution", null);
		assertThat(Fixture.reject(result, "activities.csv", 5).get(2)).isEqualTo("addresses_category");
	}

	@Test
	void rejectsActivityDatesOutOfRangeOrUnparseable() throws Exception {
		fixture.reports(GOOD);
		fixture.activities("A1,C1,,cleanup,10-06-2025,,", "A2,C1,,cleanup,1900-06-10,,", "A3,C1,,cleanup,2100-06-10,,",
				"A4,C1,,cleanup,volgende week,,");
		ImportResult result = service.importFolder(fixture.input, fixture.output);
		assertThat(jdbc.queryForList("select date::text from activity", String.class)).containsExactly("2025-06-10");
		assertThat(Fixture.reject(result, "activities.csv", 3).get(3)).contains("before 2000");
		assertThat(Fixture.reject(result, "activities.csv", 4).get(3)).contains("in the future");
		assertThat(Fixture.reject(result, "activities.csv", 5).get(3)).contains("not a date");
	}

	@Test
	void keepsFirstRowOfADuplicateIdAndRejectsALaterDifferentOne() throws Exception {
		fixture.reports(GOOD, "R2,C1,,Lekkage,2025-06-05 10:00,,,", GOOD, "R1,C2,,Graffiti,2025-06-02 10:15,,,");
		ImportResult result = service.importFolder(fixture.input, fixture.output);
		assertThat(reportIds()).containsExactly("R1", "R2");
		assertThat(jdbc.queryForObject("select complex_id from report where report_id = 'R1'", String.class))
			.isEqualTo("C1");
		assertThat(result.rejected()).isEqualTo(1);
		List<String> reject = Fixture.reject(result, "reports.csv", 5);
		assertThat(reject.get(2)).isEqualTo("report_id");
		assertThat(reject.get(3)).contains("other content than line 2");
		assertThat(reject.get(4)).isEqualTo("R1,C2,,Graffiti,2025-06-02 10:15,,,");
		ImportResult.FileCounts reports = result.byFile().get(2);
		assertThat(reports.rowsRead()).isEqualTo(4);
		assertThat(reports.loaded()).isEqualTo(3);
		assertThat(reports.newRows()).isEqualTo(2);
		assertThat(reports.unchanged()).isEqualTo(1); // the exact repeat of line 2
	}

	@Test
	void mapsUnmappedCategoryToOtherAndCountsIt() throws Exception {
		fixture.reports(GOOD, "R2,C1,,Kapotte lift,2025-06-02 10:15,,,", "R3,C1,,kapotte lift,2025-06-02 10:15,,,",
				"R4,C1,,  SAFETY ,2025-06-02 10:15,,,");
		ImportResult result = service.importFolder(fixture.input, fixture.output);
		assertThat(result.unmapped()).isEqualTo(2);
		assertThat(jdbc.queryForList("select category from report order by report_id", String.class))
			.containsExactly("damage", "other", "other", "safety");
		assertThat(jdbc.queryForObject("select source_category from report where report_id = 'R2'", String.class))
			.isEqualTo("Kapotte lift");
		assertThat(jdbc.queryForObject("select unmapped_categories from import_run", Long.class)).isEqualTo(2);
	}

	@Test
	void usesTheMappingFileOfTheInputFolderInsteadOfTheDefault() throws Exception {
		fixture.write("category-mapping.csv", "source_category;category\n  KAPOTTE LIFT ;damage\nLekkage;other\n");
		fixture.reports(GOOD, "R2,C1,,Kapotte lift,2025-06-02 10:15,,,");
		ImportResult result = service.importFolder(fixture.input, fixture.output);
		assertThat(jdbc.queryForList("select category from report order by report_id", String.class))
			.containsExactly("other", "damage");
		assertThat(result.unmapped()).isZero();
		assertThat(result.inputFiles()).isEqualTo(4);
	}

	@Test
	void refusesMappingFileWithANonCanonicalCategory() throws Exception {
		fixture.write("category-mapping.csv", "source_category,category\nLekkage,water\n");
		fixture.reports(GOOD);
		Assertions.assertThatThrownBy(() -> service.importFolder(fixture.input, fixture.output))
			.isInstanceOf(ImportException.class)
			.hasMessage("category-mapping.csv line 2: 'water' is not a canonical category (neighbour_nuisance,"
					+ " pollution, damage, safety, social, public_space, other)");
	}

}
