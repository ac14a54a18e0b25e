package nl.leefbaar.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import nl.leefbaar.deliver.DeliverEntry.Audience;
import org.junit.jupiter.api.Test;

/** The subject and body in the job's language. */
class MessageTextTests {

	static final DeliverEntry OWNER = new DeliverEntry("Havensteder", null, List.of("a@x.nl"), Path.of("m.yml"), 5);

	static final DeliverEntry PRESENTERS = new DeliverEntry(null, Audience.PRESENTERS, List.of("a@x.nl"),
			Path.of("m.yml"), 7);

	@Test
	void subjectsInDutchAndEnglish() {
		MessageText dutch = new MessageText(Locale.forLanguageTag("nl"));
		MessageText english = new MessageText(Locale.forLanguageTag("en"));

		assertThat(dutch.subject(OWNER, YearMonth.of(2026, 10), false))
			.isEqualTo("Leefbaarheid Havensteder oktober 2026");
		assertThat(dutch.subject(PRESENTERS, YearMonth.of(2026, 10), true))
			.isEqualTo("Leefbaarheid presentatoren oktober 2026 (bijgewerkt)");
		assertThat(english.subject(OWNER, YearMonth.of(2026, 10), true))
			.isEqualTo("Leefbaarheid Havensteder October 2026 (updated)");
	}

	@Test
	void anOwnersNameWithALineBreakStaysOnTheSubjectsLine() {
		DeliverEntry owner = new DeliverEntry("Evil\r\nBcc: x@y.nl", null, List.of("a@x.nl"), Path.of("m.yml"), 5);

		assertThat(new MessageText(Locale.forLanguageTag("nl")).subject(owner, YearMonth.of(2026, 10), false))
			.isEqualTo("Leefbaarheid Evil Bcc: x@y.nl oktober 2026");
	}

	@Test
	void theEnglishBodySaysThePeriodTheDataDateTheAttentionLinesAndTheFiles() {
		String body = new MessageText(Locale.forLanguageTag("en")).body(OWNER, YearMonth.of(2026, 10),
				LocalDate.of(2026, 10, 31), List.of("C00014 Flat: repeat reports high"), true,
				List.of("dashboard-havensteder-2026-10.xlsx"));

		assertThat(body).contains("Here are the liveability figures of Havensteder for October 2026.")
			.contains("Updated: this month's figures changed")
			.contains("Period: October 2026")
			.contains("Data up to: 31 October 2026")
			.contains("- C00014 Flat: repeat reports high")
			.contains("- dashboard-havensteder-2026-10.xlsx");
	}

}
