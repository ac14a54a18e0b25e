package nl.leefbaar.report.excel;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import nl.leefbaar.report.AttentionLines;
import nl.leefbaar.system.LeefbaarProperties;
import org.springframework.stereotype.Component;

/**
 * The owner's Aandacht list in words, as its dashboard's Overzicht has it (outputs.md):
 * for the message that delivers the dashboard. Reads only what the list needs.
 */
@Component
class DashboardAttentionLines implements AttentionLines {

	private final FigureStore figures;

	private final DashboardStore store;

	DashboardAttentionLines(FigureStore figures, DashboardStore store) {
		this.figures = figures;
		this.store = store;
	}

	@Override
	public List<String> lines(YearMonth month, String owner, Locale locale, int limit, LeefbaarProperties settings) {
		DashboardData data = DashboardData.forAttention(month, figures, store);
		AttentionText text = new AttentionText(Labels.of(locale), settings.indicators().hotspotWindowDays());
		return AttentionList
			.of(data, id -> data.complexById.containsKey(id) && Objects.equals(owner, data.complexById.get(id).owner()),
					Math.min(limit, AttentionList.LIMIT))
			.stream()
			.map(text::line)
			.toList();
	}

}
