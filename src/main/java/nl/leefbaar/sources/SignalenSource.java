package nl.leefbaar.sources;

import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import nl.leefbaar.ingest.ImportException;
import nl.leefbaar.ingest.ImportResult;
import nl.leefbaar.ingest.PullContext;
import nl.leefbaar.ingest.PulledRecords;
import nl.leefbaar.ingest.RecordSource;
import nl.leefbaar.schedule.SourceDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls the signals that changed since the watermark from Signalen
 * (sources-and-delivery.md, Signalen): {@code GET url?updated_after=<watermark>&ordering=
 * updated_at&page_size=100}, then {@code _links.next.href} until it is null. Signalen's
 * {@code updated_after} includes the watermark itself ({@code updated_at >= }), so the
 * records at the boundary come again and change nothing; none that shares the watermark's
 * time is skipped.
 * <p>
 * A signal becomes a report: id {@code <name>:<id>}, category {@code main_slug/sub_slug}
 * (mapped through category-mapping.csv), reported at {@code created_at}, closed at
 * {@code status.created_at} when the state is {@code o}, channel {@code source}, complex
 * and dwelling from {@code addresses.csv} by its address. A cancelled signal (state
 * {@code a}) and one at an address that is no dwelling of a complex are counted, not
 * stored, and remove what an earlier pull stored of them.
 * <p>
 * Pages are numbered, so a signal that changes during the pull moves to the end and every
 * later signal one place up: one of them would slip past the page being read. A signal
 * that comes twice in one pass shows it; the pass is then repeated from that signal's
 * first change time (a signal can only slip past at or after it), at most
 * {@value #MAX_PASSES} times, and if signals still move, the watermark stays at that time
 * so that the next run reads them.
 */
final class SignalenSource implements RecordSource {

	static final int MAX_PASSES = 3;

	private static final Logger log = LoggerFactory.getLogger(SignalenSource.class);

	private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

	private final SourceDefinition.Signalen definition;

	private final SourceSettings settings;

	private final Watermarks watermarks;

	private final Function<String, String> environment;

	private long pulled;

	private long outside;

	private long cancelled;

	private long removed;

	private long rejected;

	private long pages;

	private long fetching;

	private long parsing;

	private long staging;

	private Instant watermark;

	SignalenSource(SourceDefinition.Signalen definition, SourceSettings settings, Watermarks watermarks,
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
		String name = definition.name();
		String secret = environment.apply(definition.clientSecretEnv());
		if (secret == null || secret.isBlank()) {
			throw new ImportException(name + ": the environment variable " + definition.clientSecretEnv()
					+ " (the client secret) is not set");
		}
		AddressBook addresses = AddressBook.read(context.input(), name, context);
		String origin = definition.url().toString();
		Instant start = watermarks.load(name, "reports", origin).orElse(null);
		log.info("{}: pulling the signals {} ({} addresses of dwellings to place them)", name,
				start == null ? "from the start (first pull)" : "changed since " + start, addresses.size());
		SignalenClient client = new SignalenClient(definition, secret, settings);
		PulledRecords records = context.reports(name);
		try {
			Reports reports = new Reports(records, addresses);
			Instant latest = start;
			Instant from = start;
			Instant cap = null;
			for (int pass = 1;; pass++) {
				Map<Long, Instant> seen = new HashMap<>();
				Instant repeatFrom = null;
				for (URI page = firstPage(from); page != null;) {
					pages++;
					String what = "page " + pages + " (" + page + ")";
					long asked = System.nanoTime();
					String body = client.get(page, what);
					long answered = System.nanoTime();
					SignalenPage content = SignalenPage.parse(body, name + ": " + what);
					long parsed = System.nanoTime();
					fetching += answered - asked;
					parsing += parsed - answered;
					for (SignalenPage.Signal signal : content.signals()) {
						pulled++;
						Instant updated = signal.updatedAt().toInstant();
						Instant first = seen.putIfAbsent(signal.id(), updated);
						if (first != null && (repeatFrom == null || first.isBefore(repeatFrom))) {
							repeatFrom = first;
						}
						if (latest == null || updated.isAfter(latest)) {
							latest = updated;
						}
						reports.add(signal);
					}
					staging += System.nanoTime() - parsed;
					page = next(content.next(), what);
				}
				if (repeatFrom == null) {
					break;
				}
				if (pass == MAX_PASSES) {
					log.info("{}: signals still changed during pass {}; the watermark stays at {} for the next run",
							name, pass, repeatFrom);
					cap = repeatFrom;
					break;
				}
				log.info("{}: signals changed during the pull; reading again from {}", name, repeatFrom);
				from = repeatFrom;
			}
			long finishing = System.nanoTime();
			ImportResult.FileCounts counts = records.finish();
			finishing = System.nanoTime() - finishing;
			removed = records.removed();
			rejected = counts.rejected();
			watermark = cap != null && latest != null && cap.isBefore(latest) ? cap : latest;
			watermarks.save(name, "reports", definition.type(), origin, watermark, context.clock().instant(), pulled);
			log.info(
					"{}: {} signals in {} pages and {} tokens: {} cancelled, {} outside the complexes, {} removed;"
							+ " watermark {}",
					name, pulled, pages, client.tokens(), cancelled, outside, removed, watermark);
			log.info("{}: seconds waiting for pages {}, parsing {}, checking and staging {}, upsert {}", name,
					seconds(fetching), seconds(parsing), seconds(staging), seconds(finishing));
			return List.of(counts);
		}
		catch (RuntimeException | SQLException e) {
			records.cancel();
			throw e;
		}
	}

	private static String seconds(long nanos) {
		return String.format(Locale.ROOT, "%.2f", nanos / 1e9);
	}

	private URI firstPage(Instant from) {
		String url = definition.url().toString();
		String query = (from == null ? ""
				: "updated_after=" + SignalenClient.encode(MICROS.format(from.atOffset(ZoneOffset.UTC))) + "&")
				+ "ordering=updated_at&page_size=" + settings.pageSize();
		return URI.create(url + (url.contains("?") ? "&" : "?") + query);
	}

	/**
	 * The next page, on the configured server only: the bearer token goes nowhere else.
	 */
	private URI next(URI next, String what) {
		if (next == null) {
			return null;
		}
		URI base = definition.url();
		URI resolved = base.resolve(next);
		if (!Objects.equals(resolved.getScheme(), base.getScheme())
				|| !Objects.equals(resolved.getHost(), base.getHost()) || resolved.getPort() != base.getPort()) {
			throw new ImportException(
					definition.name() + ": " + what + " links to another server (" + resolved.getHost()
							+ ") as its next page; refused, the token goes to " + base.getHost() + " only");
		}
		return resolved;
	}

	@Override
	public Map<String, Object> summary() {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("name", definition.name());
		summary.put("type", definition.type());
		summary.put("pulled", pulled);
		summary.put("watermark", watermark == null ? null : watermark.toString());
		summary.put("outside_complexes", outside);
		summary.put("cancelled", cancelled);
		summary.put("removed", removed);
		summary.put("rejected", rejected);
		return summary;
	}

	/** Signals into the columns of reports.csv. */
	private final class Reports {

		private final PulledRecords records;

		private final AddressBook addresses;

		private final int width;

		private final int id;

		private final int complex;

		private final int dwelling;

		private final int category;

		private final int reportedAt;

		private final int closedAt;

		private final int channel;

		Reports(PulledRecords records, AddressBook addresses) {
			this.records = records;
			this.addresses = addresses;
			List<String> columns = records.columns();
			width = columns.size();
			id = columns.indexOf("report_id");
			complex = columns.indexOf("complex_id");
			dwelling = columns.indexOf("dwelling_ref");
			category = columns.indexOf("category");
			reportedAt = columns.indexOf("reported_at");
			closedAt = columns.indexOf("closed_at");
			channel = columns.indexOf("channel");
		}

		void add(SignalenPage.Signal signal) throws SQLException {
			String reportId = definition.name() + ":" + signal.id();
			if ("a".equals(signal.state())) {
				cancelled++;
				records.drop(reportId);
				return;
			}
			SignalenPage.Address address = signal.address();
			AddressBook.Dwelling place = address == null ? null
					: addresses.find(address.postcode(), address.number(), address.letter(), address.addition());
			if (place == null) {
				outside++;
				records.drop(reportId);
				return;
			}
			List<String> values = new ArrayList<>(Collections.nCopies(width, (String) null));
			values.set(id, reportId);
			values.set(complex, place.complexId());
			values.set(dwelling, place.dwellingRef());
			values.set(category, signal.mainSlug() + "/" + signal.subSlug());
			values.set(reportedAt, signal.createdAt());
			values.set(closedAt, "o".equals(signal.state()) ? signal.statusCreatedAt() : null);
			values.set(channel, signal.source());
			records.add(values);
		}

	}

}
