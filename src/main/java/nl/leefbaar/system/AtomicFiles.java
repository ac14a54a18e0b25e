package nl.leefbaar.system;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes an output file so that a reader never sees half of it: the content goes to a temporary
 * file in the same folder (same file system, so the move is atomic), which replaces the target
 * only when it is complete. A failure deletes the temporary file and leaves any older target as
 * it was. Folders are created owner-only (0700), files owner-only (0600).
 */
public final class AtomicFiles {

    /** What writes the content; it may throw anything, the target is then left alone. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws Exception;
    }

    private AtomicFiles() {
    }

    public static Path write(Path target, Content content) throws Exception {
        Path folder = target.toAbsolutePath().getParent();
        createPrivateFolder(folder);
        Path temporary = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
        try {
            restrictToOwner(temporary, "rw-------");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.writeTo(out);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    public static Path write(Path target, byte[] content) throws Exception {
        return write(target, out -> out.write(content));
    }

    /** Creates the folder (and its parents) owner-only, 0700; returns it. */
    public static Path createPrivateFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return folder;
        }
        try {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException e) {
            // another writer of the same run created it a moment ago
        }
        return folder;
    }

    private static void restrictToOwner(Path file, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the operating system's defaults apply
        }
    }
}
