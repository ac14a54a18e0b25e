package nl.leefbaar.report.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import nl.leefbaar.report.ReportWriter.ReportScope;
import nl.leefbaar.report.charts.Figures.Concentration;
import nl.leefbaar.indicators.stats.Interval;
import nl.leefbaar.report.charts.Figures.Funnel;
import nl.leefbaar.report.charts.Figures.FunnelPoint;
import nl.leefbaar.report.charts.Figures.RankItem;
import nl.leefbaar.report.charts.Figures.Ranking;
import nl.leefbaar.support.TestDatabase;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.XIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The plotted values are the figures in the indicator tables: each dataset against the
 * fixture rows.
 */
@SpringBootTest
class ChartDatasetsTests {

	static final YearMonth MONTH = ChartsReportWriterTests.MONTH;
	static final ReportScope NEIGHBOURHOOD = new ReportScope("BU0002", List.of());
	static final ReportScope TWO_COMPLEXES = new ReportScope(null, List.of("C00001", "C00002"));

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ChartFigures figures;

	@Autowired
	TrendFigures trends;

	@BeforeEach
	void givenAMonthOfIndicators() {
		TestDatabase.clearDomainTables(jdbc);
		ChartFixture.insert(jdbc, MONTH, 40, 3);
	}

	double stored(YearMonth month, String level, String unit, String category, String indicator) {
		return jdbc.queryForObject("""
				select value from indicator_value where period = ? and level = ? and unit_id = ?
				  and category = ? and indicator = ?""", Double.class, month.atDay(1), level, unit, category,
				indicator);
	}

	double storedColumn(String column, YearMonth month, String level, String unit, String indicator) {
		return jdbc.queryForObject("select " + column + " " + """
				from indicator_value where period = ? and level = ? and unit_id = ?
				  and category = 'all' and indicator = ?""", Double.class, month.atDay(1), level, unit, indicator);
	}

	@Test
	void rateTrendPlotsTheCityRatePerCategoryForEach24Months() {
		TimeSeriesCollection dataset = RateTrendChart.dataset(trends.rateTrend(MONTH, ReportScope.CITY));

		assertThat(dataset.getSeriesCount()).isEqualTo(7);
		TimeSeries pollution = dataset.getSeries("pollution");
		assertThat(pollution.getItemCount()).isEqualTo(24);
		for (int i = 0; i < 24; i++) {
			YearMonth month = MONTH.minusMonths(23 - i);
			assertThat(pollution.getValue(i).doubleValue())
				.isEqualTo(stored(month, "city", "city", "pollution", "report_rate"));
		}
	}

	@Test
	void neighbourhoodScopePlotsThatNeighbourhoodsOwnRates() {
		TimeSeriesCollection city = RateTrendChart.dataset(trends.rateTrend(MONTH, ReportScope.CITY));
		TimeSeriesCollection scoped = RateTrendChart.dataset(trends.rateTrend(MONTH, NEIGHBOURHOOD));

		double value = scoped.getSeries("damage").getValue(RateTrendChart.month(MONTH)).doubleValue();
		assertThat(value).isEqualTo(stored(MONTH, "neighbourhood", "BU0002", "damage", "report_rate"));
		assertThat(value).isNotEqualTo(city.getSeries("damage").getValue(RateTrendChart.month(MONTH)).doubleValue());
	}

	@Test
	void complexSetSumsNumeratorsAndDenominatorsInsteadOfAveragingRates() {
		TimeSeriesCollection scoped = RateTrendChart.dataset(trends.rateTrend(MONTH, TWO_COMPLEXES));

		Map<String, Object> sums = jdbc.queryForMap("""
				select sum(numerator) as reports, sum(denominator) as dwellings from indicator_value
				where period = ? and level = 'complex' and unit_id in ('C00001', 'C00002')
				  and category = 'safety' and indicator = 'report_rate'""", MONTH.atDay(1));
		double expected = 100 * ((Number) sums.get("reports")).doubleValue()
				/ ((Number) sums.get("dwellings")).doubleValue();
		assertThat(scoped.getSeries("safety").getValue(RateTrendChart.month(MONTH)).doubleValue()).isCloseTo(expected,
				within(1e-9));
	}

