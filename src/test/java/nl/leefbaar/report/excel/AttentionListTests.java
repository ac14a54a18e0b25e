package nl.leefbaar.report.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.leefbaar.report.AttentionLines;
import nl.leefbaar.support.TestDatabase;
import nl.leefbaar.system.LeefbaarProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Aandacht list (outputs.md, Managers) on a fixture with a complex for every reason
 * and every tie. The city's 12-month rate is 10 per 100 dwellings in every category, its
 * dwelling repeat share 0.2; every complex has 100 dwellings, so observed / expected is
 * the complex's rate over 10 (its share over 0.2).
 * <ul>
 * <li>high: K01 rate 30 (3.0), K11 rate 28 (2.8, and a rise), K02 repeat share 0.5 in
 * pollution (2.5), K03 rate 25 in damage (2.5: after K02 by id);</li>
 * <li>new hotspots: K05 (p 0.0001, and elevated), K04 (p 0.001); K10's hotspot is not
 * new;</li>
 * <li>elevated: K07 (1.8), K06 repeat share 0.3 (1.5), K12 rate 12 (1.2);</li>
 * <li>rises of the 12-month reports: K08 (60 against 30, p 0.0021), K13 (40 against 20, p
 * 0.013); K09 (30 against 18, p 0.11) is no clear rise, nor K01 (30 against 20, p 0.20);
 * K11's 28 against 10 (p 0.0051) is.</li>
 * </ul>
 * Eleven complexes qualify; the list stops at ten, so K13 is left out.
 */
@SpringBootTest
class AttentionListTests {

	static final YearMonth MONTH = YearMonth.of(2025, 6);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	LeefbaarProperties properties;

	@Autowired
	FigureStore figures;

	@Autowired
	DashboardStore store;

	@Autowired
	AttentionLines attentionLines;

	@BeforeEach
	void givenAComplexForEveryReason() {
		TestDatabase.clearDomainTables(jdbc);
		jdbc.update("insert into neighbourhood values ('N1', 'Noord', null)");
		for (int i = 1; i <= 13; i++) {
			String id = String.format("K%02d", i);
			jdbc.update("insert into complex values (?, ?, 'N1', ?, 100)", id, "Complex " + id,
					i % 2 == 0 ? "Even" : "Oneven");
			// the same 12-month reports as a year earlier, unless a rise is wanted
			rate(MONTH, id, "all", 20, null);
			rate(MONTH.minusYears(1), id, "all", 20, null);
		}
		for (String category : List.of("all", "pollution", "damage")) {
			figure(MONTH, "city", "city", category, "report_rate_12m", 10.0, 1300, 13_000, null);
			figure(MONTH, "city", "city", category, "dwelling_repeat_rate_12m", 0.2, 200, 1000, null);
		}
		rate(MONTH, "K01", "all", 30, "high");
		rate(MONTH, "K11", "all", 28, "high");
		rate(MONTH.minusYears(1), "K11", "all", 10, null);
		share("K02", "pollution", 0.5, "high");
		rate(MONTH, "K03", "damage", 25, "high");
		rate(MONTH, "K05", "all", 21, "elevated");
		rate(MONTH, "K07", "all", 18, "elevated");
		share("K06", "all", 0.3, "elevated");
		rate(MONTH, "K12", "all", 12, "elevated");
		rise("K08", 60, 30);
		rise("K13", 40, 20);
		rise("K09", 30, 18);
		hotspot("K05", "safety", 0.0001, true);
		hotspot("K04", "pollution", 0.001, true);
		hotspot("K10", "pollution", 0.00001, false);
	}

	private void rate(YearMonth month, String complex, String category, double reports, String flag) {
		jdbc.update(
				"delete from indicator_value where period = ? and level = 'complex' and unit_id = ?"
						+ " and category = ? and indicator = 'report_rate_12m'",
				Date.valueOf(month.atDay(1)), complex, category);
		figure(month, "complex", complex, category, "report_rate_12m", reports, reports, 100, flag);
	}

	private void share(String complex, String category, double share, String flag) {
		figure(MONTH, "complex", complex, category, "dwelling_repeat_rate_12m", share, share * 100, 100, flag);
	}

	private void rise(String complex, int now, int before) {
		rate(MONTH, complex, "all", now, null);
		rate(MONTH.minusYears(1), complex, "all", before, null);
	}

	private void figure(YearMonth month, String level, String unit, String category, String indicator, double value,
			double numerator, double denominator, String flag) {
		jdbc.update(
				"""
						insert into indicator_value (period, level, unit_id, category, indicator, value, numerator, denominator, flag)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?)
						""",
				Date.valueOf(month.atDay(1)), level, unit, category, indicator, value, numerator, denominator, flag);
	}

	private void hotspot(String complex, String category, double p, boolean isNew) {
		jdbc.update(
				"""
						insert into complex_month_fact (period, complex_id, category, reports, repeats, dw_reports, dw_repeats,
						                                closed, within, hot_reports, hot_last, hot_reports_before, hot_p_value, hot_new)
						values (?, ?, ?, 5, 0, 0, 0, 0, 0, 8, '2025-06-20T10:00:00Z', 2, ?, ?)
						""",
				Date.valueOf(MONTH.atDay(1)), complex, category, p, isNew);
	}

