package nl.leefbaar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import nl.leefbaar.system.Secrets;
import org.junit.jupiter.api.Test;

class CredentialsTests {

	@Test
	void masksPasswordsInUrlsSettingsAndTheConfiguredPassword() {
		Credentials credentials = new Credentials(List.of("Tr0ub4dor"));

		assertThat(credentials.mask("jdbc:postgresql://db/leefbaar?user=app&password=hunter2&ssl=true"))
			.isEqualTo("jdbc:postgresql://db/leefbaar?user=app&password=***&ssl=true");
		assertThat(credentials.mask("postgresql://app:hunter2@db:5432/leefbaar"))
			.isEqualTo("postgresql://app:***@db:5432/leefbaar");
		assertThat(credentials.mask("FATAL: login with Tr0ub4dor refused")).isEqualTo("FATAL: login with *** refused");
		assertThat(credentials.mask("spring.datasource.password: hunter2")).doesNotContain("hunter2");
	}

	@Test
	void masksTheSecretsTheSourcesLearnWhileTheProcessRuns() {
		Credentials credentials = Credentials.from(key -> null);
		Secrets.register("Cl13nt-geheim-in-test");
		Secrets.register("tok-4f1c2a9e-bearer");

		assertThat(
				credentials.mask("POST client_secret=Cl13nt-geheim-in-test; Authorization: Bearer tok-4f1c2a9e-bearer"))
			.isEqualTo("POST client_secret=***; Authorization: Bearer ***");
	}

	@Test
	void findsTheConfiguredPasswordInSettings() {
		Credentials credentials = Credentials.from(key -> key.equals("leefbaar.db.password") ? "s3cr3t-Pw" : null);

		assertThat(credentials.mask("could not connect as leefbaar with s3cr3t-Pw")).doesNotContain("s3cr3t");
	}

	@Test
	void findsTheMailPasswordInItsVariable() {
		Credentials credentials = Credentials.from(key -> key.equals("LEEFBAAR_MAIL_PASSWORD") ? "m4il-Geheim" : null);

		assertThat(credentials.mask("535 authentication failed for leefbaar/m4il-Geheim")).doesNotContain("m4il")
			.contains("***");
	}

}
