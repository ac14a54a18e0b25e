package nl.leefbaar.report.excel;

import java.util.ArrayList;
import java.util.List;

import nl.leefbaar.domain.Category;

/**
 * The Aandacht list in words (outputs.md: "its reason in words and the figure behind
 * it"): a reason names the indicator, the category, the figure and what it is compared
 * with (the expected range around the city, the year before).
 */
final class AttentionText {

	private final Labels labels;

	private final int hotspotWindowDays;

	AttentionText(Labels labels, int hotspotWindowDays) {
		this.labels = labels;
		this.hotspotWindowDays = hotspotWindowDays;
	}

	/** One reason in words. */
	String reason(AttentionList.Reason reason) {
		return switch (reason.kind()) {
			case HIGH, ELEVATED -> flag(reason);
			case NEW_HOTSPOT -> labels.format("attention.new_hotspot", labels.category(reason.category()),
					reason.hotspot().reports(), hotspotWindowDays,
					reason.hotspot().reportsBefore() == null ? "–" : reason.hotspot().reportsBefore(),
					reason.hotspot().pValue() == null ? "= –" : labels.pStatement(reason.hotspot().pValue()));
			case RISE -> labels.format("attention.rise", labels.number(reason.figure().numerator(), 0),
					labels.number(reason.before().numerator(), 0),
					reason.change().estimate() == null ? "–" : (reason.change().estimate() > 0 ? "+" : "")
							+ labels.number(reason.change().estimate(), 0) + labels.get("unit.percent"),
					labels.pStatement(reason.change().pValue()));
		};
	}

	private String flag(AttentionList.Reason reason) {
		boolean rate = reason.indicator().equals("report_rate_12m");
		String category = reason.category().equals(Category.ALL) ? ""
				: labels.format("attention.category", labels.category(reason.category()));
		String value = rate ? labels.number(reason.figure().value(), 1) : labels.percent(reason.figure().value(), 0);
		String low = rate ? labels.number(reason.expected().low(), 1) : labels.percent(reason.expected().low(), 0);
		String high = rate ? labels.number(reason.expected().high(), 1) : labels.percent(reason.expected().high(), 0);
		return labels.format("attention.flag." + reason.indicator(), labels.flag(reason.figure().flag()), category,
				value, low, high, labels.number(reason.observedOverExpected(), 1));
	}

	/** The other reasons of a complex, in their order, in words. */
	String others(AttentionList.Entry entry) {
		List<String> texts = new ArrayList<>();
		entry.others().forEach(r -> texts.add(reason(r)));
		return String.join("; ", texts);
	}

	/** A whole line: "C00067 Portiekflat X: reason; also ...". */
	String line(AttentionList.Entry entry) {
		String line = entry.complex().id() + " " + entry.complex().name() + ": " + reason(entry.reason());
		if (!entry.others().isEmpty()) {
			line += "; " + labels.get("attention.also") + " " + others(entry);
		}
		return line;
	}

}
