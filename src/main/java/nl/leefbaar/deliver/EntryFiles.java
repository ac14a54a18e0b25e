package nl.leefbaar.deliver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;

/**
 * Which files of a month's folder an entry gets (outputs.md, sources-and-delivery.md),
 * and the figures they are made of. An owner gets its own dashboard and its own CSV
 * exports only, picked by the owner's slug: no other file of the folder is ever
 * considered for it.
 *
 * @param attachments the files to attach, in the month's folder; a folder stands for a
 * zip of its files
 * @param figures the CSV exports whose content the attachments show: their digest says
 * whether the figures changed. Workbooks and decks carry the time they were written, so
 * their bytes differ at every run; the exports are the same bytes for the same figures.
 */
record EntryFiles(List<Path> attachments, List<Path> figures) {

	/** The charts folder of the month, sent to presenters as one zip. */
	static final String CHARTS = "charts";

	/**
	 * @param slug the owner's slug (OwnerSlugs.assign over the imported owners), for an
	 * owner's entry
	 */
	static EntryFiles of(DeliverEntry entry, String slug, Path monthFolder, YearMonth month) {
		if (entry.isOwner()) {
			Path indicators = monthFolder.resolve("indicators-" + slug + ".csv");
			Path effects = monthFolder.resolve("activity-effects-" + slug + ".csv");
			return new EntryFiles(
					List.of(monthFolder.resolve("dashboard-" + slug + "-" + month + ".xlsx"), indicators, effects),
					List.of(indicators, effects));
		}
		Path indicators = monthFolder.resolve("indicators.csv");
		Path effects = monthFolder.resolve("activity-effects.csv");
		return switch (entry.audience()) {
			case MUNICIPALITY -> {
				Path publicIndicators = monthFolder.resolve("indicators-public.csv");
				yield new EntryFiles(
						List.of(monthFolder.resolve("neighbourhoods-" + month + ".xlsx"), publicIndicators),
						List.of(publicIndicators));
			}
			case PRESENTERS ->
				new EntryFiles(List.of(monthFolder.resolve("seminar-" + month + ".pptx"), monthFolder.resolve(CHARTS)),
						List.of(indicators, effects));
			case TEAM -> new EntryFiles(List.of(monthFolder.resolve("dashboard-team-" + month + ".xlsx"), indicators),
					List.of(indicators, effects));
		};
	}

	/** The first attachment or figure file that is not there, or null. */
	Path missing() {
		for (Path file : attachments) {
			if (file.getFileName().toString().equals(CHARTS) ? !Files.isDirectory(file) : !Files.isRegularFile(file)) {
				return file;
			}
		}
		return figures.stream().filter(file -> !Files.isRegularFile(file)).findFirst().orElse(null);
	}

	/**
	 * SHA-256 over the figure files' names and contents: equal when a re-run wrote the
	 * same figures again.
	 */
	String digest() throws IOException {
		MessageDigest all = sha256();
		for (Path file : figures) {
			MessageDigest one = sha256();
			try (InputStream in = new DigestInputStream(Files.newInputStream(file), one)) {
				in.transferTo(OutputStream.nullOutputStream());
			}
			all.update((file.getFileName() + "\n" + HexFormat.of().formatHex(one.digest()) + "\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		return HexFormat.of().formatHex(all.digest());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
