package nl.leefbaar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TemporalsTests {

	@Test
	void parsesEveryFormOfTheContract() {
		assertThat(Temporals.date("2025-06-02")).isEqualTo(LocalDate.of(2025, 6, 2));
		assertThat(Temporals.date("02-06-2025")).isEqualTo(LocalDate.of(2025, 6, 2));
		assertThat(Temporals.date("2-6-2025")).isEqualTo(LocalDate.of(2025, 6, 2));
		OffsetDateTime summer = OffsetDateTime.of(2025, 6, 2, 10, 15, 0, 0, ZoneOffset.ofHours(2));
		assertThat(Temporals.timestamp("2025-06-02T10:15")).isEqualTo(summer);
		assertThat(Temporals.timestamp("2025-06-02 10:15:00")).isEqualTo(summer);
		assertThat(Temporals.timestamp("02-06-2025 10:15")).isEqualTo(summer);
		assertThat(Temporals.timestamp("2025-06-02T08:15Z").toInstant()).isEqualTo(summer.toInstant());
		assertThat(Temporals.timestamp("2025-06-02T10:15:00+02:00").toInstant()).isEqualTo(summer.toInstant());
		assertThat(Temporals.timestamp("2025-06-02T10:15:00.250+0200").getNano()).isEqualTo(250_000_000);
		assertThat(Temporals.timestamp("2025-06-02")).isEqualTo(summer.withHour(0).withMinute(0));
	}

	@Test
	void resolvesDaylightSavingGapAndOverlapAsJavaTimeDoes() {
		assertThat(Temporals.timestamp("2025-03-30 02:30"))
			.isEqualTo(OffsetDateTime.of(2025, 3, 30, 3, 30, 0, 0, ZoneOffset.ofHours(2)));
		assertThat(Temporals.timestamp("26-10-2025 02:30"))
			.isEqualTo(OffsetDateTime.of(2025, 10, 26, 2, 30, 0, 0, ZoneOffset.ofHours(2)));
		assertThat(Temporals.timestamp("26-10-2025 03:30"))
			.isEqualTo(OffsetDateTime.of(2025, 10, 26, 3, 30, 0, 0, ZoneOffset.ofHours(1)));
	}

	@Test
	void refusesWhatIsNotADateOrTimestamp() {
		for (String text : new String[] { "", "2025", "2025-13-01", "31-02-2025", "2025/06/02", "02-06-25",
				"2025-06-02 25:00", "2025-06-02 10", "2025-06-02 10:15+25:00", "2025-06-02 10:15x", "morgen" }) {
			assertThatThrownBy(() -> Temporals.timestamp(text)).as(text).isInstanceOf(IllegalArgumentException.class);
		}
	}

	/**
	 * Property: any local time from 2000 to 2035 written in any allowed form parses as
	 * ZonedDateTime.ofLocal.
	 */
	@Test
	void randomTimestampsParseLikeJavaTime() {
		Random random = new Random(11);
		LocalDateTime start = LocalDateTime.of(2000, 1, 1, 0, 0);
		for (int i = 0; i < 2000; i++) {
			LocalDateTime local = start.plusMinutes(random.nextInt(36 * 365 * 24 * 60)).withSecond(random.nextInt(60));
			String date = random.nextBoolean() ? local.toLocalDate().toString()
					: String.format("%02d-%02d-%04d", local.getDayOfMonth(), local.getMonthValue(), local.getYear());
			String text = date + (random.nextBoolean() ? " " : "T")
					+ String.format("%02d:%02d:%02d", local.getHour(), local.getMinute(), local.getSecond());
			OffsetDateTime expected = ZonedDateTime.ofLocal(local, Temporals.ZONE, null).toOffsetDateTime();
			assertThat(Temporals.timestamp(text)).as(text).isEqualTo(expected);
			assertThat(Temporals.localDay(expected))
				.isEqualTo(expected.atZoneSameInstant(Temporals.ZONE).toLocalDate());
		}
	}

	/**
	 * Property: damaged timestamps give a date or an IllegalArgumentException, never
	 * another failure.
	 */
	@Test
	void randomDamageGivesAValueOrAReason() {
		Random random = new Random(12);
		String alphabet = "0123456789-:TZ+ .,/x";
		for (int i = 0; i < 5000; i++) {
			StringBuilder text = new StringBuilder("2025-06-02 10:15:30");
			for (int m = 0; m < 1 + random.nextInt(3); m++) {
				int at = random.nextInt(text.length());
				if (random.nextBoolean()) {
					text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
				}
				else {
					text.deleteCharAt(at);
				}
				if (text.length() == 0) {
					break;
				}
			}
			try {
				assertThat(Temporals.timestamp(text.toString())).isNotNull();
			}
			catch (IllegalArgumentException expected) {
				assertThat(expected.getMessage()).startsWith("not a timestamp");
			}
		}
	}

}
