package nl.leefbaar.domain;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OwnerSlugsTests {

	@Test
	void lowerCasesRemovesAccentsAndJoinsOtherCharactersWithOneDash() {
		assertThat(OwnerSlugs.slug("Woonstad Rotterdam")).isEqualTo("woonstad-rotterdam");
		assertThat(OwnerSlugs.slug("Stichting Wooncorporatie Café Één")).isEqualTo("stichting-wooncorporatie-cafe-een");
		assertThat(OwnerSlugs.slug("  Havensteder!! ")).isEqualTo("havensteder");
	}

	@Test
	void pathsAndFormulasBecomeHarmlessWords() {
		assertThat(OwnerSlugs.slug("../../x")).isEqualTo("x");
		assertThat(OwnerSlugs.slug("=HYPERLINK(\"http://evil\",\"x\")")).isEqualTo("hyperlink-http-evil-x");
		assertThat(OwnerSlugs.slug("/etc/passwd")).isEqualTo("etc-passwd");
	}

	@Test
	void cutsToFortyCharactersThenDropsATrailingDash() {
		String name = "a".repeat(39) + " b";
		assertThat(OwnerSlugs.slug(name)).isEqualTo("a".repeat(39));
		assertThat(OwnerSlugs.slug("x".repeat(60))).hasSize(40);
	}

	@Test
	void nothingLeftBecomesOwner() {
		assertThat(OwnerSlugs.slug("")).isEqualTo("owner");
		assertThat(OwnerSlugs.slug("***")).isEqualTo("owner");
		assertThat(OwnerSlugs.slug("日本")).isEqualTo("owner");
	}

	@Test
	void collidingOwnersGetNumbersInCodePointOrderOfTheirNames() {
		Map<String, String> slugs = OwnerSlugs.assign(List.of("Vestia!", "vestia", "Vestia", "Havensteder"));
		// code-point order: "Havensteder", "Vestia", "Vestia!", "vestia"
		assertThat(slugs).containsExactly(Map.entry("Havensteder", "havensteder"), Map.entry("Vestia", "vestia"),
				Map.entry("Vestia!", "vestia-2"), Map.entry("vestia", "vestia-3"));
	}

	@Test
	void theTeamSlugIsTaken() {
		assertThat(OwnerSlugs.assign(List.of("Team", "TEAM!"))).containsExactly(Map.entry("TEAM!", "team-2"),
				Map.entry("Team", "team-3"));
	}

	@Test
	void blankOwnersGetNoSlugAndEverySlugIsUnique() {
		Map<String, String> slugs = OwnerSlugs.assign(List.of("", " ", "a", "a!", "a-2"));
		assertThat(slugs).containsOnlyKeys("a", "a!", "a-2");
		assertThat(slugs.values()).doesNotHaveDuplicates();
	}

}
