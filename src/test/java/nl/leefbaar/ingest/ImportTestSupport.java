package nl.leefbaar.ingest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import nl.leefbaar.support.TestDatabase;
import nl.leefbaar.system.LeefbaarProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The setup the import tests share: empty domain tables, an import service on a fixed
 * clock (every reject allowed, a progress line per 100,000 rows) and a {@link Fixture}
 * input folder in a temporary directory.
 */
@SpringBootTest
abstract class ImportTestSupport {

	static final Clock NOW = Clock.fixed(Instant.parse("2026-01-15T12:00:00Z"), ZoneOffset.UTC);

	@Autowired
	ImportService importService;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path root;

	ImportService service;

	Fixture fixture;

	@BeforeEach
	void emptyDatabaseAndFixture() throws Exception {
		TestDatabase.clearDomainTables(jdbc);
		service = importService.with(NOW, new LeefbaarProperties.Ingest(1.0, 100_000));
		fixture = new Fixture(root);
	}

	ImportResult importFolder() {
		return service.importFolder(fixture.input, fixture.output);
	}

}
