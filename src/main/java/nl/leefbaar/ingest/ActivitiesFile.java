package nl.leefbaar.ingest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import nl.leefbaar.domain.ActivityType;

/**
 * activities.csv: an activity took place at exactly one known complex or neighbourhood,
 * on a date between 2000 and today, with a known type and a category it addresses (or
 * none).
 */
final class ActivitiesFile extends InputFile {

	static final String FILE = "activities.csv";

	private static final Target TARGET = new Target("activity", "staging_activity", "activity_id",
			List.of("complex_id", "neighbourhood_code", "type", "date", "participants", "addresses_category"));

	// each column by its place in required() + optional() (InputFileColumnsTests)
	private static final int ACTIVITY_ID = 0;

	private static final int TYPE = 1;

	private static final int DATE = 2;

	private static final int COMPLEX_ID = 3;

	private static final int NEIGHBOURHOOD_CODE = 4;

	private static final int PARTICIPANTS = 5;

	private static final int ADDRESSES_CATEGORY = 6;

	private final Set<String> complexes;

	private final Set<String> neighbourhoods;

	private final CategoryMapping mapping;

	private final LocalDate today;

	ActivitiesFile(Set<String> complexes, Set<String> neighbourhoods, CategoryMapping mapping, Clock clock) {
		this.complexes = complexes;
		this.neighbourhoods = neighbourhoods;
		this.mapping = mapping;
		this.today = LocalDate.now(clock.withZone(Temporals.ZONE));
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
		return List.of("activity_id", "type", "date");
	}

	@Override
	List<String> optional() {
		return List.of("complex_id", "neighbourhood_code", "participants", "addresses_category");
	}

	@Override
	void checkHeader(Columns columns) {
		if (columns.index("complex_id") < 0 && columns.index("neighbourhood_code") < 0) {
			throw new ImportException(
					FILE + ": missing required column complex_id or neighbourhood_code (one of the two)");
		}
	}

	@Override
	void stage(CopyRows out) {
		String idValue = required(ACTIVITY_ID);
		String complexValue = text(COMPLEX_ID);
		String neighbourhoodValue = text(NEIGHBOURHOOD_CODE);
		if ((complexValue == null) == (neighbourhoodValue == null)) {
			throw new RowRejected(complexValue == null ? "complex_id" : "neighbourhood_code",
					"exactly one of complex_id and neighbourhood_code must be given");
		}
		if (complexValue != null && !complexes.contains(complexValue)) {
			throw new RowRejected("complex_id", "unknown complex '" + Texts.shorten(complexValue) + "'");
		}
		if (neighbourhoodValue != null && !neighbourhoods.contains(neighbourhoodValue)) {
			throw new RowRejected("neighbourhood_code",
					"unknown neighbourhood '" + Texts.shorten(neighbourhoodValue) + "'");
		}
		String typeText = required(TYPE);
		ActivityType activityType = ActivityType.fromCode(typeText)
			.orElseThrow(() -> new RowRejected("type",
					"'" + Texts.shorten(typeText) + "' is not an activity type (cleanup, greening, meeting, mediation,"
							+ " accompaniment, job_guidance, home_visit, other)"));
		LocalDate day = date(required(DATE), "date", today);
		Integer count = integer(text(PARTICIPANTS), "participants");
		if (count != null && count < 0) {
			throw new RowRejected("participants", "participants must be a whole number >= 0, not " + count);
		}
		String addressed = text(ADDRESSES_CATEGORY);
		String code = null;
		if (addressed != null) {
			code = mapping.map(addressed);
			if (code == null) {
				throw new RowRejected("addresses_category",
						"'" + Texts.shorten(addressed) + "' is not a report category");
			}
		}
		key = idValue;
		out.text(idValue);
		out.text(complexValue);
		out.text(neighbourhoodValue);
		out.text(activityType.code());
		out.date(day);
		out.integer(count);
		out.text(code);
	}

}
