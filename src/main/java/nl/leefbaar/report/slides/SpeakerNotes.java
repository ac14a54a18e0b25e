package nl.leefbaar.report.slides;

import nl.leefbaar.report.charts.ChartRenderer.ChartSet;
import nl.leefbaar.report.charts.Figures.Effect;
import nl.leefbaar.report.charts.Labels;

/**
 * Speaker notes: the definition behind each chart and the caveats a presenter should say
 * aloud.
 */
final class SpeakerNotes {

	private SpeakerNotes() {
	}

	static String of(String chart, ChartSet set, int repeatWindowDays, int effectWindowDays) {
		Labels labels = set.labels();
		return switch (chart) {
			case "rate-trend" -> labels.get("notes.rateTrend");
			case "repeat-trend" -> labels.get("notes.repeatTrend", String.valueOf(repeatWindowDays));
			case "funnel" -> labels.get("notes.funnel", overdispersion(set, labels));
			case "ranking" -> labels.get("notes.ranking");
			case "map-report-rate", "map-repeat-rate", "map-index" -> labels.get("notes.map");
			case "activity-effect" -> labels.get("notes.effect", String.valueOf(effectWindowDays), versus(set, labels));
			case "concentration" -> labels.get("notes.concentration");
			default -> "";
		};
	}

	private static String overdispersion(ChartSet set, Labels labels) {
		if (set.funnel().phi() == null) {
			return labels.get("notes.overdispersion.unknown");
		}
		String phi = labels.number(set.funnel().phi(), 2);
		String tau2 = set.funnel().tau2() == null ? "-" : labels.number(set.funnel().tau2(), 4);
		return labels.get(set.funnel().adjusted() ? "notes.overdispersion.adjusted" : "notes.overdispersion.poisson",
				phi, tau2);
	}

	/**
	 * "Schoonmaakactie 0,75; Vergroening 0,95": each type's effect against its comparison
	 * group.
	 */
	private static String versus(ChartSet set, Labels labels) {
		StringBuilder text = new StringBuilder();
		for (Effect e : set.effects()) {
			if (e.effectVsComparison() != null) {
				if (!text.isEmpty()) {
					text.append("; ");
				}
				text.append(labels.activity(e.type())).append(' ').append(labels.number(e.effectVsComparison(), 2));
			}
		}
		return text.isEmpty() ? labels.get("notes.effect.none") : text.toString();
	}

}
