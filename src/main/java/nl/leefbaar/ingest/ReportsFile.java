package nl.leefbaar.ingest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * reports.csv: a report belongs to a known complex, came in between 2000 and now, was not
 * closed before it came in; its source category is mapped (unmapped: {@code other},
 * counted).
 */
final class ReportsFile extends InputFile {

	static final String FILE = "reports.csv";
	static final Set<String> FOLLOW_UPS = Set.of("visit", "conversation", "referral", "accompaniment", "mediation",
			"none");

	private static final Target TARGET = new Target("report", "staging_report", "report_id",
			List.of("complex_id", "dwelling_ref", "source_category", "category", "reported_at", "reported_day",
					"closed_at", "channel", "follow_up"));

	private final Set<String> complexes;

	private final CategoryMapping mapping;

	private final OffsetDateTime now;

	private long unmapped;

	private ReportDigests digests;

	private int id;

	private int complex;

	private int dwelling;

	private int category;

	private int reportedAt;

	private int closedAt;

	private int channel;

	private int followUp;

	ReportsFile(Set<String> complexes, CategoryMapping mapping, Clock clock) {
		this.complexes = complexes;
		this.mapping = mapping;
		this.now = OffsetDateTime.now(clock);
	}

	long unmapped() {
		return unmapped;
	}

	/**
	 * Computes the report digests of the rows staged from now on (a load straight into
	 * the table, with the digest trigger off), or stops when null.
	 */
	void collectDigests(ReportDigests digests) {
		this.digests = digests;
	}

	@Override
	String fileName() {
		return FILE;
	}

	@Override
	Target target() {
		return TARGET;
	}

	@Override
	List<String> required() {
		return List.of("report_id", "complex_id", "category", "reported_at");
	}

	@Override
	List<String> optional() {
		return List.of("dwelling_ref", "closed_at", "channel", "follow_up");
	}

	@Override
	void bind(Columns columns) {
		id = columns.index("report_id");
		complex = columns.index("complex_id");
		dwelling = columns.index("dwelling_ref");
		category = columns.index("category");
		reportedAt = columns.index("reported_at");
		closedAt = columns.index("closed_at");
		channel = columns.index("channel");
		followUp = columns.index("follow_up");
	}

	@Override
	void stage(CopyRows out) {
		String idValue = required(id, "report_id");
		String complexValue = required(complex, "complex_id");
		if (!complexes.contains(complexValue)) {
			throw new RowRejected("complex_id", "unknown complex '" + Texts.shorten(complexValue) + "'");
		}
		String source = required(category, "category");
		OffsetDateTime reported = timestamp(required(reportedAt, "reported_at"), "reported_at", now);
		String closedText = text(closedAt, "closed_at");
		OffsetDateTime closed = closedText == null ? null : timestamp(closedText, "closed_at", now);
		if (closed != null && closed.isBefore(reported)) {
			throw new RowRejected("closed_at", "closed_at " + closed + " is before reported_at " + reported);
		}
		String followUpValue = text(followUp, "follow_up");
		if (followUpValue != null) {
			followUpValue = followUpValue.toLowerCase(Locale.ROOT);
			if (!FOLLOW_UPS.contains(followUpValue)) {
				throw new RowRejected("follow_up", "'" + Texts.shorten(followUpValue)
						+ "' is not a follow-up (visit, conversation, referral, accompaniment, mediation, none)");
			}
		}
		String code = mapping.map(source);
		if (code == null) {
			code = mapping.mapOrOther(source);
			unmapped++;
		}
		key = idValue;
		String dwellingValue = text(dwelling, "dwelling_ref");
		String channelValue = text(channel, "channel");
		LocalDate day = Temporals.localDay(reported);
		out.text(idValue);
		out.text(complexValue);
		out.text(dwellingValue);
		out.text(source);
		out.text(code);
		out.timestamp(reported);
		out.date(day);
		out.timestamp(closed);
		out.text(channelValue);
		out.text(followUpValue);
		if (digests != null) {
			digests.add(idValue, complexValue, dwellingValue, code, reported, day, closed, followUpValue);
		}
	}

}