	@Test
	void repeatTrendPlotsDwellingRepeatRateWithIntervalAndLeavesOutMonthsWithoutLookback() {
		YIntervalSeriesCollection dataset = RepeatTrendChart.dataset(trends.repeatTrend(MONTH, ReportScope.CITY));

		// 24 months of which the first three lack look-back in the fixture.
		assertThat(dataset.getItemCount(0)).isEqualTo(21);
		int last = dataset.getItemCount(0) - 1;
		assertThat(dataset.getYValue(0, last)).isEqualTo(stored(MONTH, "city", "city", "all", "dwelling_repeat_rate"));
		assertThat(dataset.getStartYValue(0, last))
			.isEqualTo(storedColumn("ci_low", MONTH, "city", "city", "dwelling_repeat_rate"));
		assertThat(dataset.getEndYValue(0, last))
			.isEqualTo(storedColumn("ci_high", MONTH, "city", "city", "dwelling_repeat_rate"));
		assertThat(dataset.getYValue(1, last))
			.isEqualTo(stored(MONTH, "city", "city", "all", "dwelling_repeat_rate_12m"));
	}

	@Test
	void complexSetRepeatRateIsSummedRepeatsOverSummedReports() {
		YIntervalSeriesCollection dataset = RepeatTrendChart.dataset(trends.repeatTrend(MONTH, TWO_COMPLEXES));

		Map<String, Object> sums = jdbc.queryForMap("""
				select sum(numerator) as x, sum(denominator) as n from indicator_value
				where period = ? and level = 'complex' and unit_id in ('C00001', 'C00002')
				  and category = 'all' and indicator = 'dwelling_repeat_rate'""", MONTH.atDay(1));
		double x = ((Number) sums.get("x")).doubleValue();
		double n = ((Number) sums.get("n")).doubleValue();
		int last = dataset.getItemCount(0) - 1;
		assertThat(dataset.getYValue(0, last)).isCloseTo(x / n, within(1e-12));
		assertThat(dataset.getStartYValue(0, last)).isLessThan(x / n);
	}

	@Test
	void wilsonIntervalMatchesTheReferenceValues() {
		Figures.MonthValue v = TrendFigures.wilson(MONTH, 3, 10);
		assertThat(v.low()).isCloseTo(0.1077912674, within(1e-9));
		assertThat(v.high()).isCloseTo(0.6032218525, within(1e-9));
		assertThat(TrendFigures.wilson(MONTH, 0, 10).high()).isCloseTo(0.2775327999, within(1e-9));
	}

	@Test
	void funnelPlotsEveryComplexAtItsStoredRateAndLabelsOnlyThe998Flags() {
		Funnel funnel = figures.funnel(MONTH, ReportScope.CITY);
		FunnelChart.Datasets data = FunnelChart.dataset(funnel);

		int plotted = 0;
		for (int s = 0; s < data.points().getSeriesCount(); s++) {
			XYSeries series = data.points().getSeries(s);
			plotted += series.getItemCount();
			for (int i = 0; i < series.getItemCount(); i++) {
				double dwellings = series.getX(i).doubleValue();
				double rate = series.getY(i).doubleValue();
				assertThat(jdbc.queryForObject("""
						select count(*) from indicator_value iv join complex c on c.complex_id = iv.unit_id
						where iv.period = ? and iv.level = 'complex' and iv.category = 'all'
						  and iv.indicator = 'report_rate_12m' and c.dwellings = ? and iv.value = ?
						  and coalesce(iv.flag, 'none') = ?""", Integer.class, MONTH.atDay(1), (int) dwellings, rate,
						series.getKey()))
					.isPositive();
			}
		}
		assertThat(plotted).isEqualTo(40);
		assertThat(data.labelled()).isNotEmpty().allMatch(p -> List.of("high", "elevated", "low").contains(p.flag()));
		assertThat(data.labelled()).extracting(FunnelPoint::complexId).contains("C00003");
		assertThat(funnel.phi()).isEqualTo(3.2);
		assertThat(funnel.tau2()).isEqualTo(0.012);
	}

