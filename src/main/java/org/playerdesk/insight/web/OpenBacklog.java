package org.playerdesk.insight.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.access.StaffUser;
import org.playerdesk.insight.chart.Chart;
import org.playerdesk.insight.chart.Charts;
import org.playerdesk.insight.chart.Series;
import org.playerdesk.insight.figures.Figures;
import org.playerdesk.insight.figures.Figures.Backlog;
import org.playerdesk.insight.report.ReportRequest;
import org.playerdesk.insight.report.ReportSource;
import org.playerdesk.insight.report.Table;
import org.playerdesk.ticket.TicketStatus;
import org.springframework.stereotype.Component;

/**
 * The open tickets now, by status and by how long they have been open (under a day, one to three
 * days, three to seven, older), as bars stacked by age with the same figures in a table. The
 * backlog is of now, whatever the period. Report {@code backlog}: a lead's games; an agent's own
 * tickets.
 */
@Component
class OpenBacklog implements InsightSection, ReportSource {

    static final String NAME = "backlog";
    /** The age buckets, youngest first, as {@link Backlog#AGES} cuts them. */
    static final List<String> AGES = List.of("day", "three", "week", "older");

    private final Figures figures;
    private final Charts charts;

    OpenBacklog(Figures figures, Charts charts) {
        this.figures = figures;
        this.charts = charts;
    }

    @Override
    public Region region() {
        return Region.BACKLOG;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public String template() {
        return "insight/sections/backlog";
    }

    @Override
    public Optional<Object> data(InsightScope scope, Locale locale) {
        if (!scope.lead()) {
            return Optional.empty();
        }
        return Optional.of(charts.view(chart(backlog(scope.reader(), scope.gameIds()), locale), locale));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String titleKey() {
        return "insight.backlog.title";
    }

    @Override
    public Table table(ReportRequest request, Locale locale) {
        return chart(backlog(request.reader(), request.games()), locale).table();
    }

    private Backlog backlog(StaffUser reader, Collection<UUID> games) {
        return figures.backlog(games, reader.role().leads() ? null : reader.id());
    }

    /** A bar per status that has open tickets, in the statuses' order, each stacked by age. */
    Chart chart(Backlog backlog, Locale locale) {
        List<String> statuses = new ArrayList<>();
        List<long[]> counts = new ArrayList<>();
        Map<String, long[]> byStatus = backlog.byStatus();
        for (TicketStatus status : TicketStatus.values()) {
            long[] ages = byStatus.get(status.code());
            if (ages != null) {
                statuses.add(charts.text("ticket.status." + status.code(), locale));
                counts.add(ages);
            }
        }
        List<Series> series = new ArrayList<>();
        for (int age = 0; age < AGES.size(); age++) {
            List<Long> values = new ArrayList<>();
            for (long[] ages : counts) {
                values.add(ages[age]);
            }
            series.add(Series.of(charts.text("insight.backlog.age." + AGES.get(age), locale), values));
        }
        return Chart.stackedBar("backlog", charts.text(titleKey(), locale), charts.text("insight.backlog.status", locale),
                charts.text("insight.axis.tickets", locale), statuses, series,
                charts.text("insight.backlog.total", locale));
    }
}