	private List<AttentionList.Entry> list() {
		DashboardData data = DashboardData.forAttention(MONTH, figures, store);
		return AttentionList.of(data, id -> true);
	}

	@Test
	void highFlagsFirstThenNewHotspotsThenElevatedFlagsThenRisesAtMostTen() {
		List<String> ids = list().stream().map(e -> e.complex().id()).toList();
		assertThat(ids).containsExactly("K01", "K11", "K02", "K03", "K05", "K04", "K07", "K06", "K12", "K08");
	}

	@Test
	void eachComplexOnceUnderItsFirstReasonWithItsOtherReasonsBeside() {
		List<AttentionList.Entry> entries = list();
		AttentionList.Entry k11 = entries.get(1);
		assertThat(k11.reason().kind()).isEqualTo(AttentionList.Kind.HIGH);
		assertThat(k11.others()).extracting(AttentionList.Reason::kind).containsExactly(AttentionList.Kind.RISE);
		AttentionList.Entry k05 = entries.get(4);
		assertThat(k05.reason().kind()).isEqualTo(AttentionList.Kind.NEW_HOTSPOT);
		assertThat(k05.others()).extracting(AttentionList.Reason::kind).containsExactly(AttentionList.Kind.ELEVATED);
		assertThat(entries).extracting(e -> e.complex().id()).doesNotHaveDuplicates();
	}

	@Test
	void theFunnelGroupsOrderByObservedOverExpectedAndTiesByComplexId() {
		List<AttentionList.Entry> entries = list();
		assertThat(entries.subList(0, 4)).extracting(e -> e.reason().observedOverExpected())
			.containsExactly(3.0, 2.8, 2.5, 2.5);
		// K02 and K03 tie at 2.5: by complex id
		assertThat(entries.get(2).complex().id()).isEqualTo("K02");
		assertThat(entries.get(2).reason().indicator()).isEqualTo("dwelling_repeat_rate_12m");
		assertThat(entries.get(2).reason().category()).isEqualTo("pollution");
	}

	@Test
	void aFlaggedFigureStandsWithTheExpectedRangeThatAgreesWithItsFlag() {
		AttentionList.Entry k01 = list().get(0);
		// E = 10 reports at 100 dwellings: the exact rule leaves 4 to 17 unflagged
		assertThat(k01.reason().expected().low()).isEqualTo(4.0);
		assertThat(k01.reason().expected().high()).isEqualTo(17.0);
		assertThat(k01.reason().figure().value()).isGreaterThan(k01.reason().expected().high());
	}

	@Test
	void theReasonsReadAsWordsWithTheFigureBehindThem() {
		List<AttentionList.Entry> entries = list();
		AttentionText text = new AttentionText(Labels.of(Locale.forLanguageTag("nl")), 90);
		assertThat(text.reason(entries.get(0).reason())).isEqualTo(
				"hoog op meldingen per 100 woningen (12 mnd): 30,0, verwachte marge 4,0 tot 17,0 (3,0 × de stad)");
		assertThat(text.reason(entries.get(2).reason())).isEqualTo(
				"hoog op herhaalmeldingen woning (12 mnd), Vervuiling: 50 %, verwachte marge 12 % tot 28 % (2,5 × de stad)");
		assertThat(text.reason(entries.get(4).reason()))
			.isEqualTo("nieuwe hotspot Veiligheid: 8 meldingen in 90 dagen, 2 in het jaar ervoor (p = 0,0001)");
		assertThat(text.reason(entries.get(9).reason()))
			.isEqualTo("meldingen in 12 maanden duidelijk gestegen: 60 tegen 30 een jaar eerder (+100 %, p = 0,0021)");
		assertThat(text.line(entries.get(1))).startsWith("K11 Complex K11: hoog op meldingen")
			.contains("; ook: meldingen in 12 maanden duidelijk gestegen: 28 tegen 10");
	}

	@Test
	void anOwnersListIsTheCitysListCutToItsComplexes() {
		DashboardData data = DashboardData.forAttention(MONTH, figures, store);
		List<String> even = new ArrayList<>();
		AttentionList.of(data, id -> "Even".equals(data.complexById.get(id).owner()))
			.forEach(e -> even.add(e.complex().id()));
		assertThat(even).containsExactly("K02", "K04", "K06", "K12", "K08");
	}

	@Test
	void theAttentionLinesBeanGivesAnOwnersFirstLinesInWords() {
		List<String> lines = attentionLines.lines(MONTH, "Even", Locale.forLanguageTag("nl"), 3, properties);
		assertThat(lines).hasSize(3);
		assertThat(lines.get(0)).startsWith("K02 Complex K02: hoog op herhaalmeldingen woning");
		assertThat(lines.get(1)).startsWith("K04 Complex K04: nieuwe hotspot Vervuiling");
		assertThat(attentionLines.lines(MONTH, "Niemand", Locale.ENGLISH, 3, properties)).isEmpty();
		assertThat(attentionLines.lines(MONTH, "Oneven", Locale.ENGLISH, 3, properties).get(0)).isEqualTo(
				"K01 Complex K01: high on reports per 100 dwellings (12 months): 30.0, expected range 4.0 to 17.0"
						+ " (3.0 × the city)");
	}

}
