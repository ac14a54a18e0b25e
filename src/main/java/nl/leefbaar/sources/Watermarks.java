package nl.leefbaar.sources;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import nl.leefbaar.system.SqlFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The watermark of each pulled source and kind of record (V5__source_watermark.sql): the
 * latest change time committed. Read and written on the import's transaction (the
 * JdbcTemplate joins it), so the watermark moves exactly when the records it covers are
 * committed.
 */
@Component
public class Watermarks {

	private static final Logger log = LoggerFactory.getLogger(Watermarks.class);

	private final JdbcTemplate jdbc;

	private final String save = SqlFiles.in("sources").statement("watermark-save");

	private final String all = SqlFiles.in("sources").statement("watermarks");

	Watermarks(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** One source's position. */
	public record Mark(String source, String kind, String type, Instant watermark, Instant lastPull, long lastPulled) {
	}

	/**
	 * Where the source stands; empty for its first pull, and for a source that now pulls
	 * from elsewhere (another origin) under the same name.
	 */
	Optional<Instant> load(String source, String kind, String origin) {
		List<Object[]> rows = jdbc.query("select origin, watermark from source_watermark where source = ? and kind = ?",
				(rs, n) -> new Object[] { rs.getString(1), rs.getTimestamp(2) }, source, kind);
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		if (!origin.equals(rows.get(0)[0])) {
			log.info("{}: now pulls {} from elsewhere than before; pulling everything again", source, kind);
			return Optional.empty();
		}
		return Optional.ofNullable((Timestamp) rows.get(0)[1]).map(Timestamp::toInstant);
	}

	void save(String source, String kind, String type, String origin, Instant watermark, Instant pulledAt,
			long pulled) {
		jdbc.update(save, source, kind, type, origin, watermark == null ? null : utc(watermark), utc(pulledAt), pulled);
	}

	public List<Mark> all() {
		return jdbc.query(all,
				(rs, n) -> new Mark(rs.getString("source"), rs.getString("kind"), rs.getString("type"),
						instant(rs.getTimestamp("watermark")), instant(rs.getTimestamp("last_pull")),
						rs.getLong("last_pulled")));
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
