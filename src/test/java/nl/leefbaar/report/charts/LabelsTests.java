package nl.leefbaar.report.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import nl.leefbaar.report.ReportWriter.ReportScope;
import org.junit.jupiter.api.Test;

class LabelsTests {

	@Test
	void dutchStaysDutchOnAServerWhoseDefaultLocaleIsEnglish() {
		Locale before = Locale.getDefault();
		try {
			Locale.setDefault(Locale.US);
			Labels labels = new Labels(Locale.forLanguageTag("nl"));
			assertThat(labels.source(YearMonth.of(2026, 3)))
				.isEqualTo("Bron: meldingen en activiteiten, t/m maart 2026");
			assertThat(labels.number(41.25, 1)).isEqualTo("41,3");
		}
		finally {
			Locale.setDefault(before);
		}
	}

	@Test
	void noLocaleMeansDutchAndEnglishLocaleMeansEnglish() {
		assertThat(new Labels(null).category("pollution")).isEqualTo("Vervuiling");
		assertThat(new Labels(Locale.UK).category("pollution")).isEqualTo("Pollution");
		assertThat(new Labels(Locale.UK).source(YearMonth.of(2026, 3)))
			.isEqualTo("Source: reports and activities, up to March 2026");
	}

	@Test
	void changesAndSharesAreWrittenTheWayEachLanguageWritesThem() {
		Labels nl = new Labels(Locale.forLanguageTag("nl"));
		Labels en = new Labels(Locale.ENGLISH);
		assertThat(nl.change(-0.3208)).isEqualTo("-32 %");
		assertThat(en.change(0.061)).isEqualTo("+6%");
		assertThat(nl.percent(0.29, 0)).isEqualTo("29 %");
	}

	@Test
	void scopeIsNamed() {
		Labels nl = new Labels(Locale.forLanguageTag("nl"));
		assertThat(nl.scope(ReportScope.CITY, null)).isEqualTo("Hele stad");
		assertThat(nl.scope(new ReportScope("BU1", List.of()), "Centrum")).isEqualTo("Buurt Centrum");
		assertThat(nl.scope(new ReportScope(null, List.of("C1", "C2", "C3")), null)).isEqualTo("3 complexen");
	}

}
