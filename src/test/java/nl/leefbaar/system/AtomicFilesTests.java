package nl.leefbaar.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTests {

	@TempDir
	Path folder;

	@Test
	void aFailureHalfwayLeavesTheOlderFileAndNoTemporaryFile() throws Exception {
		Path target = folder.resolve("2025-06").resolve("dashboard.xlsx");
		AtomicFiles.write(target, out -> out.write("old".getBytes(StandardCharsets.UTF_8)));

		assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
			out.write("half of a new fi".getBytes(StandardCharsets.UTF_8));
			throw new IllegalStateException("disk on fire");
		})).hasMessage("disk on fire");

		assertThat(Files.readString(target)).isEqualTo("old");
		try (Stream<Path> files = Files.list(target.getParent())) {
			assertThat(files).containsExactly(target);
		}
	}

	@Test
	void writesOwnerOnlyFilesInOwnerOnlyFoldersAndReplacesTheOldOne() throws Exception {
		Path target = folder.resolve("out").resolve("2025-06").resolve("x.xlsx");
		AtomicFiles.write(target, out -> out.write(1));
		AtomicFiles.write(target, out -> out.write(new byte[] { 2, 3 }));

		assertThat(Files.readAllBytes(target)).containsExactly(2, 3);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target.getParent())))
			.isEqualTo("rwx------");
	}

	@Test
	void removesTheTemporaryFilesOfAKilledProcessButNotThoseOfARunningOne() throws Exception {
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		Path killed = Files.writeString(folder.resolve(".report.xlsx.p" + gone.pid() + ".123.tmp"), "half a workbook");
		Path running = Files.writeString(folder.resolve(".report.xlsx.p" + ProcessHandle.current().pid() + ".456.tmp"),
				"busy");
		Path unrelated = Files.writeString(folder.resolve(".notes.tmp"), "not ours");

		AtomicFiles.write(folder.resolve("report.xlsx"), new byte[] { 1 });

		assertThat(killed).doesNotExist();
		assertThat(running).exists();
		assertThat(unrelated).exists();
		assertThat(folder.resolve("report.xlsx")).exists();
	}

}
