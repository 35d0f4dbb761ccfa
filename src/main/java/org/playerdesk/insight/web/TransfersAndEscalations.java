package org.playerdesk.insight.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
import org.springframework.stereotype.Component;

/**
 * Questions to other departments and escalations in the period: questions asked (on the day
 * asked), answered and answered within their deadline (on the day answered), the share of the
 * answers that came in time, and escalations to another support level. Report {@code transfers}:
 * a lead's games; for an agent, what was counted for them.
 */
@Component
class TransfersAndEscalations implements InsightSection, ReportSource {

    static final String NAME = "transfers";

    /** What the section shows: one card per figure, and the same figures as a table. */
    record Shown(List<Card> cards, TableView table) {
    }

    /** One figure: its label, already worded, and its value, written the reader's way. */
    record Card(String name, String label, String value) {
    }

    private final Figures figures;
    private final Charts charts;

    TransfersAndEscalations(Figures figures, Charts charts) {
        this.figures = figures;
        this.charts = charts;
    }

    @Override
    public Region region() {
        return Region.TRANSFERS;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public String template() {
        return "insight/sections/transfers";
    }

    @Override
    public Optional<Object> data(InsightScope scope, Locale locale) {
        if (!scope.lead()) {
            return Optional.empty();
        }
        Table table = table(scope.request(), locale);
        List<Object> row = table.rows().getFirst();
        List<String> names = List.of("asked", "answered", "in-time", "in-time-rate", "escalated");
        List<Card> cards = new java.util.ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Column column = table.columns().get(i);
            cards.add(new Card(names.get(i), column.label(), charts.cell(column.kind(), row.get(i), locale)));
        }
        return Optional.of(new Shown(cards, charts.table(table, locale)));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String titleKey() {
        return "insight.transfers.title";
    }

    @Override
    public Table table(ReportRequest request, Locale locale) {
        Totals totals = request.reader().role().leads()
                ? figures.totals(request.games(), request.from(), request.to(), Dimension.ALL, null)
                : figures.totals(request.games(), request.from(), request.to(), Dimension.AGENT,
                        request.reader().id().toString());
        List<Column> columns = List.of(Column.count(charts.text("insight.transfers.asked", locale)),
                Column.count(charts.text("insight.transfers.answered", locale)),
                Column.count(charts.text("insight.transfers.inTime", locale)),
                new Column(charts.text("insight.transfers.inTimeRate", locale), Column.Kind.PERCENT),
                Column.count(charts.text("insight.transfers.escalated", locale)));
        List<Object> row = Arrays.asList(totals.total(Metric.TRANSFERS), totals.total(Metric.TRANSFERS_ANSWERED),
                totals.total(Metric.TRANSFERS_IN_TIME),
                totals.share(Metric.TRANSFERS_IN_TIME, Metric.TRANSFERS_ANSWERED), totals.total(Metric.ESCALATED));
        return new Table(charts.text(titleKey(), locale), columns, List.of(row));
    }
}
