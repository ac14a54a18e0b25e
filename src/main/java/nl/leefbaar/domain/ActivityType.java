package nl.leefbaar.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Activity types of input-format.md. */
public enum ActivityType {

	CLEANUP, GREENING, MEETING, MEDIATION, ACCOMPANIMENT, JOB_GUIDANCE, HOME_VISIT, OTHER;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<ActivityType> fromCode(String code) {
		if (code == null) {
			return Optional.empty();
		}
		String wanted = code.trim().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter(t -> t.code().equals(wanted)).findFirst();
	}

}
