package org.playerdesk.insight.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.insight.chart.Chart;
import org.playerdesk.insight.chart.Charts;
import org.playerdesk.insight.chart.Series;
import org.playerdesk.insight.figures.Dimension;
import org.playerdesk.insight.figures.Figures;
import org.playerdesk.insight.figures.Figures.Totals;
import org.playerdesk.insight.figures.Metric;
import org.playerdesk.insight.report.ReportRequest;
import org.playerdesk.insight.report.ReportSource;
import org.playerdesk.insight.report.Table;
import org.springframework.stereotype.Component;

/**
 * The quality trend (docs/quality.md): the mean QA score of the conversations reviewed (out of
 * 100, on the day each was first scored) and the share of agent replies the reply checks flagged
 * (in %), day by day or week by week like the volume trend; for a lead, all agents of the chosen
 * games; for an agent, their own. Not shown while nothing was reviewed or flagged in the period.
 * Report {@code quality-trend}: the chart's table.
 */
@Component
class QualityTrend implements InsightSection, ReportSource {

    static final List<Metric> METRICS = List.of(Metric.QA_SCORE, Metric.FLAGGED_REPLIES, Metric.AGENT_REPLIES);

    private final Figures figures;
    private final Charts charts;
    private final VolumeTrend volume;
    private final GameCatalog games;
    private final Clock clock;

    QualityTrend(Figures figures, Charts charts, VolumeTrend volume, GameCatalog games, Clock clock) {
        this.figures = figures;
        this.charts = charts;
        this.volume = volume;
        this.games = games;
        this.clock = clock;
    }

    @Override
    public Region region() {
        return Region.TRENDS;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public String template() {
        return "insight/sections/trend";
    }

    @Override
    public String name() {
        return "quality-trend";
    }

    @Override
    public String titleKey() {
        return "insight.quality.title";
    }

    @Override
    public Optional<Object> data(InsightScope scope, Locale locale) {
        Chart chart = chart(Asked.of(scope), locale);
        boolean anything = chart.series().stream().flatMap(s -> s.values().stream()).anyMatch(v -> v != null);
        return anything ? Optional.of(charts.view(chart, locale)) : Optional.empty();
    }

    @Override
    public Table table(ReportRequest request, Locale locale) {
        return chart(Asked.of(request, games, clock), locale).table();
    }

    Chart chart(Asked asked, Locale locale) {
        Period period = asked.period();
        Period shown = period.days() >= VolumeTrend.AT_LEAST ? period
                : new Period(Period.Kind.CUSTOM, period.to().minusDays(VolumeTrend.AT_LEAST - 1), period.to());
        boolean weekly = shown.days() > VolumeTrend.DAILY_UP_TO;
        Map<LocalDate, Totals> days = figures.daily(asked.games(), shown.from(), shown.to(),
                asked.lead() ? Dimension.ALL : Dimension.AGENT, asked.lead() ? null : asked.agent(), METRICS);
        List<VolumeTrend.Point> points = VolumeTrend.points(shown, weekly);
        List<Long> scores = new ArrayList<>();
        List<Long> flagged = new ArrayList<>();
        for (VolumeTrend.Point point : points) {
            Totals sum = Totals.empty();
            for (LocalDate day = point.from(); !day.isAfter(point.to()) && !day.isAfter(asked.today());
                    day = day.plusDays(1)) {
                Totals totals = days.get(day);
                sum = totals == null ? sum : sum.plus(totals);
            }
            scores.add(round(sum.mean(Metric.QA_SCORE)));
            Double share = sum.share(Metric.FLAGGED_REPLIES, Metric.AGENT_REPLIES);
            flagged.add(share == null ? null : round(share * 100));
        }
        List<Series> series = List.of(Series.of(charts.text("insight.quality.score", locale), scores),
                Series.of(charts.text("insight.quality.flagged", locale), flagged));
        String title = charts.text(weekly ? "insight.quality.weeklyTitle" : "insight.quality.title", locale);
        String axis = charts.text(weekly ? "insight.axis.week" : "insight.axis.day", locale);
        return Chart.line("quality-trend", title, axis, charts.text("insight.quality.axis", locale),
                points.stream().map(p -> volume.label(p, locale)).toList(), series);
    }

    /** Whole numbers, as the chart's table counts them. */
    private static Long round(Double value) {
        return value == null ? null : Math.round(value);
    }
}
