package nl.leefbaar.report.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.regex.Pattern;

import org.apache.commons.math3.distribution.TDistribution;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class LabelsAndTrendTests {

	/**
	 * A label with a placeholder goes through MessageFormat, where a single apostrophe
	 * starts a quoted part: "team's dashboard, {0}" printed "teams dashboard, {0}". Such
	 * a label writes its apostrophe twice; the delivery's labels are all formatted.
	 */
	@Test
	void everyFormattedLabelWritesItsApostropheTwice() throws IOException {
		Pattern single = Pattern.compile("(?<!')'(?!')");
		for (String file : List.of("workbook", "workbook_en", "charts", "charts_en", "delivery", "delivery_en")) {
			Properties labels = new Properties();
			try (var in = getClass().getResourceAsStream("/i18n/" + file + ".properties")) {
				labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			}
			labels.forEach((key, value) -> {
				boolean formatted = file.startsWith("delivery") || value.toString().matches("(?s).*\\{\\d.*");
				if (formatted) {
					assertThat(single.matcher(value.toString()).find()).as(file + ": " + key + "=" + value).isFalse();
				}
			});
		}
	}

	@Test
	void dutchLabelsEvenWhenTheJvmSpeaksEnglish() {
		Locale before = Locale.getDefault();
		try {
			Locale.setDefault(Locale.ENGLISH);
			assertThat(Labels.of(Locale.forLanguageTag("nl")).get("sheet.overview")).isEqualTo("Overzicht");
			assertThat(Labels.of(Locale.ENGLISH).get("sheet.overview")).isEqualTo("Overview");
		}
		finally {
			Locale.setDefault(before);
		}
	}

	@Test
	void unknownCodesFromTheDataStayAsTheyAre() {
		Labels labels = Labels.of(Locale.forLanguageTag("nl"));
		assertThat(labels.category("pollution")).isEqualTo("Vervuiling");
		assertThat(labels.category("=cmd|' /C calc'!A0")).isEqualTo("=cmd|' /C calc'!A0");
		assertThat(labels.flag("in range")).isEqualTo("binnen marge");
	}

	@Test
	void aPValueInASentenceIsEqualToOrBelowItsSmallestShownValue() {
		Labels labels = Labels.of(Locale.forLanguageTag("nl"));
		assertThat(labels.pStatement(0.00264)).isEqualTo("= 0,0026");
		assertThat(labels.pStatement(0.0001)).isEqualTo("= 0,0001");
		assertThat(labels.pStatement(0.00004)).isEqualTo("< 0,0001");
		assertThat(Labels.of(Locale.ENGLISH).pStatement(0.00004)).isEqualTo("< 0.0001");
	}

	@Test
	void bandsFollowTheIndexThresholds() {
		assertThat(Band.of(110.0)).isEqualTo(Band.CLEARLY_BETTER);
		assertThat(Band.of(109.99)).isEqualTo(Band.AROUND_REFERENCE);
		assertThat(Band.of(90.0)).isEqualTo(Band.AROUND_REFERENCE);
		assertThat(Band.of(89.99)).isEqualTo(Band.BEHIND);
		assertThat(Band.of(70.0)).isEqualTo(Band.BEHIND);
		assertThat(Band.of(69.99)).isEqualTo(Band.FAR_BEHIND);
		assertThat(Band.of(null)).isNull();
	}

	@Test
	void trendIsRisingOrFallingOnlyWhenSignificant() {
		assertThat(Trend.ols(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }).direction()).isEqualTo("rising");
		assertThat(Trend.ols(new double[] { 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5 }).direction()).isEqualTo("none");
		Trend falling = Trend.ols(new double[] { 12, 11.5, 10, 9.8, 9, 7.5, 7, 6.1, 5, 4.2, 3, 2.5 });
		assertThat(falling.direction()).isEqualTo("falling");
		assertThat(falling.slope()).isNegative();
	}

	@Test
	void trendPValueMatchesTheTDistributionWithTenDegreesOfFreedom() {
		// y = 2 + 0.1 x + noise, checked against the textbook formulas for the slope and
		// its t statistic
		Random random = new Random(7);
		for (int run = 0; run < 50; run++) {
			double[] y = new double[12];
			for (int i = 0; i < 12; i++) {
				y[i] = 2 + 0.1 * (i + 1) + random.nextGaussian();
			}
			double xMean = 6.5;
			double yMean = Arrays.stream(y).average().orElseThrow();
			double sxx = 0;
			double sxy = 0;
			for (int i = 0; i < 12; i++) {
				sxx += (i + 1 - xMean) * (i + 1 - xMean);
				sxy += (i + 1 - xMean) * (y[i] - yMean);
			}
			double slope = sxy / sxx;
			double sse = 0;
			for (int i = 0; i < 12; i++) {
				double fitted = yMean + slope * (i + 1 - xMean);
				sse += (y[i] - fitted) * (y[i] - fitted);
			}
			double t = slope / Math.sqrt(sse / 10 / sxx);
			double p = 2 * (1 - new TDistribution(10).cumulativeProbability(Math.abs(t)));
			Trend trend = Trend.ols(y);
			assertThat(trend.slope()).isCloseTo(slope, Offset.offset(1e-12));
			assertThat(trend.pValue()).isCloseTo(p, Offset.offset(1e-9));
			assertThat(trend.direction()).isEqualTo(p < 0.05 ? (slope > 0 ? "rising" : "falling") : "none");
		}
	}

}
