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

	// each column by its place in required() + optional() (InputFileColumnsTests)
	private static final int REPORT_ID = 0;

	private static final int COMPLEX_ID = 1;

	private static final int CATEGORY = 2;

	private static final int REPORTED_AT = 3;

	private static final int DWELLING_REF = 4;

	private static final int CLOSED_AT = 5;

	private static final int CHANNEL = 6;

	private static final int FOLLOW_UP = 7;

	private final Set<String> complexes;

	private final CategoryMapping mapping;

	private final OffsetDateTime now;

	private long unmapped;

	private ReportDigests digests;

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
	void stage(CopyRows out) {
		String idValue = required(REPORT_ID);
		String complexValue = required(COMPLEX_ID);
		if (!complexes.contains(complexValue)) {
			throw new RowRejected("complex_id", "unknown complex '" + Texts.shorten(complexValue) + "'");
		}
		String source = required(CATEGORY);
		OffsetDateTime reported = timestamp(required(REPORTED_AT), "reported_at", now);
		String closedText = text(CLOSED_AT);
		OffsetDateTime closed = closedText == null ? null : timestamp(closedText, "closed_at", now);
		if (closed != null && closed.isBefore(reported)) {
			throw new RowRejected("closed_at", "closed_at " + closed + " is before reported_at " + reported);
		}
		String followUpValue = text(FOLLOW_UP);
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
		String dwellingValue = text(DWELLING_REF);
		String channelValue = text(CHANNEL);
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
