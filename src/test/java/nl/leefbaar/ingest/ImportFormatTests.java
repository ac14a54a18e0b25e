package nl.leefbaar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;

import nl.leefbaar.system.LeefbaarProperties;
import org.junit.jupiter.api.Test;

/**
 * The common rules of input-format.md: encodings, delimiters, quoting, headers, times,
 * upserts.
 */
class ImportFormatTests extends ImportTestSupport {

	List<Map<String, Object>> reports() {
		return jdbc.queryForList("""
				select report_id, complex_id, dwelling_ref, source_category, category, reported_at::text as reported_at,
				       reported_day::text as reported_day, closed_at::text as closed_at, channel, follow_up
				from report order by report_id""");
	}

	@Test
	void readsSemicolonDelimitedDutchExportWithBomAndCrlf() throws Exception {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		String text = "Report_ID;COMPLEX_ID;Category;Reported_At;Closed_At\r\n"
				+ "R1;C1;Lekkage;02-06-2025 10:15;03-06-2025 09:00\r\n"
				+ "R2;C2;\"Rommel; in portiek\";2-6-2025 11:00;\r\n";
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.write(bom);
		bytes.write(text.getBytes(StandardCharsets.UTF_8));
		fixture.writeBytes("reports.csv", bytes.toByteArray());

		ImportResult result = importFolder();

		assertThat(result.rejected()).isZero();
		assertThat(reports()).extracting(r -> r.get("report_id")).containsExactly("R1", "R2");
		assertThat(reports().get(0).get("reported_at")).isEqualTo("2025-06-02 08:15:00+00");
		assertThat(reports().get(1).get("source_category")).isEqualTo("Rommel; in portiek");
	}

	@Test
	void readsCommaDelimitedIsoExportWithoutBomAndWithLf() throws Exception {
		fixture.write("reports.csv", "category,reported_at,complex_id,report_id\nLekkage,2025-06-02T10:15:30,C1,R1\n");
		ImportResult result = importFolder();
		assertThat(result.loaded()).isEqualTo(5);
		assertThat(reports().get(0).get("reported_at")).isEqualTo("2025-06-02 08:15:30+00");
	}

	@Test
	void keepsLineNumbersRightAfterAQuotedFieldWithEmbeddedNewlines() throws Exception {
		fixture.write("reports.csv",
				"report_id,complex_id,category,reported_at,omschrijving\n"
						+ "R1,C1,Lekkage,2025-06-02 10:15,\"water\r\nuit het plafond\nbij de buren\"\n"
						+ "R2,C9,Lekkage,2025-06-02 10:15,\n");
		ImportResult result = importFolder();
		assertThat(result.rejected()).isEqualTo(1);
		List<String> reject = Fixture.reject(result, "reports.csv", 5);
		assertThat(reject.get(3)).isEqualTo("unknown complex 'C9'");
	}

	@Test
	void keepsQuotedValuesExactly() throws Exception {
		fixture.write("reports.csv", "report_id,complex_id,category,reported_at,channel\n"
				+ "\"R1\",C1,\"Lekkage\",2025-06-02 10:15,\"walk-in \"\"balie\"\"\"\n");
		importFolder();
		assertThat(reports().get(0).get("channel")).isEqualTo("walk-in \"balie\"");
	}