	@Test
	void funnelLimitsWidenForSmallComplexesAndEnclose95Within998() {
		Funnel funnel = figures.funnel(MONTH, ReportScope.CITY);
		XYSeriesCollection limits = FunnelChart.limits(funnel);

		XYSeries high95 = limits.getSeries(0);
		XYSeries high998 = limits.getSeries(1);
		XYSeries average = limits.getSeries(2);
		XYSeries low95 = limits.getSeries(3);
		int last = high95.getItemCount() - 1;
		assertThat(high95.getY(0).doubleValue()).isGreaterThan(high95.getY(last).doubleValue());
		for (int i = 0; i <= last; i++) {
			assertThat(high998.getY(i).doubleValue()).isGreaterThan(high95.getY(i).doubleValue());
			assertThat(high95.getY(i).doubleValue()).isGreaterThan(average.getY(i).doubleValue());
			assertThat(low95.getY(i).doubleValue()).isLessThan(average.getY(i).doubleValue());
		}
		double cityRate = jdbc.queryForObject(
				"""
						select sum(iv.numerator) / sum(c.dwellings) * 100 from indicator_value iv
						join complex c on c.complex_id = iv.unit_id
						where iv.period = ? and iv.level = 'complex' and iv.category = 'all' and iv.indicator = 'report_rate_12m'
						""",
				Double.class, MONTH.atDay(1));
		assertThat(average.getY(0).doubleValue()).isCloseTo(cityRate, within(1e-9));
	}

	@Test
	void unadjustedLimitsAreSpiegelhaltersInterpolatedPoissonLimits() {
		Interval l95 = FunnelLimits.poissonLimits(10, 0.95, 0);
		Interval l998 = FunnelLimits.poissonLimits(50, 0.998, 0);
		assertThat(l95.low()).isCloseTo(3.775188, within(1e-5));
		assertThat(l95.high()).isCloseTo(16.159951, within(1e-5));
		assertThat(l998.low()).isCloseTo(29.122816, within(1e-5));
		assertThat(l998.high()).isCloseTo(72.751409, within(1e-5));
	}

	@Test
	void funnelMarksOnlyTheScopesComplexesAndGreysTheRest() {
		FunnelChart.Datasets data = FunnelChart.dataset(figures.funnel(MONTH, NEIGHBOURHOOD));

		int inNeighbourhood = jdbc.queryForObject("select count(*) from complex where neighbourhood_code = 'BU0002'",
				Integer.class);
		assertThat(data.points().getSeries("others").getItemCount()).isEqualTo(40 - inNeighbourhood);
	}

	@Test
	void rankingShowsNeighbourhoodsHighestFirstWithTheirStoredIntervals() {
		Ranking ranking = figures.ranking(MONTH, ReportScope.CITY);
		RankingChart.Datasets data = RankingChart.dataset(ranking);

		assertThat(ranking.level()).isEqualTo("neighbourhood");
		assertThat(ranking.items()).hasSize(3);
		assertThat(ranking.items()).isSortedAccordingTo((a, b) -> Double.compare(b.value(), a.value()));
		RankItem top = ranking.items().get(0);
		assertThat(top.value()).isEqualTo(stored(MONTH, "neighbourhood", top.unitId(), "all", "report_rate_12m"));
		assertThat(top.low())
			.isEqualTo(storedColumn("ci_low", MONTH, "neighbourhood", top.unitId(), "report_rate_12m"));
		assertThat(top.high())
			.isEqualTo(storedColumn("ci_high", MONTH, "neighbourhood", top.unitId(), "report_rate_12m"));
		// the expected range: the 95 % funnel limits at the neighbourhood's dwellings,
		// around
		// the neighbourhoods' own rate (not adjusted here: no funnel_stat row for them)
		double perDwelling = jdbc.queryForObject("""
				select sum(numerator) / sum(denominator) from indicator_value where period = ?
				  and level = 'neighbourhood' and category = 'all' and indicator = 'report_rate_12m'""", Double.class,
				MONTH.atDay(1));
		double dwellings = storedColumn("denominator", MONTH, "neighbourhood", top.unitId(), "report_rate_12m");
		nl.leefbaar.indicators.stats.Interval counts = nl.leefbaar.indicators.stats.ExpectedRange
			.ofCount(perDwelling * dwellings, false, 0);
		assertThat(top.rangeLow()).isEqualTo(100 * counts.low() / dwellings);
		assertThat(top.rangeHigh()).isEqualTo(100 * counts.high() / dwellings);
		XIntervalSeriesCollection ranges = data.ranges();
		assertThat(ranges.getStartXValue(0, 0)).isEqualTo(top.rangeLow());
		assertThat(ranges.getEndXValue(0, 0)).isEqualTo(top.rangeHigh());
		assertThat(ranges.getYValue(0, 0)).isEqualTo(2);
		assertThat(ranking.reference()).isEqualTo(stored(MONTH, "city", "city", "all", "report_rate_12m"));
	}

