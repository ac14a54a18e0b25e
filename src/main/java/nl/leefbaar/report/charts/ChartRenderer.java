package nl.leefbaar.report.charts;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import nl.leefbaar.report.ReportWriter.ReportScope;
import nl.leefbaar.report.charts.Figures.Concentration;
import nl.leefbaar.report.charts.Figures.Effect;
import nl.leefbaar.report.charts.Figures.Funnel;
import nl.leefbaar.report.charts.Figures.Ranking;
import nl.leefbaar.report.charts.Figures.RateTrend;
import nl.leefbaar.report.charts.Figures.RepeatTrend;
import nl.leefbaar.system.LeefbaarProperties;
import org.jfree.chart.JFreeChart;
import org.springframework.stereotype.Component;

/**
 * Builds the seminar charts of a month: figures from the database, then one JFreeChart each. The
 * charts writer, the deck writer and the workbooks (funnel image) all take their charts from here.
 */
@Component
public class ChartRenderer {
    /** A built chart with the file name (without extension) it is written under. */
    public record NamedChart(String name, JFreeChart chart) {
    }

    /** Everything one month's charts show, so that takeaways use exactly the plotted figures. */
    public record ChartSet(Labels labels, YearMonth month, String scopeLabel, RateTrend rateTrend,
                           RepeatTrend repeatTrend, Funnel funnel, Ranking ranking, List<Effect> effects,
                           Concentration concentration, List<NamedChart> charts) {
    }

    private final ChartFigures figures;
    private final LeefbaarProperties properties;

    public ChartRenderer(ChartFigures figures, LeefbaarProperties properties) {
        this.figures = figures;
        this.properties = properties;
    }

    public int repeatWindowDays() {
        return properties.indicators().repeatWindowDays();
    }

    public int effectWindowDays() {
        return properties.indicators().effectWindowDays();
    }

    public ChartSet build(YearMonth month, Locale locale, ReportScope scope) {
        Labels labels = new Labels(locale);
        String scopeLabel = labels.scope(scope, figures.neighbourhoodName(scope));
        String source = labels.source(month);
        List<YearMonth> months = ChartFigures.trendMonths(month);
        String trendPeriod = scopeLabel + " · " + labels.get("period.months", labels.month(months.get(0)),
                labels.month(month));
        String twelvePeriod = scopeLabel + " · " + labels.get("period.12m", labels.month(month));

        RateTrend rateTrend = figures.rateTrend(month, scope);
        RepeatTrend repeatTrend = figures.repeatTrend(month, scope);
        Funnel funnel = figures.funnel(month, scope);
        Ranking ranking = figures.ranking(month, scope);
        List<Effect> effects = figures.effects(month);
        Concentration concentration = figures.concentration(month, scope);

        List<NamedChart> charts = List.of(
                new NamedChart("rate-trend", RateTrendChart.chart(RateTrendChart.dataset(rateTrend), labels,
                        trendPeriod, source)),
                new NamedChart("repeat-trend", RepeatTrendChart.chart(RepeatTrendChart.dataset(repeatTrend), labels,
                        repeatWindowDays(), trendPeriod,
                        labels.get("repeatTrend.interval") + ". " + labels.get("repeatTrend.missing") + ".", source)),
                new NamedChart("funnel", funnelChart(funnel, labels, twelvePeriod, source)),
                new NamedChart("ranking", RankingChart.chart(RankingChart.dataset(ranking), ranking, labels,
                        twelvePeriod, source)),
                new NamedChart("activity-effect", EffectChart.chart(EffectChart.dataset(effects), labels,
                        labels.get("scope.city") + " · " + labels.get("period.month", labels.month(month)), source)),
                new NamedChart("concentration", ConcentrationChart.chart(ConcentrationChart.dataset(concentration),
                        concentration, labels, twelvePeriod, source)));
        return new ChartSet(labels, month, scopeLabel, rateTrend, repeatTrend, funnel, ranking, effects,
                concentration, charts);
    }

    /** The funnel plot as PNG, for the workbooks: drawn at 2x scale like every chart. */
    public byte[] funnelPlotPng(YearMonth month, Locale locale, ReportScope scope, int widthPx, int heightPx) {
        Labels labels = new Labels(locale);
        String scopeLabel = labels.scope(scope, figures.neighbourhoodName(scope));
        String period = scopeLabel + " · " + labels.get("period.12m", labels.month(month));
        JFreeChart chart = funnelChart(figures.funnel(month, scope), labels, period, labels.source(month));
        return ChartImages.png(chart, widthPx, heightPx);
    }

    private static JFreeChart funnelChart(Funnel funnel, Labels labels, String period, String source) {
        FunnelChart.Datasets data = FunnelChart.dataset(funnel);
        return FunnelChart.chart(data, funnel, labels, period, funnelNote(funnel, labels, data), source);
    }

    static String funnelNote(Funnel funnel, Labels labels, FunnelChart.Datasets data) {
        String phi = funnel.phi() == null ? "-" : labels.number(funnel.phi(), 2);
        String tau2 = funnel.tau2() == null ? "-" : labels.number(funnel.tau2(), 4);
        String note = labels.get(funnel.adjusted() ? "funnel.note.adjusted" : "funnel.note.poisson", phi, tau2);
        if (data.flaggedUnlabelled() > 0) {
            note = note.substring(0, note.length() - 1) + labels.get("funnel.note.more", data.flaggedUnlabelled()) + ".";
        }
        return note;
    }
}
