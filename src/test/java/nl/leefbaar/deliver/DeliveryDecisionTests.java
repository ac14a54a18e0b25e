package nl.leefbaar.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Who gets an entry's message now, from what was sent before. */
class DeliveryDecisionTests {

	@Test
	void firstTimeEveryRecipientAsNew() {
		DeliveryDecision decision = DeliveryDecision.of(List.of(), List.of("a@x.nl", "b@x.nl"), "d1", false);

		assertThat(decision.recipients()).containsExactly("a@x.nl", "b@x.nl");
		assertThat(decision.updated()).isFalse();
	}

	@Test
	void theSameFiguresAreAlreadySent() {
		DeliveryDecision decision = DeliveryDecision.of(List.of(sent("d1", "a@x.nl", "b@x.nl")),
				List.of("a@x.nl", "b@x.nl"), "d1", false);

		assertThat(decision.alreadySent()).isTrue();
	}

	@Test
	void changedFiguresGoAgainAsUpdated() {
		DeliveryDecision decision = DeliveryDecision.of(List.of(sent("d1", "a@x.nl")), List.of("a@x.nl"), "d2", false);

		assertThat(decision.recipients()).containsExactly("a@x.nl");
		assertThat(decision.updated()).isTrue();
	}

	@Test
	void aRecipientAddedLaterGetsItAsNewTheOthersNothing() {
		DeliveryDecision decision = DeliveryDecision.of(List.of(sent("d1", "a@x.nl")), List.of("a@x.nl", "c@x.nl"),
				"d1", false);

		assertThat(decision.recipients()).containsExactly("c@x.nl");
		assertThat(decision.updated()).isFalse();
	}

	@Test
	void figuresThatChangedBackAreSentAgainBecauseTheLatestMessageSaidOtherwise() {
		DeliveryDecision decision = DeliveryDecision.of(List.of(sent("d1", "a@x.nl"), sent("d2", "a@x.nl")),
				List.of("a@x.nl"), "d1", false);

		assertThat(decision.recipients()).containsExactly("a@x.nl");
		assertThat(decision.updated()).isTrue();
	}

	@Test
	void resendGoesToEveryoneUpdatedOnlyWhenTheFiguresChanged() {
		DeliveryDecision same = DeliveryDecision.of(List.of(sent("d1", "a@x.nl")), List.of("a@x.nl"), "d1", true);
		DeliveryDecision changed = DeliveryDecision.of(List.of(sent("d1", "a@x.nl")), List.of("a@x.nl"), "d2", true);

		assertThat(same.recipients()).containsExactly("a@x.nl");
		assertThat(same.updated()).isFalse();
		assertThat(changed.updated()).isTrue();
	}

	private static DeliveryLog.Sent sent(String digest, String... recipients) {
		return new DeliveryLog.Sent("2026-10", "owner:X", List.of(recipients), digest, "<id>", 3, false, false,
				OffsetDateTime.now());
	}

}
