package nl.leefbaar.system;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes an output file so that a reader never sees half of it: the content goes to a
 * temporary file in the same folder (same file system, so the move is atomic), which
 * replaces the target only when it is complete. A failure deletes the temporary file and
 * leaves any older target as it was. Folders are created owner-only (0700), files
 * owner-only (0600).
 */
public final class AtomicFiles {

	/** What writes the content; it may throw anything, the target is then left alone. */
	@FunctionalInterface
	public interface Content {

		void writeTo(OutputStream out) throws Exception;

	}

	private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.p(\\d+)\\.\\d+\\.tmp");

	private AtomicFiles() {
	}

	public static Path write(Path target, Content content) throws Exception {
		Path folder = target.toAbsolutePath().getParent();
		createPrivateFolder(folder);
		Path temporary = temporaryFile(folder, target.getFileName().toString());
		try {
			try (OutputStream out = Files.newOutputStream(temporary)) {
				content.writeTo(out);
			}
			catch (IOException e) {
				throw cannot("write " + target, e); // a full disk, say
			}
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	public static Path write(Path target, byte[] content) throws Exception {
		return write(target, out -> out.write(content));
	}

	/**
	 * A new owner-only temporary file for {@code name} in {@code folder}, named
	 * {@code .<name>.p<pid>.<random>.tmp}. The process id tells the leftovers of a
	 * process that was killed (SIGKILL runs no clean-up) from the files of one still
	 * writing: those of processes that are gone are removed first, so that a restart
	 * leaves no partial file.
	 */
	public static Path temporaryFile(Path folder, String name) throws IOException {
		removeLeftovers(folder);
		Path temporary;
		try {
			temporary = Files.createTempFile(folder, "." + name + ".p" + ProcessHandle.current().pid() + ".", ".tmp");
		}
		catch (IOException e) {
			throw cannot("write " + name + " into " + folder, e);
		}
		restrictToOwner(temporary, "rw-------");
		return temporary;
	}

	/**
	 * The one line a person reads names the file and the reason ("Not a directory", "No
	 * space left on device"), not our temporary name; the cause stays attached for
	 * --debug.
	 */
	public static IOException cannot(String what, IOException e) {
		String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
				: e instanceof AccessDeniedException ? "permission denied"
						: e instanceof NoSuchFileException ? "no such folder"
								: e instanceof FileSystemException ? e.getClass().getSimpleName() : e.getMessage();
		IOException clear = new IOException("cannot " + what + ": " + reason);
		clear.addSuppressed(e);
		return clear;
	}

	/** Deletes the temporary files in {@code folder} of processes that no longer run. */
	public static void removeLeftovers(Path folder) {
		try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, ".*.tmp")) {
			for (Path file : files) {
				Matcher matcher = TEMPORARY.matcher(file.getFileName().toString());
				if (matcher.matches() && !ProcessHandle.of(Long.parseLong(matcher.group(1)))
					.map(ProcessHandle::isAlive)
					.orElse(false)) {
					Files.deleteIfExists(file);
				}
			}
		}
		catch (IOException | RuntimeException e) {
			// a leftover stays; it is hidden and never read
		}
	}

	/** Creates the folder (and its parents) owner-only, 0700; returns it. */
	public static Path createPrivateFolder(Path folder) throws IOException {
		if (Files.isDirectory(folder)) {
			return folder;
		}
		try {
			Files.createDirectories(folder,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		}
		catch (UnsupportedOperationException e) {
			Files.createDirectories(folder);
		}
		catch (FileAlreadyExistsException e) {
			// another writer of the same run created it a moment ago, or a file is in the
			// way
			if (!Files.isDirectory(folder)) {
				throw new IOException("cannot create the folder " + folder + ": a file of that name is in the way");
			}
		}
		return folder;
	}

	private static void restrictToOwner(Path file, String permissions) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
		}
		catch (UnsupportedOperationException ignored) {
			// not a POSIX file system: the operating system's defaults apply
		}
	}

}
