package nl.leefbaar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectFileTests {

	@TempDir
	Path folder;

	@Test
	void aNewOutputFolderIsCreatedOwnerOnlyWithItsImportFolder() throws Exception {
		Path output = folder.resolve("out");

		Path rejects = RejectFile
			.create(output.resolve("import"), Clock.fixed(Instant.parse("2026-11-02T05:00:00Z"), ZoneOffset.UTC))
			.publish();

		assertThat(rejects).hasParent(output.resolve("import"));
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(output))).isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(output.resolve("import"))))
			.isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(rejects))).isEqualTo("rw-------");
	}

}
