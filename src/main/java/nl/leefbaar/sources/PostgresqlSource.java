package nl.leefbaar.sources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

import nl.leefbaar.ingest.ImportException;
import nl.leefbaar.ingest.ImportResult;
import nl.leefbaar.ingest.PullContext;
import nl.leefbaar.ingest.PulledRecords;
import nl.leefbaar.ingest.RecordSource;
import nl.leefbaar.schedule.SourceDefinition;
import nl.leefbaar.system.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.AbstractSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;

/**
 * Pulls reports and activities from a PostgreSQL database with the query files of the job
 * definition (sources-and-delivery.md, PostgreSQL). A query returns the columns of
 * reports.csv or activities.csv by name, and {@code changed_at} (timestamp with time
 * zone), and may use {@code :since}: the watermark, bound as a parameter (the first pull
 * binds 1900-01-01, which is everything). It runs in a read-only transaction with a
 * statement timeout, and its rows are streamed with a fetch size, never held together.
 * The URL, user and password come from the environment ({@code url_env} and the same name
 * with {@code _USER} and {@code _PASSWORD}). An unreachable server is tried again after
 * the configured waits; a failure once rows flow fails the source. Ids are prefixed with
 * the source's name; each query has a watermark of its own.
 */
final class PostgresqlSource implements RecordSource {

	private static final Logger log = LoggerFactory.getLogger(PostgresqlSource.class);

	static final Instant EVERYTHING = Instant.parse("1900-01-01T00:00:00Z");

	private final SourceDefinition.Postgresql definition;

	private final SourceSettings settings;

	private final Watermarks watermarks;

	private final Function<String, String> environment;

	private final Map<String, Instant> watermarkByKind = new LinkedHashMap<>();

	private long pulled;

	private long rejected;

	PostgresqlSource(SourceDefinition.Postgresql definition, SourceSettings settings, Watermarks watermarks,
			Function<String, String> environment) {
		this.definition = definition;
		this.settings = settings;
		this.watermarks = watermarks;
		this.environment = environment;
	}

	@Override
	public String name() {
		return definition.name();
	}

	@Override
	public List<ImportResult.FileCounts> pull(PullContext context) throws IOException, SQLException {
		String url = environment.apply(definition.urlEnv());
		if (url == null || url.isBlank()) {
			throw new ImportException(definition.name() + ": the environment variable " + definition.urlEnv()
					+ " (the database's JDBC URL) is not set");
		}
		if (!url.startsWith("jdbc:postgresql:")) {
			throw new ImportException(definition.name() + ": " + definition.urlEnv()
					+ " must hold a jdbc:postgresql://host/database URL");
		}
		Properties login = new Properties();
		String user = environment.apply(definition.userEnv());
		String password = environment.apply(definition.passwordEnv());
		Secrets.register(password);
		if (user != null && !user.isBlank()) {
			login.setProperty("user", user);
		}
		if (password != null && !password.isEmpty()) {
			login.setProperty("password", password);
		}
		login.setProperty("ApplicationName", "leefbaar " + definition.name());
		login.setProperty("connectTimeout", Long.toString(Math.max(1, settings.connectTimeout().toSeconds())));
		List<ImportResult.FileCounts> counts = new ArrayList<>();
		if (definition.reports() != null) {
			counts.add(pullKind(context, "reports", definition.reports(), url, login));
		}
		if (definition.activities() != null) {
			counts.add(pullKind(context, "activities", definition.activities(), url, login));
		}
		return counts;
	}

