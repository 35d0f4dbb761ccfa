package org.playerdesk.insight.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.playerdesk.access.Permission;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.insight.figures.Dimension;
import org.playerdesk.insight.figures.Figures;
import org.playerdesk.insight.figures.Metric;
import org.playerdesk.insight.report.Column;
import org.playerdesk.insight.report.ReportRequest;
import org.playerdesk.insight.report.ReportSource;
import org.playerdesk.insight.report.Table;
import org.springframework.stereotype.Component;

/**
 * The period's figures per game, one row each: tickets created, agent replies, resolved, first
 * response and resolution times (median and p90), service-level targets met and breached. A lead
 * reads the games' whole; an agent reads their own part (their replies, first responses and
 * resolutions), as everywhere in insight.
 */
@Component
class SummaryReport implements ReportSource {

    static final String NAME = "summary";

    private final Figures figures;
    private final GameCatalog games;
    private final Words words;

    SummaryReport(Figures figures, GameCatalog games, Words words) {
        this.figures = figures;
        this.games = games;
        this.words = words;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String titleKey() {
        return "insight.schedule.summary.title";
    }

    @Override
    public Table table(ReportRequest request, Locale locale) {
        boolean lead = request.reader().can(Permission.ASSIGN_OTHERS);
        Dimension dimension = lead ? Dimension.ALL : Dimension.AGENT;
        String value = lead ? null : request.reader().id().toString();
        List<Column> columns = List.of(Column.text(words.text("insight.schedule.col.game", locale)),
                Column.count(words.text("insight.schedule.col.created", locale)),
                Column.count(words.text("insight.schedule.col.replied", locale)),
                Column.count(words.text("insight.schedule.col.resolved", locale)),
                new Column(words.text("insight.schedule.col.firstResponseMedian", locale), Column.Kind.DURATION),
                new Column(words.text("insight.schedule.col.firstResponseP90", locale), Column.Kind.DURATION),
                new Column(words.text("insight.schedule.col.resolutionMedian", locale), Column.Kind.DURATION),
                new Column(words.text("insight.schedule.col.resolutionP90", locale), Column.Kind.DURATION),
                Column.count(words.text("insight.schedule.col.slaMet", locale)),
                Column.count(words.text("insight.schedule.col.slaBreached", locale)));
        List<List<Object>> rows = new ArrayList<>();
        List<GameInfo> shown = games.all(request.games().stream().filter(request.reader()::serves).toList()).stream()
                .sorted(java.util.Comparator.comparing(GameInfo::name)).toList();
        for (GameInfo game : shown) {
            Set<java.util.UUID> one = Set.of(game.id());
            Figures.Totals totals = figures.totals(one, request.from(), request.to(), dimension, value);
            Figures.Spread first = figures.spread(one, request.from(), request.to(), dimension, value,
                    Figures.FIRST_RESPONSE);
            Figures.Spread resolution = figures.spread(one, request.from(), request.to(), dimension, value,
                    Figures.RESOLUTION);
            List<Object> row = new ArrayList<>(List.of(game.name(), totals.total(Metric.CREATED),
                    totals.total(Metric.AGENT_REPLIES), totals.total(Metric.RESOLVED)));
            // a median of nothing is no figure (null), which List.of would refuse
            row.add(first.median());
            row.add(first.p90());
            row.add(resolution.median());
            row.add(resolution.p90());
            row.add(slaMet(totals));
            row.add(slaBreached(totals));
            rows.add(row);
        }
        return new Table(words.text(titleKey(), locale), columns, rows);
    }

    static long slaMet(Figures.Totals totals) {
        return totals.total(Metric.SLA_FIRST_RESPONSE_MET) + totals.total(Metric.SLA_NEXT_RESPONSE_MET)
                + totals.total(Metric.SLA_RESOLUTION_MET);
    }

    static long slaBreached(Figures.Totals totals) {
        return totals.total(Metric.SLA_FIRST_RESPONSE_BREACHED) + totals.total(Metric.SLA_NEXT_RESPONSE_BREACHED)
                + totals.total(Metric.SLA_RESOLUTION_BREACHED);
    }
}
