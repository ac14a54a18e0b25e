package nl.leefbaar.indicators.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTests {

	@TempDir
	Path folder;

	@Test
	void wholeNumbersHaveNoFractionAndOtherNumbersReadBackAsTheSameDouble() {
		assertThat(CsvWriter.number(12.0)).isEqualTo("12");
		assertThat(CsvWriter.number(0.1)).isEqualTo("0.1");
		assertThat(CsvWriter.number(2.0 / 3)).isEqualTo("0.6666666666666666");
		assertThat(CsvWriter.number(Double.NaN)).isEmpty();
		assertThat(CsvWriter.number(null)).isEmpty();
		assertThat(CsvWriter.number(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
		Random random = new Random(42);
		for (int i = 0; i < 10_000; i++) {
			double value = switch (i % 3) {
				case 0 -> random.nextDouble();
				case 1 -> random.nextInt(100_000);
				default -> random.nextGaussian() * Math.pow(10, random.nextInt(30) - 15);
			};
			assertThat(Double.parseDouble(CsvWriter.number(value))).isEqualTo(value == 0 ? 0.0 : value);
		}
	}

	@Test
	void textIsQuotedPerRfc4180AndFormulaStartsAreDefused() {
		assertThat(CsvWriter.text("plain")).isEqualTo("plain");
		assertThat(CsvWriter.text("a,b")).isEqualTo("\"a,b\"");
		assertThat(CsvWriter.text("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(CsvWriter.text("=SUM(A1)")).isEqualTo("'=SUM(A1)");
		assertThat(CsvWriter.text("+1")).isEqualTo("'+1");
		assertThat(CsvWriter.text("-1")).isEqualTo("'-1");
		assertThat(CsvWriter.text("@x")).isEqualTo("'@x");
		assertThat(CsvWriter.text("\tx")).isEqualTo("'\tx");
		assertThat(CsvWriter.text("\rx")).isEqualTo("\"'\rx\"");
	}

	@Test
	void theFileAppearsOnlyOnCommit() throws Exception {
		Path target = folder.resolve("sub/out.csv");
		try (CsvWriter csv = CsvWriter.open(target)) {
			csv.row("a", 1.5, null, 3L);
			assertThat(target).doesNotExist();
			csv.commit();
		}
		assertThat(Files.readString(target)).isEqualTo("a,1.5,,3\r\n");
		try (CsvWriter csv = CsvWriter.open(target)) {
			csv.row("never committed");
		}
		assertThat(Files.readString(target)).isEqualTo("a,1.5,,3\r\n");
		try (var files = Files.list(target.getParent())) {
			assertThat(files).hasSize(1);
		}
	}

}
