package nl.leefbaar.deliver;

import java.sql.Array;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery log (V6__delivery_log.sql): which message of which month went to whom,
 * with the digest of its figures. A message is recorded in a transaction of its own right
 * after the mail server accepted it, whatever transaction the step holds, so that a run
 * killed between two messages has recorded the first.
 */
@Component
public class DeliveryLog {

	/** One accepted message. */
	public record Sent(String month, String entry, List<String> recipients, String digest, String messageId, int files,
			boolean updated, boolean forced, OffsetDateTime sentAt) {
	}

	private static final RowMapper<Sent> SENT = (rs, row) -> new Sent(rs.getString("month"), rs.getString("entry"),
			strings(rs.getArray("recipients")), rs.getString("digest"), rs.getString("message_id"), rs.getInt("files"),
			rs.getBoolean("updated"), rs.getBoolean("forced"), rs.getObject("sent_at", OffsetDateTime.class));

	private static final String COLUMNS = "month, entry, recipients, digest, message_id, files, updated, forced, sent_at";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	DeliveryLog(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The messages of a month and entry that the server accepted, oldest first. */
	List<Sent> sent(String month, String entry) {
		return jdbc.query("select " + COLUMNS + " from delivery_log where month = ? and entry = ? order by id", SENT,
				month, entry);
	}

	/** Every message of a month, oldest first (for {@code leefbaar status}). */
	public List<Sent> sent(String month) {
		return jdbc.query("select " + COLUMNS + " from delivery_log where month = ? order by id", SENT, month);
	}

	/** The latest month anything was sent for. */
	public Optional<String> latestMonth() {
		return jdbc.queryForList("select month from delivery_log order by sent_at desc, id desc limit 1", String.class)
			.stream()
			.findFirst();
	}

	/** Records an accepted message, committed at once in a transaction of its own. */
	void record(String month, String entry, List<String> recipients, String digest, String messageId, int files,
			boolean updated, boolean forced) {
		ownTransaction.executeWithoutResult(status -> jdbc.update(
				"insert into delivery_log (month, entry, recipients, digest, message_id, files, updated, forced) "
						+ "values (?, ?, ?::text[], ?, ?, ?, ?, ?)",
				month, entry, recipients.toArray(String[]::new), digest, messageId, files, updated, forced));
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
