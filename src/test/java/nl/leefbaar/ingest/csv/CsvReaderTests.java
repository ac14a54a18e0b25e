package nl.leefbaar.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvReaderTests {

	static CsvReader reader(String text) throws IOException {
		return new CsvReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
	}

	static List<List<String>> records(CsvReader reader) throws IOException {
		List<List<String>> records = new ArrayList<>();
		while (reader.next()) {
			records.add(reader.fields());
		}
		return records;
	}

	@Test
	void detectsSemicolonFromTheHeaderLine() throws IOException {
		CsvReader reader = reader("A;B,c;D\n1;2,5;3\n");
		assertThat(reader.delimiter()).isEqualTo(';');
		assertThat(reader.header()).containsExactly("a", "b,c", "d");
		assertThat(records(reader)).containsExactly(List.of("1", "2,5", "3"));
	}

	@Test
	void detectsCommaAndIgnoresDelimitersInsideQuotedHeaderNames() throws IOException {
		CsvReader reader = reader("\"a;x;y\",b\n1,2\n");
		assertThat(reader.delimiter()).isEqualTo(',');
		assertThat(reader.header()).containsExactly("a;x;y", "b");
	}

	@Test
	void tracksPhysicalLinesAcrossEmbeddedNewlinesBlankLinesAndCrlf() throws IOException {
		CsvReader reader = reader("a,b\r\n1,\"x\r\ny\nz\"\r\n\r\n2,3\r\n");
		assertThat(reader.next()).isTrue();
		assertThat(reader.line()).isEqualTo(2);
		assertThat(reader.get(1)).isEqualTo("x\r\ny\nz");
		assertThat(reader.raw()).isEqualTo("1,\"x\r\ny\nz\"");
		assertThat(reader.next()).isTrue();
		assertThat(reader.line()).isEqualTo(6);
		assertThat(reader.fields()).containsExactly("2", "3");
		assertThat(reader.next()).isFalse();
	}

	@Test
	void skipsByteOrderMark() throws IOException {
		CsvReader reader = new CsvReader(
				new ByteArrayInputStream(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'i', 'd', '\n', '7' }));
		assertThat(reader.header()).containsExactly("id");
		assertThat(records(reader)).containsExactly(List.of("7"));
	}

	@Test
	void reportsFileEndingInsideQuotes() throws IOException {
		CsvReader reader = reader("a\n\"open");
		assertThat(reader.next()).isTrue();
		assertThat(reader.problem()).contains("ends inside a quoted field");
	}

	@Test
	void refusesOverlongEncodingAndSurrogatesWithTheirOffset() {
		assertThatThrownBy(() -> records(
				new CsvReader(new ByteArrayInputStream(new byte[] { 'a', '\n', (byte) 0xC0, (byte) 0xAF }))))
			.isInstanceOf(CsvException.class)
			.hasMessage("not valid UTF-8: bad byte at offset 2 (line 2)");
		assertThatThrownBy(() -> records(new CsvReader(
				new ByteArrayInputStream(new byte[] { 'a', '\n', (byte) 0xED, (byte) 0xA0, (byte) 0x80 }))))
			.isInstanceOf(CsvException.class)
			.hasMessage("not valid UTF-8: bad byte at offset 2 (line 2)");
		assertThatThrownBy(() -> records(
				new CsvReader(new ByteArrayInputStream(new byte[] { 'a', '\n', 'b', (byte) 0xE2, (byte) 0x82 }))))
			.isInstanceOf(CsvException.class)
			.hasMessage("not valid UTF-8: bad byte at offset 3 (line 2)");
	}

	@Test
	void readsMultibyteCharactersSplitOverBufferBoundaries() throws IOException {
		StringBuilder text = new StringBuilder("naam\n");
		for (int i = 0; i < 30_000; i++) {
			text.append("Zoë €").append(i).append('\n');
		}
		CsvReader reader = reader(text.toString());
		int count = 0;
		while (reader.next()) {
			assertThat(reader.get(0)).isEqualTo("Zoë €" + count);
			count++;
		}
		assertThat(count).isEqualTo(30_000);
	}

}
