package nl.leefbaar.deliver;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One entry of a job definition's {@code deliver: to:} list: an owner's files or an
 * audience's files, for these recipients. One message is sent per entry.
 *
 * @param owner the owner's name as in complexes.csv, or null for an audience
 * @param audience {@code municipality}, {@code presenters} or {@code team}, or null for
 * an owner
 * @param line the entry's line in the definition, for messages ({@code file:line})
 */
public record DeliverEntry(String owner, Audience audience, List<String> recipients, Path file, int line) {

	/** Who reads the files an audience gets (outputs.md). */
	public enum Audience {

		MUNICIPALITY, PRESENTERS, TEAM;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	public boolean isOwner() {
		return owner != null;
	}

	/**
	 * The entry's key in the delivery log: {@code owner:<name>} or
	 * {@code audience:<code>}.
	 */
	public String key() {
		return isOwner() ? "owner:" + owner : "audience:" + audience.code();
	}

	/** {@code owner Havensteder} or {@code audience municipality}, for people. */
	public String label() {
		return isOwner() ? "owner " + owner : "audience " + audience.code();
	}

	/** Where the entry stands: {@code jobs/monthly.yml:14}. */
	public String where() {
		return file + ":" + line;
	}

}
