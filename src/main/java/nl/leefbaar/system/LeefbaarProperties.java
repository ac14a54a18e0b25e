package nl.leefbaar.system;

import java.nio.file.Path;
import java.util.Map;

import nl.leefbaar.domain.Category;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting of Leefbaar, with the defaults of indicators.md and cli.md. Bound from
 * {@code leefbaar.*} properties and from the environment ({@code LEEFBAAR_HOME},
 * {@code LEEFBAAR_DB_URL}, ... by Spring's relaxed binding).
 */
@ConfigurationProperties("leefbaar")
public record LeefbaarProperties(@DefaultValue(".leefbaar") Path home, @DefaultValue Db db, @DefaultValue Ingest ingest,
		@DefaultValue Indicators indicators, @DefaultValue Publishing publishing, @DefaultValue("nl") String lang,
		@DefaultValue("out") Path output) {

	/**
	 * A server to use instead of the embedded one (all empty means embedded), and whether
	 * the embedded server forces its writes to disk (PostgreSQL's fsync): without it a
	 * power cut or an operating-system crash can leave the database corrupt. Only the
	 * throwaway databases of the tests turn it off.
	 */
	public record Db(String url, String user, String password, @DefaultValue("true") boolean fsync) {
		public boolean external() {
			return url != null && !url.isBlank();
		}

		@Override
		public String toString() {
			return "Db[url=" + url + ", user=" + user + ", password=" + (password == null ? null : "***") + ", fsync="
					+ fsync + "]";
		}
	}

	public record Ingest(@DefaultValue("0.05") double maxRejectShare, @DefaultValue("100000") int progressEveryRows) {
	}

	/**
	 * The indicators' settings (indicators.md). A hotspot has at least
	 * {@code hotspotMinReports} reports on the {@code hotspotWindowDays} days that end
	 * with the month, significantly more (one-sided exact test, p below
	 * {@code hotspotLevel}) than on its own {@code hotspotBaselineDays} days before.
	 */
	public record Indicators(@DefaultValue("90") int repeatWindowDays, @DefaultValue("3") int hotspotMinReports,
			@DefaultValue("90") int hotspotWindowDays, @DefaultValue("365") int hotspotBaselineDays,
			@DefaultValue("0.01") double hotspotLevel, @DefaultValue("180") int effectWindowDays,
			@DefaultValue("30") int effectMinWindowDays, @DefaultValue("true") boolean overdispersion,
			Integer referenceYear,
			// defaults in application.properties: a map cannot have a @DefaultValue
			Map<String, Double> targetDays, @DefaultValue("28") double defaultTargetDays) {

		/** The handling target of a category in days (indicators.md, Handling). */
		public double targetDays(Category category) {
			Double days = targetDays == null ? null : targetDays.get(category.code());
			return days != null ? days : defaultTargetDays;
		}
	}

	/**
	 * Small-number rules for outside readers (indicators.md, Publishing small numbers).
	 */
	public record Publishing(@DefaultValue("5") int minCount, @DefaultValue("10") int minDwellings) {
	}
}
