package org.playerdesk.insight.web;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.insight.chart.Chart;
import org.playerdesk.insight.chart.Charts;
import org.playerdesk.insight.figures.Figures;
import org.playerdesk.insight.report.ReportRequest;
import org.playerdesk.insight.report.ReportSource;
import org.playerdesk.insight.report.Table;
import org.springframework.stereotype.Component;

/**
 * When tickets come in, for staffing: the tickets created in the period by weekday (Monday first)
 * and local hour of each game, as a heat map and its table of 7 rows and 24 columns. For leads
 * only. Report {@code heatmap}: the table.
 */
@Component
class StaffingHeatmap implements InsightSection, ReportSource {

    private final Figures figures;
    private final Charts charts;
    private final GameCatalog games;
    private final Clock clock;

    StaffingHeatmap(Figures figures, Charts charts, GameCatalog games, Clock clock) {
        this.figures = figures;
        this.charts = charts;
        this.games = games;
        this.clock = clock;
    }

    @Override
    public Region region() {
        return Region.HEATMAP;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public String template() {
        return "insight/sections/heatmap";
    }

    @Override
    public String name() {
        return "heatmap";
    }

    @Override
    public String titleKey() {
        return "insight.heatmap.title";
    }

    @Override
    public Optional<Object> data(InsightScope scope, Locale locale) {
        if (!scope.lead()) {
            return Optional.empty();
        }
        return Optional.of(charts.view(chart(Asked.of(scope), locale), locale));
    }

    @Override
    public Table table(ReportRequest request, Locale locale) {
        Asked asked = Asked.of(request, games, clock);
        long[][] none = new long[7][24];
        return chart(asked, locale, asked.lead() ? null : none).table();
    }

    Chart chart(Asked asked, Locale locale) {
        return chart(asked, locale, null);
    }

    private Chart chart(Asked asked, Locale locale, long[][] values) {
        Period period = asked.period();
        long[][] cells = values != null ? values : figures.heatmap(asked.games(), period.from(), period.to());
        return Chart.heatmap("volume-heatmap", charts.text(titleKey(), locale), charts.text("insight.axis.hour", locale),
                charts.text("insight.axis.weekday", locale), charts.text("insight.figure.created", locale),
                charts.hours(locale), charts.weekdays(locale), cells);
    }
}
