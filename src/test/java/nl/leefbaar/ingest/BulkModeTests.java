package nl.leefbaar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bulk mode (normally from 100,000 rows; here from 2) gives the same rows, counts and
 * schema.
 */
class BulkModeTests extends ImportTestSupport {

	@BeforeEach
	void inBulkFromTwoRows() {
		service = service.withBulkFrom(2);
	}

	List<String> schemaOf(String... tables) {
		return jdbc.queryForList("""
				select conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
				where conrelid = any(?::regclass[])
				union all
				select indexdef from pg_indexes where tablename = any(?)
				order by 1""", String.class, tables, tables);
	}

	@Test
	void bulkLoadsIntoEmptyAndFilledTablesAndLeavesTheSchemaAsItWas() throws Exception {
		String[] tables = { "report", "activity", "complex", "neighbourhood" };
		List<String> schemaBefore = schemaOf(tables);
		fixture.reports("R1,C1,,Lekkage,2025-06-02 10:15,,,", "R2,C2,,Graffiti,2025-06-03 10:15,,,",
				"R3,C2,,Graffiti,2025-06-04 10:15,,,", "R1,C2,,Graffiti,2025-06-02 10:15,,,");
		ImportResult first = service.importFolder(fixture.input, fixture.output);

		assertThat(first.byFile().get(2).newRows()).isEqualTo(3);
		assertThat(first.byFile().get(2).rejected()).isEqualTo(1);
		assertThat(schemaOf(tables)).isEqualTo(schemaBefore);

		fixture.reports("R3,C2,,Graffiti,2025-06-04 10:15,2025-06-05 10:00,,", "R4,C1,,Lekkage,2025-06-06 10:15,,,",
				"R5,C1,,Lekkage,2025-06-06 10:15,,,", "R6,C1,,Lekkage,2025-06-06 10:15,,,");
		ImportResult second = service.importFolder(fixture.input, fixture.output);

		assertThat(second.byFile().get(2).newRows()).isEqualTo(3);
		assertThat(second.byFile().get(2).changed()).isEqualTo(1);
		assertThat(schemaOf(tables)).isEqualTo(schemaBefore);
		assertThat(jdbc.queryForList("select report_id from report order by 1", String.class)).containsExactly("R1",
				"R2", "R3", "R4", "R5", "R6");
		assertThat(jdbc.queryForObject("select complex_id from report where report_id = 'R1'", String.class))
			.isEqualTo("C1");
	}

	@Test
	void anUnchangedReReadWritesNothingAndLeavesTheIndexesAlone() throws Exception {
		fixture.reports("R1,C1,,Lekkage,2025-06-02 10:15,,,", "R2,C2,,Graffiti,2025-06-03 10:15,,,",
				"R3,C2,,Graffiti,2025-06-04 10:15,2025-06-05 10:00,,");
		service.importFolder(fixture.input, fixture.output);
		List<Long> indexes = jdbc.queryForList(
				"select indexrelid::bigint from pg_index where indrelid = 'report'::regclass order by 1", Long.class);
		List<String> versions = jdbc.queryForList("select xmin || '/' || xmax from report order by report_id",
				String.class);

		ImportResult again = service.importFolder(fixture.input, fixture.output);

		assertThat(again.byFile().get(2).unchanged()).isEqualTo(3);
		assertThat(jdbc.queryForList(
				"select indexrelid::bigint from pg_index where indrelid = 'report'::regclass order by 1", Long.class))
			.as("no index built again")
			.isEqualTo(indexes);
		assertThat(jdbc.queryForList("select xmin || '/' || xmax from report order by report_id", String.class))
			.as("no row written, not even locked")
			.isEqualTo(versions);
	}

	@Test
	void copiesUniqueIdsStraightIntoAnEmptyTableAndCountsRejects() throws Exception {
		String[] tables = { "report" };
		List<String> schemaBefore = schemaOf(tables);
		fixture.reports("R1,C1,,Lekkage,2025-06-02 10:15,,,", "R2,C2,,Graffiti,2025-06-03 10:15,,,",
				"R3,C9,,Graffiti,2025-06-04 10:15,,,");
		ImportResult result = service.importFolder(fixture.input, fixture.output);

		assertThat(result.byFile().get(2).newRows()).isEqualTo(2);
		assertThat(result.byFile().get(2).rejected()).isEqualTo(1);
		assertThat(Fixture.rejects(result.rejectsFile())).hasSize(1);
		assertThat(schemaOf(tables)).isEqualTo(schemaBefore);
		assertThat(jdbc.queryForObject("select reported_day::text from report where report_id = 'R2'", String.class))
			.isEqualTo("2025-06-03");
	}

	@Test
	void fallsBackToStagingWithoutWritingRejectsTwice() throws Exception {
		fixture.reports("R1,C1,,Lekkage,2025-06-02 10:15,,,", "R2,C9,,Graffiti,2025-06-03 10:15,,,",
				"R1,C1,,Lekkage,2025-06-02 10:15,,,");
		ImportResult result = service.importFolder(fixture.input, fixture.output);

		assertThat(Fixture.rejects(result.rejectsFile())).hasSize(1);
		ImportResult.FileCounts reports = result.byFile().get(2);
		assertThat(reports.rejected()).isEqualTo(1);
		assertThat(reports.newRows()).isEqualTo(1);
		assertThat(reports.unchanged()).isEqualTo(1);
	}

}