	@Test
	void neighbourhoodScopeRanksItsComplexes() {
		Ranking ranking = figures.ranking(MONTH, NEIGHBOURHOOD);

		assertThat(ranking.level()).isEqualTo("complex");
		assertThat(ranking.items()).extracting(RankItem::unitId)
			.allMatch(id -> "BU0002".equals(jdbc
				.queryForObject("select neighbourhood_code from complex where complex_id = ?", String.class, id)));
	}

	@Test
	void complexSetRanksJustThoseComplexesAndCountsOnlyThemInTheConcentration() {
		Ranking ranking = figures.ranking(MONTH, TWO_COMPLEXES);
		Concentration concentration = figures.concentration(MONTH, TWO_COMPLEXES);

		assertThat(ranking.items()).extracting(RankItem::unitId).containsExactlyInAnyOrder("C00001", "C00002");
		assertThat(concentration.complexes()).isEqualTo(2);
		assertThat(concentration.reports()).isEqualTo(jdbc.queryForObject("""
				select sum(value) from indicator_value where period = ? and level = 'complex' and category = 'all'
				  and indicator = 'reports_12m' and unit_id in ('C00001', 'C00002')""", Double.class, MONTH.atDay(1)));
		assertThat(
				FunnelChart.dataset(figures.funnel(MONTH, TWO_COMPLEXES)).points().getSeries("others").getItemCount())
			.isEqualTo(38);
	}

	@Test
	void effectChartPlotsThePooledRowsOnly() {
		EffectChart.Datasets data = EffectChart.dataset(figures.effects(MONTH));

		assertThat(data.shown()).extracting(Figures.Effect::type).containsExactly("cleanup", "greening", "mediation");
		// series: effect against the comparison group, raw ratio, comparison group's
		// ratio
		assertThat(data.ratios().getXValue(0, 0)).isEqualTo(0.7546296296296297);
		assertThat(data.ratios().getXValue(1, 0)).isEqualTo(0.6791666666666667);
		assertThat(data.ratios().getStartXValue(1, 0)).isEqualTo(0.557);
		assertThat(data.ratios().getEndXValue(1, 0)).isEqualTo(0.826);
		assertThat(data.ratios().getXValue(2, 0)).isEqualTo(0.9);
	}

	@Test
	void concentrationCurveReachesTheStoredTop10ShareAtTenPercentOfComplexes() {
		Concentration concentration = figures.concentration(MONTH, ReportScope.CITY);
		XYSeriesCollection dataset = ConcentrationChart.dataset(concentration);

		double stored = stored(MONTH, "city", "city", "all", "concentration_top10_12m");
		assertThat(concentration.top10Share()).isEqualTo(stored);
		XYSeries curve = dataset.getSeries(ConcentrationChart.CURVE);
		assertThat(curve.getX(4).doubleValue()).isEqualTo(0.1);
		assertThat(curve.getY(4).doubleValue()).isCloseTo(stored, within(1e-12));
		assertThat(curve.getY(curve.getItemCount() - 1).doubleValue()).isCloseTo(1.0, within(1e-12));
		assertThat(concentration.reports()).isEqualTo(jdbc.queryForObject("""
				select sum(value) from indicator_value where period = ? and level = 'complex'
				  and category = 'all' and indicator = 'reports_12m'""", Double.class, MONTH.atDay(1)));
	}

	@Test
	void neighbourhoodConcentrationUsesItsOwnComplexesAndStoredFigure() {
		Concentration concentration = figures.concentration(MONTH, NEIGHBOURHOOD);

		assertThat(concentration.complexes()).isEqualTo(
				jdbc.queryForObject("select count(*) from complex where neighbourhood_code = 'BU0002'", Integer.class));
		assertThat(concentration.top10Share())
			.isEqualTo(stored(MONTH, "neighbourhood", "BU0002", "all", "concentration_top10_12m"));
		int top = (int) Math.ceil(0.1 * concentration.complexes());
		assertThat(concentration.reportShare()[top]).isCloseTo(concentration.top10Share(), within(1e-12));
	}

}
