package nl.leefbaar.report.charts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Output files are written to a temporary name in the target folder and moved into place only
 * when complete, so a reader never opens half a file; files and folders are owner-only.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Creates the folder (0700 where the file system knows POSIX permissions). */
    public static Path folder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
            try {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder inherits its parent's access list.
            }
        }
        return folder;
    }

    /** Writes the bytes under a temporary name (created 0600) beside the target, then moves it in. */
    public static Path write(Path target, byte[] content) throws IOException {
        Path folder = folder(target.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
        try {
            Files.write(temporary, content);
            return Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }
}
