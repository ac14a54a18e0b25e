package nl.leefbaar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The importer's hash is the server's {@code hashtextextended(text, 0)}: texts of every
 * length from 0 to 80 bytes (each way the last 11 bytes can fall), ASCII and multi-byte
 * UTF-8, compared with the values the server computes.
 */
@SpringBootTest
class PgHashTests {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void equalsTheServersHashtextextendedForEveryLengthAndForMultiByteText() {
		Random random = new Random(7);
		String alphabet = "abcXYZ019|.-_ é€ß漢😀";
		List<String> texts = new ArrayList<>(List.of("", "a", "M00000001|C00001|W-3a9004|safety|1698822540.000000|web",
				"R1|C1|pollution|1743377400.000000|1743580800.000000"));
		for (int length = 0; length <= 80; length++) {
			for (int k = 0; k < 3; k++) {
				StringBuilder text = new StringBuilder();
				while (text.toString().getBytes(StandardCharsets.UTF_8).length < length) {
					int at = k == 0 ? random.nextInt(13) : random.nextInt(alphabet.length());
					if (Character.isSurrogate(alphabet.charAt(at))) {
						at = alphabet.indexOf("😀");
						text.append(alphabet, at, at + 2);
					}
					else {
						text.append(alphabet.charAt(at));
					}
				}
				texts.add(text.toString());
			}
		}
		List<Long> server = jdbc.queryForList(
				"select hashtextextended(t, 0) from unnest(?::text[]) with ordinality as x (t, i) order by i",
				Long.class, (Object) texts.toArray(String[]::new));

		List<Long> ours = texts.stream().map(t -> {
			byte[] bytes = t.getBytes(StandardCharsets.UTF_8);
			return PgHash.hashtextextended(bytes, bytes.length);
		}).toList();

		assertThat(ours).isEqualTo(server);
	}

}
