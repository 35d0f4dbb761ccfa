package org.playerdesk.insight.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameProfile;
import org.playerdesk.insight.chart.Chart;
import org.playerdesk.insight.chart.ChartView;
import org.playerdesk.insight.chart.Charts;
import org.playerdesk.insight.chart.Series;
import org.playerdesk.insight.figures.Dimension;
import org.playerdesk.insight.figures.Figures;
import org.playerdesk.insight.figures.Figures.Slice;
import org.playerdesk.insight.figures.Metric;
import org.playerdesk.insight.report.Column;
import org.playerdesk.insight.report.ReportRequest;
import org.playerdesk.insight.report.ReportSource;
import org.playerdesk.insight.report.Table;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.InvalidInput.FieldError;
import org.springframework.stereotype.Component;

/**
 * The period's figures broken down by one {@link Breakdown} ({@code by=} in the address; by game
 * when absent): a bar chart of tickets created and resolved per value, and a table with created,
 * resolved, agent replies, first response and resolution times (median, p90) and service-level
 * targets met and breached per value. Values are worded ({@link FigureWords}), never codes. For
 * leads only. Report {@code breakdown} (option {@code by}): the table.
 */
@Component
class FigureBreakdown implements InsightSection, ReportSource {

    static final Breakdown DEFAULT = Breakdown.GAME;

    private final Figures figures;
    private final FigureWords words;
    private final Charts charts;
    private final GameCatalog games;
    private final Clock clock;

    FigureBreakdown(Figures figures, FigureWords words, Charts charts, GameCatalog games, Clock clock) {
        this.figures = figures;
        this.words = words;
        this.charts = charts;
        this.games = games;
        this.clock = clock;
    }

    @Override
    public Region region() {
        return Region.BREAKDOWNS;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public String template() {
        return "insight/sections/breakdown";
    }

    @Override
    public String name() {
        return "breakdown";
    }

    @Override
    public String titleKey() {
        return "insight.breakdown.title";
    }

    /** A dimension of the picker: its code and its label. */
    record Choice(String code, String label) {
    }

    /**
     * The section as the page shows it: the picker (its choices, the one chosen, whether what the
     * address asked was not one, and the rest of the view's query to keep), the chart and the table.
     */
    record View(List<Choice> choices, String chosen, boolean unknownChoice, Map<String, String> keep, ChartView chart,
            org.playerdesk.insight.chart.TableView table) {
    }

    @Override
    public Optional<Object> data(InsightScope scope, Locale locale) {
        if (!scope.lead()) {
            return Optional.empty();
        }
        Asked asked = Asked.of(scope);
        String typed = asked.option("by");
        Optional<Breakdown> by = typed == null ? Optional.of(DEFAULT) : Breakdown.of(typed);
        Breakdown chosen = by.orElse(DEFAULT);
        Table table = table(asked, chosen, locale);
        Map<String, String> keep = new LinkedHashMap<>(scope.period().query());
        if (asked.option("game") != null) {
            keep.put("game", asked.option("game"));
        }
        List<Choice> choices = Arrays.stream(Breakdown.values())
                .map(b -> new Choice(b.code(), words.text(b.labelKey(), locale))).toList();
        return Optional.of(new View(choices, chosen.code(), by.isEmpty(), keep,
                charts.view(chart(table, chosen, locale), locale), charts.table(table, locale)));
    }

    @Override
    public Table table(ReportRequest request, Locale locale) {
        Asked asked = Asked.of(request, games, clock);
        String typed = asked.option("by");
        Breakdown by = typed == null ? DEFAULT : Breakdown.of(typed).orElseThrow(
                () -> new InvalidInput(List.of(new FieldError("by", "invalid.insight.breakdown.by"))));
        if (!asked.lead()) {
            // the breakdowns are the department's figures: an agent's export holds none of them
            return new Table(words.text(titleKey(), locale), columns(by, locale), List.of());
        }
        return table(asked, by, locale);
    }

    private Table table(Asked asked, Breakdown by, Locale locale) {
        Period period = asked.period();
        List<List<Object>> rows = new ArrayList<>();
        if (by == Breakdown.GAME) {
            List<GameProfile> chosen = asked.games().stream().map(games::profile)
                    .sorted(Comparator.comparing(GameProfile::name)).toList();
            for (GameProfile game : chosen) {
                List<Slice> whole = figures.breakdown(Set.of(game.id()), period.from(), period.to(), Dimension.ALL);
                rows.add(row(game.name(), whole.isEmpty() ? null : whole.get(0)));
            }
        } else {
            List<Slice> slices = figures.breakdown(asked.games(), period.from(), period.to(), by.dimension);
            Map<String, String> named = words.words(by.dimension, slices.stream().map(Slice::value).toList(), locale);
            for (Slice slice : slices) {
                rows.add(row(named.get(slice.value()), slice));
            }
        }
        return new Table(words.text("insight.breakdown.tableTitle", locale, words.text(by.labelKey(), locale)),
                columns(by, locale), rows);
    }

    private List<Column> columns(Breakdown by, Locale locale) {
        return List.of(Column.text(words.text(by.labelKey(), locale)),
                Column.count(words.text("insight.figure.created", locale)),
                Column.count(words.text("insight.figure.resolved", locale)),
                Column.count(words.text("insight.figure.agent-replies", locale)),
                new Column(words.text("insight.figure.first-response-median", locale), Column.Kind.DURATION),
                new Column(words.text("insight.figure.first-response-p90", locale), Column.Kind.DURATION),
                new Column(words.text("insight.figure.resolution-median", locale), Column.Kind.DURATION),
                new Column(words.text("insight.figure.resolution-p90", locale), Column.Kind.DURATION),
                Column.count(words.text("insight.figure.sla-met", locale)),
                Column.count(words.text("insight.figure.sla-breached", locale)));
    }

    private static List<Object> row(String label, Slice slice) {
        if (slice == null) {
            return Arrays.asList(label, 0L, 0L, 0L, null, null, null, null, 0L, 0L);
        }
        var totals = slice.totals();
        long met = totals.total(Metric.SLA_FIRST_RESPONSE_MET) + totals.total(Metric.SLA_NEXT_RESPONSE_MET)
                + totals.total(Metric.SLA_RESOLUTION_MET);
        long breached = totals.total(Metric.SLA_FIRST_RESPONSE_BREACHED)
                + totals.total(Metric.SLA_NEXT_RESPONSE_BREACHED) + totals.total(Metric.SLA_RESOLUTION_BREACHED);
        return Arrays.asList(label, totals.total(Metric.CREATED), totals.total(Metric.RESOLVED),
                totals.total(Metric.AGENT_REPLIES), slice.firstResponse().median(), slice.firstResponse().p90(),
                slice.resolution().median(), slice.resolution().p90(), met, breached);
    }

    /** Created and resolved per value, as bars; the values in the table's order. */
    private Chart chart(Table table, Breakdown by, Locale locale) {
        List<String> categories = table.rows().stream().map(row -> (String) row.get(0)).toList();
        List<Number> created = table.rows().stream().map(row -> (Number) row.get(1)).toList();
        List<Number> resolved = table.rows().stream().map(row -> (Number) row.get(2)).toList();
        return Chart.bar("breakdown", table.title(), words.text(by.labelKey(), locale),
                words.text("insight.axis.tickets", locale),
                categories, List.of(Series.of(words.text("insight.figure.created", locale), created),
                        Series.of(words.text("insight.figure.resolved", locale), resolved)));
    }
}
