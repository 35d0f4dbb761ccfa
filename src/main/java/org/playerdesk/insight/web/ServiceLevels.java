package org.playerdesk.insight.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.playerdesk.insight.chart.ChartView;
import org.playerdesk.insight.chart.Chart;
import org.playerdesk.insight.chart.Charts;
import org.playerdesk.insight.chart.TableView;
import org.playerdesk.insight.figures.Dimension;
import org.playerdesk.insight.figures.Figures;
import org.playerdesk.insight.figures.Figures.Totals;
import org.playerdesk.insight.figures.Metric;
import org.playerdesk.insight.report.Column;
import org.playerdesk.insight.report.ReportRequest;
import org.playerdesk.insight.report.ReportSource;
import org.playerdesk.insight.report.Table;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Service-level compliance of the period, per target (first response, next response, resolution):
 * the targets met of those met or breached, on the tickets created in the period (a target still
 * running counts neither way), each as a gauge against the department's goal
 * ({@code playerdesk.insight.sla-goal}, 90% unless set), with the counts in a table. Report
 * {@code service-levels}: a lead's games; an agent's own tickets.
 */
@Component
class ServiceLevels implements InsightSection, ReportSource {

    static final String NAME = "service-levels";

    /** A target, the message key of its name and the day metrics counting it. */
    enum Target {
        FIRST_RESPONSE(Metric.SLA_FIRST_RESPONSE_MET, Metric.SLA_FIRST_RESPONSE_BREACHED),
        NEXT_RESPONSE(Metric.SLA_NEXT_RESPONSE_MET, Metric.SLA_NEXT_RESPONSE_BREACHED),
        RESOLUTION(Metric.SLA_RESOLUTION_MET, Metric.SLA_RESOLUTION_BREACHED);

        final Metric met;
        final Metric breached;

        Target(Metric met, Metric breached) {
            this.met = met;
            this.breached = breached;
        }

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The message key naming a target, from its code ({@code first_response}…), as the figures store it. */
        static String key(String code) {
            return "insight.sla.target." + code;
        }

        /** Met of met and breached, or null when none of the two was counted. */
        Double compliance(Totals totals) {
            return totals.share(met, met, breached);
        }
    }

    /** What the section shows: a gauge per target and the counts beside them. */
    record Compliance(List<ChartView> gauges, TableView table) {
    }

    private final Figures figures;
    private final Charts charts;
    private final double goal;

    ServiceLevels(Figures figures, Charts charts, @Value("${playerdesk.insight.sla-goal:0.9}") double goal) {
        if (!(goal > 0 && goal <= 1)) {
            throw new IllegalArgumentException("playerdesk.insight.sla-goal is a share above 0, at most 1");
        }
        this.figures = figures;
        this.charts = charts;
        this.goal = goal;
    }

    double goal() {
        return goal;
    }

    @Override
    public Region region() {
        return Region.SLA;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public String template() {
        return "insight/sections/service-levels";
    }

    @Override
    public Optional<Object> data(InsightScope scope, Locale locale) {
        if (!scope.lead()) {
            return Optional.empty();
        }
        Totals totals = totals(scope.request());
        List<ChartView> gauges = new ArrayList<>();
        for (Target target : Target.values()) {
            Chart gauge = Chart.gauge("sla-" + target.code().replace('_', '-'),
                    charts.text(Target.key(target.code()), locale), charts.text("insight.sla.compliance", locale),
                    target.compliance(totals), charts.text("insight.sla.goal", locale), goal);
            gauges.add(charts.view(gauge, locale));
        }
        return Optional.of(new Compliance(gauges, charts.table(table(totals, locale), locale)));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String titleKey() {
        return "insight.sla.title";
    }

    @Override
    public Table table(ReportRequest request, Locale locale) {
        return table(totals(request), locale);
    }

    /** A lead's games as a whole; an agent's own tickets (the figures counted for them). */
    private Totals totals(ReportRequest request) {
        LocalDate from = request.from();
        LocalDate to = request.to();
        return request.reader().role().leads() ? figures.totals(request.games(), from, to, Dimension.ALL, null)
                : figures.totals(request.games(), from, to, Dimension.AGENT, request.reader().id().toString());
    }

    Table table(Totals totals, Locale locale) {
        List<Column> columns = List.of(Column.text(charts.text("insight.sla.column.target", locale)),
                Column.count(charts.text("insight.sla.column.met", locale)),
                Column.count(charts.text("insight.sla.column.breached", locale)),
                new Column(charts.text("insight.sla.column.compliance", locale), Column.Kind.PERCENT),
                new Column(charts.text("insight.sla.column.goal", locale), Column.Kind.PERCENT));
        List<List<Object>> rows = new ArrayList<>();
        for (Target target : Target.values()) {
            rows.add(Arrays.asList(charts.text(Target.key(target.code()), locale), totals.total(target.met),
                    totals.total(target.breached), target.compliance(totals), goal));
        }
        return new Table(charts.text(titleKey(), locale), columns, rows);
    }
}
