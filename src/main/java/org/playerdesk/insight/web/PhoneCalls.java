package org.playerdesk.insight.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
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
 * Phone calls of the period (seed: answered within three rings, one minute): calls, the share
 * answered within the game's answer target, the average wait of those answered and the calls
 * abandoned, in cards for the whole and per game and day in the table. Report {@code phone}: the
 * lead's games; for an agent, the calls they answered.
 */
@Component
class PhoneCalls implements InsightSection, ReportSource {

    static final String NAME = "phone";
    static final List<Metric> METRICS = List.of(Metric.CALLS, Metric.CALLS_ANSWERED, Metric.CALLS_ANSWERED_IN_TARGET,
            Metric.CALLS_ABANDONED);

    /** What the section shows: one card per figure, and the days per game as a table. */
    record Shown(List<Card> cards, TableView table) {
    }

    /** One figure, worded and written the reader's way. */
    record Card(String name, String label, String value) {
    }

    private final Figures figures;
    private final Charts charts;
    private final GameCatalog games;

    PhoneCalls(Figures figures, Charts charts, GameCatalog games) {
        this.figures = figures;
        this.charts = charts;
        this.games = games;
    }

    @Override
    public Region region() {
        return Region.SLA;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public String template() {
        return "insight/sections/phone";
    }

    @Override
    public Optional<Object> data(InsightScope scope, Locale locale) {
        if (!scope.lead()) {
            return Optional.empty();
        }
        ReportRequest request = scope.request();
        Totals totals = figures.totals(request.games(), request.from(), request.to(), Dimension.ALL, null);
        if (totals.total(Metric.CALLS) == 0) {
            return Optional.empty();
        }
        List<Card> cards = List.of(
                new Card("calls", charts.text("insight.phone.calls", locale),
                        charts.cell(Column.Kind.COUNT, totals.total(Metric.CALLS), locale)),
                new Card("in-target", charts.text("insight.phone.inTargetRate", locale),
                        charts.cell(Column.Kind.PERCENT, totals.share(Metric.CALLS_ANSWERED_IN_TARGET, Metric.CALLS),
                                locale)),
                new Card("wait", charts.text("insight.phone.averageWait", locale),
                        charts.cell(Column.Kind.DECIMAL, totals.mean(Metric.CALLS_ANSWERED), locale)),
                new Card("abandoned", charts.text("insight.phone.abandoned", locale),
                        charts.cell(Column.Kind.COUNT, totals.total(Metric.CALLS_ABANDONED), locale)));
        return Optional.of(new Shown(cards, charts.table(table(request, locale), locale)));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String titleKey() {
        return "insight.phone.title";
    }

    /** A row per game and day with calls. */
    @Override
    public Table table(ReportRequest request, Locale locale) {
        boolean lead = request.reader().role().leads();
        List<Column> columns = List.of(Column.text(charts.text("insight.phone.game", locale)),
                new Column(charts.text("insight.phone.day", locale), Column.Kind.DATE),
                Column.count(charts.text("insight.phone.calls", locale)),
                Column.count(charts.text("insight.phone.answered", locale)),
                Column.count(charts.text("insight.phone.inTarget", locale)),
                new Column(charts.text("insight.phone.inTargetRate", locale), Column.Kind.PERCENT),
                new Column(charts.text("insight.phone.averageWait", locale), Column.Kind.DECIMAL),
                Column.count(charts.text("insight.phone.abandoned", locale)));
        List<List<Object>> rows = new ArrayList<>();
        for (GameInfo game : games.all(request.games())) {
            Map<LocalDate, Totals> days = lead
                    ? figures.daily(Set.of(game.id()), request.from(), request.to(), Dimension.ALL, null, METRICS)
                    : figures.daily(Set.of(game.id()), request.from(), request.to(), Dimension.AGENT,
                            request.reader().id().toString(), METRICS);
            days.forEach((day, t) -> {
                if (t.total(Metric.CALLS) > 0 || t.total(Metric.CALLS_ANSWERED) > 0) {
                    rows.add(Arrays.asList(game.name(), day, t.total(Metric.CALLS), t.total(Metric.CALLS_ANSWERED),
                            t.total(Metric.CALLS_ANSWERED_IN_TARGET),
                            t.share(Metric.CALLS_ANSWERED_IN_TARGET, Metric.CALLS), t.mean(Metric.CALLS_ANSWERED),
                            t.total(Metric.CALLS_ABANDONED)));
                }
            });
        }
        return new Table(charts.text(titleKey(), locale), columns, rows);
    }
}
