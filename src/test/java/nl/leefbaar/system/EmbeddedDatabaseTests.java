package nl.leefbaar.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * A user's embedded database holds the only copy of the history that incremental exports
 * built up, so its server must force its writes to disk: the embedded library turns fsync
 * off, which risks a corrupt database after a power cut. Only the tests' throwaway
 * database turns it off again (pom.xml).
 */
class EmbeddedDatabaseTests {

	@Test
	void aUsersHomeSyncsItsWritesToDisk(@TempDir Path home) throws Exception {
		LeefbaarProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("leefbaar",
				LeefbaarProperties.class);
		assertThat(defaults.db().fsync()).isTrue();

		EmbeddedDatabase.Endpoint endpoint = EmbeddedDatabase.startOrConnect(home.resolve("db"), defaults.db().fsync());
		try {
			assertThat(fsyncOf(endpoint)).isEqualTo("on");
		}
		finally {
			endpoint.owned().close();
		}
	}

	private static String fsyncOf(EmbeddedDatabase.Endpoint endpoint) throws Exception {
		try (Connection connection = DriverManager.getConnection(endpoint.jdbcUrl(), "postgres", null);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("show fsync")) {
			rs.next();
			return rs.getString(1);
		}
	}

}