	private ImportResult.FileCounts pullKind(PullContext context, String kind, Path queryFile, String url,
			Properties login) throws IOException, SQLException {
		String name = definition.name();
		String origin = definition.urlEnv() + " " + queryFile.getFileName();
		Instant start = watermarks.load(name, kind, origin).orElse(null);
		ParsedSql parsed = NamedParameterUtils.parseSqlStatement(Files.readString(queryFile));
		String sql = NamedParameterUtils.substituteNamedParameters(parsed, null);
		Set<String> names = new LinkedHashSet<>();
		int placeholders = NamedParameterUtils.buildValueArray(parsed, new AbstractSqlParameterSource() {
			@Override
			public boolean hasValue(String name) {
				return true;
			}

			@Override
			public Object getValue(String name) {
				names.add(name);
				return null;
			}
		}, null).length;
		for (String parameter : names) {
			if (!parameter.equals("since")) {
				throw new ImportException(name + ": " + queryFile.getFileName() + " uses :" + parameter
						+ "; the only parameter is :since (the watermark)");
			}
		}
		String what = name + " (" + kind + ", " + queryFile.getFileName() + ")";
		log.info("{}: reading the rows changed since {}", what, start == null ? "the start (first pull)" : start);
		PulledRecords records = kind.equals("reports") ? context.reports(name) : context.activities(name);
		Instant latest = start;
		long rows = 0;
		try (Connection connection = connect(url, login, what)) {
			connection.setAutoCommit(false);
			connection.setReadOnly(true);
			try (PreparedStatement timeout = connection
				.prepareStatement("select set_config('statement_timeout', ?, true)")) {
				timeout.setString(1, settings.statementTimeout().toMillis() + "ms");
				timeout.execute();
			}
			try (PreparedStatement query = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
					ResultSet.CONCUR_READ_ONLY)) {
				query.setFetchSize(settings.fetchSize());
				OffsetDateTime since = (start == null ? EVERYTHING : start).atOffset(ZoneOffset.UTC);
				for (int i = 1; i <= placeholders; i++) {
					query.setObject(i, since, Types.TIMESTAMP_WITH_TIMEZONE);
				}
				try (ResultSet result = query.executeQuery()) {
					Row row = new Row(result.getMetaData(), records.columns(), what, name);
					while (result.next()) {
						rows++;
						List<String> values = row.values(result);
						OffsetDateTime changed = result.getObject(row.changedAt, OffsetDateTime.class);
						if (changed == null) {
							context.reject(name, values.get(0) == null ? "" : values.get(0), "changed_at",
									"missing value (required: the record's change time)");
							rejected++;
							continue;
						}
						if (latest == null || changed.toInstant().isAfter(latest)) {
							latest = changed.toInstant();
						}
						records.add(values);
					}
				}
			}
			connection.rollback();
		}
		catch (SQLException e) {
			records.cancel();
			throw new ImportException(what + ": the query failed after " + rows + " rows: " + firstLine(e), e);
		}
		catch (RuntimeException e) {
			records.cancel();
			throw e;
		}
		ImportResult.FileCounts counts = records.finish();
		pulled += rows;
		rejected += counts.rejected();
		watermarkByKind.put(kind, latest);
		watermarks.save(name, kind, definition.type(), origin, latest, context.clock().instant(), rows);
		log.info("{}: {} rows; watermark {}", what, rows, latest);
		return counts;
	}

	/**
	 * Connects, trying again after the configured waits while the server cannot be
	 * reached.
	 */
	private Connection connect(String url, Properties login, String what) {
		List<Duration> waits = settings.retryWaits();
		SQLException last = null;
		for (int attempt = 0; attempt <= waits.size(); attempt++) {
			if (attempt > 0) {
				try {
					Thread.sleep(waits.get(attempt - 1).toMillis());
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new ImportException(what + ": interrupted while waiting to connect again");
				}
			}
			try {
				return DriverManager.getConnection(url, login);
			}
			catch (SQLException e) {
				last = e;
				String state = e.getSQLState() == null ? "" : e.getSQLState();
				if (!state.startsWith("08")) {
					// a refused login or a missing database: trying again changes nothing
					throw new ImportException(what + ": cannot connect: " + firstLine(e), e);
				}
			}
		}
		throw new ImportException(what + ": the database is unreachable after " + (waits.size() + 1) + " attempts: "
				+ firstLine(last) + "; nothing of " + definition.name() + " was committed", last);
	}

	private static String firstLine(SQLException e) {
		String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		return message.lines().findFirst().orElse(message);
	}

	@Override
	public Map<String, Object> summary() {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("name", definition.name());
		summary.put("type", definition.type());
		summary.put("pulled", pulled);
		// all records changed before the earliest of the queries' watermarks are in
		Instant earliest = watermarkByKind.values()
			.stream()
			.filter(Objects::nonNull)
			.min(Instant::compareTo)
			.orElse(null);
		summary.put("watermark", earliest == null ? null : earliest.toString());
		Map<String, Object> byKind = new LinkedHashMap<>();
		watermarkByKind.forEach((kind, mark) -> byKind.put(kind, mark == null ? null : mark.toString()));
		summary.put("watermarks", byKind);
		summary.put("outside_complexes", 0L);
		summary.put("rejected", rejected);
		return summary;
	}

	/** The columns of a query's rows by the names of the input file's columns. */
	private static final class Row {

		private final int[] columnOf;

		private final int changedAt;

		private final String prefix;

		Row(ResultSetMetaData meta, List<String> columns, String what, String source) throws SQLException {
			Map<String, Integer> byName = new HashMap<>();
			Map<String, String> typeByName = new HashMap<>();
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				String label = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
				byName.putIfAbsent(label, i);
				typeByName.putIfAbsent(label, meta.getColumnTypeName(i));
			}
			Integer changed = byName.get("changed_at");
			if (changed == null) {
				throw new ImportException(what + ": the query returns no column changed_at (the record's change time)");
			}
			if (!"timestamptz".equals(typeByName.get("changed_at"))) {
				throw new ImportException(what + ": changed_at is a " + typeByName.get("changed_at")
						+ ", not a timestamp with time zone (cast it: ...::timestamptz)");
			}
			if (!byName.containsKey(columns.get(0))) {
				throw new ImportException(what + ": the query returns no column " + columns.get(0));
			}
			this.changedAt = changed;
			this.columnOf = columns.stream().mapToInt(c -> byName.getOrDefault(c, 0)).toArray();
			this.prefix = source + ":";
		}

		/** The row's values, the id prefixed with the source's name; null for empty. */
		List<String> values(ResultSet result) throws SQLException {
			List<String> values = new ArrayList<>(Collections.nCopies(columnOf.length, (String) null));
			for (int i = 0; i < columnOf.length; i++) {
				if (columnOf[i] > 0) {
					values.set(i, result.getString(columnOf[i]));
				}
			}
			if (values.get(0) != null && !values.get(0).isBlank()) {
				values.set(0, prefix + values.get(0).trim());
			}
			return values;
		}

	}

}