	@Test
	void refusesFileThatIsNotValidUtf8NamingOffsetAndLine() throws Exception {
		byte[] head = "report_id,complex_id,category,reported_at\nR1,C1,Lekkage,2025-06-02 10:15\nR2,C1,Lekk"
			.getBytes(StandardCharsets.UTF_8);
		byte[] bad = { (byte) 0xE9 }; // Latin-1 é
		byte[] tail = "ge,2025-06-02 10:15\n".getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.write(head);
		bytes.write(bad);
		bytes.write(tail);
		fixture.writeBytes("reports.csv", bytes.toByteArray());

		assertThatThrownBy(this::importFolder).isInstanceOf(ImportException.class)
			.hasMessage("reports.csv: not valid UTF-8: bad byte at offset " + head.length
					+ " (line 3); the file is refused as a whole");
		assertThat(jdbc.queryForObject("select count(*) from report", Long.class)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from complex", Long.class)).isZero();
	}

	@Test
	void refusesFileWithoutARequiredColumnInOneLine() throws Exception {
		fixture.write("reports.csv", "report_id,complex_id,reported_at\nR1,C1,2025-06-02 10:15\n");
		assertThatThrownBy(this::importFolder).isInstanceOf(ImportException.class)
			.hasMessageStartingWith("reports.csv: missing required column category in the header line")
			.satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
	}

	@Test
	void ignoresUnknownColumnsAndNeverStoresFreeText() throws Exception {
		String secret = "Mevrouw Jansen, Kerkstraat 5: buurman schreeuwt";
		fixture.write("reports.csv", "report_id,naam,complex_id,adres,category,omschrijving,reported_at\n"
				+ "R1,Jansen,C1,Kerkstraat 5,Burenoverlast,\"" + secret + "\",2025-06-02 10:15\n");
		ImportResult result = importFolder();
		assertThat(result.loaded()).isEqualTo(5);
		List<String> textColumns = jdbc.queryForList(
				"""
						select format('select count(*) from %I where %I::text like ''%%Kerkstraat%%'' or %I::text like ''%%Jansen%%''',
						              table_name, column_name, column_name)
						from information_schema.columns
						where table_schema = current_schema() and data_type = 'text'
						""",
				String.class);
		assertThat(textColumns).isNotEmpty();
		for (String query : textColumns) {
			assertThat(jdbc.queryForObject(query, Long.class)).as(query).isZero();
		}
	}

	@Test
	void resolvesLocalTimeInTheSpringGapByMovingItForward() throws Exception {
		// 2025-03-30 02:30 does not exist in Amsterdam: clocks jump from 02:00 to 03:00
		// (+01:00 to +02:00)
		fixture.reports("R1,C1,,Lekkage,2025-03-30 02:30,,,", "R2,C1,,Lekkage,30-03-2025 01:59:59,,,");
		importFolder();
		assertThat(reports().get(0).get("reported_at")).isEqualTo("2025-03-30 01:30:00+00"); // 03:30+02:00
		assertThat(reports().get(1).get("reported_at")).isEqualTo("2025-03-30 00:59:59+00");
		assertThat(reports().get(0).get("reported_day")).isEqualTo("2025-03-30");
	}

	@Test
	void resolvesLocalTimeInTheAutumnOverlapToTheEarlierOffset() throws Exception {
		// 2025-10-26 02:30 happens twice in Amsterdam; java.time takes the earlier one,
		// +02:00
		fixture.reports("R1,C1,,Lekkage,2025-10-26 02:30,,,", "R2,C1,,Lekkage,2025-10-26T02:30+01:00,,,");
		importFolder();
		assertThat(reports().get(0).get("reported_at")).isEqualTo("2025-10-26 00:30:00+00");
		assertThat(reports().get(1).get("reported_at")).isEqualTo("2025-10-26 01:30:00+00");
	}

	@Test
	void takesTheReportedDayInAmsterdamEvenWhenTheTimeHasAnotherOffset() throws Exception {
		fixture.reports("R1,C1,,Lekkage,2025-06-01T23:30Z,,,", "R2,C1,,Lekkage,2025-06-02 00:30 +02:00,,,");
		importFolder();
		assertThat(reports().get(0).get("reported_day")).isEqualTo("2025-06-02");
		assertThat(reports().get(1).get("reported_day")).isEqualTo("2025-06-02");
	}

	@Test
	void reimportOfTheSameExportChangesNothing() throws Exception {
		fixture.reports("R1,C1,D-1,Lekkage,2025-06-02 10:15,2025-06-03 09:00,phone,visit",
				"R2,C2,,Graffiti,2025-06-04 10:00,,,");
		fixture.activities("A1,C1,,cleanup,2025-06-10,12,pollution");
		ImportResult first = importFolder();
		List<Map<String, Object>> before = reports();

		ImportResult second = importFolder();

		assertThat(first.newRows()).isEqualTo(7);
		assertThat(second.newRows()).isZero();
		assertThat(second.changed()).isZero();
		assertThat(second.unchanged()).isEqualTo(7);
		assertThat(reports()).isEqualTo(before);
		assertThat(jdbc.queryForObject("select count(*) from import_run", Long.class)).isEqualTo(2);
	}

	@Test
	void overlappingLaterExportAddsNewAndUpdatesChangedRowsOnly() throws Exception {
		fixture.reports("R1,C1,,Lekkage,2025-06-02 10:15,,,", "R2,C2,,Graffiti,2025-06-04 10:00,,,");
		importFolder();
		fixture.reports("R2,C2,,Graffiti,2025-06-04 10:00,2025-06-06 12:00,,visit",
				"R3,C1,,Lekkage,2025-06-08 10:15,,,");

		ImportResult later = importFolder();

		ImportResult.FileCounts reports = later.byFile().get(2);
		assertThat(reports.newRows()).isEqualTo(1);
		assertThat(reports.changed()).isEqualTo(1);
		assertThat(reports.unchanged()).isZero();
		assertThat(later.unchanged()).isEqualTo(4); // neighbourhoods and complexes
		assertThat(reports()).extracting(r -> r.get("report_id")).containsExactly("R1", "R2", "R3");
		assertThat(reports().get(1).get("follow_up")).isEqualTo("visit");
	}

	@Test
	void failsWhenRejectsExceedTheShareAndCommitsNothing() throws Exception {
		ImportService strict = importService.with(ImportTestSupport.NOW, new LeefbaarProperties.Ingest(0.05, 100_000));
		fixture.reports("R1,C1,,Lekkage,2025-06-02 10:15,,,", "R2,C9,,Lekkage,2025-06-02 10:15,,,");

		assertThatThrownBy(() -> strict.importFolder(fixture.input, fixture.output)).isInstanceOf(ImportException.class)
			.hasMessageStartingWith("reports.csv: too many rejected rows: 1 of 6 rows in all files (16.7 %) exceed"
					+ " the allowed 5.0 %; nothing was imported; reasons in ");
		assertThat(jdbc.queryForObject("select count(*) from neighbourhood", Long.class)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from import_run", Long.class)).isZero();
		try (var files = Files.list(fixture.output.resolve("import"))) {
			Path rejects = files.filter(p -> p.getFileName().toString().startsWith("rejects-"))
				.findFirst()
				.orElseThrow();
			assertThat(Fixture.rejects(rejects)).hasSize(1);
		}
	}

	@Test
	void loadsSqlLikeTextAsPlainText() throws Exception {
		String evil = "'; drop table report; --";
		fixture.write("neighbourhoods.csv",
				"neighbourhood_code,name,district\nBU01,\"" + evil + "\",\"" + evil + "\"\n");
		fixture.write("complexes.csv", "complex_id,name,neighbourhood_code,owner,dwellings\n\"" + evil + "\",\"" + evil
				+ "\",BU01,\"" + evil + "\",10\n");
		fixture.reports("\"" + evil + "\",\"" + evil + "\",\"" + evil + "\",\"" + evil + "\",2025-06-02 10:15,,\""
				+ evil + "\",");
		ImportResult result = importFolder();
		assertThat(result.rejected()).isZero();
		Map<String, Object> report = reports().get(0);
		assertThat(report.get("report_id")).isEqualTo(evil);
		assertThat(report.get("dwelling_ref")).isEqualTo(evil);
		assertThat(report.get("source_category")).isEqualTo(evil);
		assertThat(report.get("channel")).isEqualTo(evil);
		assertThat(jdbc.queryForObject("select owner from complex", String.class)).isEqualTo(evil);
	}

	@Test
	void writesRejectsWithTheLeadingQuoteRuleAgainstFormulas() throws Exception {
		fixture.reports("R1,C1,,Lekkage,2025-06-02 10:15,,,", "=HYPERLINK(\"x\"),C9,,Lekkage,2025-06-02 10:15,,,");
		ImportResult result = importFolder();
		List<String> reject = Fixture.reject(result, "reports.csv", 3);
		assertThat(reject.get(4)).isEqualTo("'=HYPERLINK(\"x\"),C9,,Lekkage,2025-06-02 10:15,,,");
		assertThat(Files.readString(result.rejectsFile())).startsWith("file,line,column,reason,raw");
		assertThat(Files.getPosixFilePermissions(result.rejectsFile()))
			.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
	}

	@Test
	void refusesFolderWithoutReportsCsv() throws Exception {
		assertThatThrownBy(this::importFolder).isInstanceOf(ImportException.class)
			.hasMessage("reports.csv: missing in " + fixture.input + " (required)");
	}

	@Test
	void refusesMissingInputFolder() {
		assertThatThrownBy(() -> service.importFolder(root.resolve("nowhere"), fixture.output))
			.isInstanceOf(ImportException.class)
			.hasMessageContaining("does not exist");
	}

	@Test
	void refusesMissingComplexesWhenTheDatabaseHasNone() throws Exception {
		Files.delete(fixture.input.resolve("complexes.csv"));
		fixture.reports("R1,C1,,Lekkage,2025-06-02 10:15,,,");
		assertThatThrownBy(this::importFolder).isInstanceOf(ImportException.class)
			.hasMessageStartingWith("complexes.csv: missing in ");
	}

	@Test
	void importsReportsAloneOnceComplexesAreKnown() throws Exception {
		fixture.reports("R1,C1,,Lekkage,2025-06-02 10:15,,,");
		importFolder();
		Files.delete(fixture.input.resolve("complexes.csv"));
		Files.delete(fixture.input.resolve("neighbourhoods.csv"));
		fixture.reports("R2,C2,,Lekkage,2025-06-03 10:15,,,");
		ImportResult result = importFolder();
		assertThat(result.inputFiles()).isEqualTo(1);
		assertThat(result.newRows()).isEqualTo(1);
	}

}
