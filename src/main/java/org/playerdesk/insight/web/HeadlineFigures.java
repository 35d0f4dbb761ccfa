package org.playerdesk.insight.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.insight.chart.Charts;
import org.playerdesk.insight.figures.Dimension;
import org.playerdesk.insight.figures.Figures;
import org.playerdesk.insight.figures.Figures.Spread;
import org.playerdesk.insight.figures.Figures.Totals;
import org.playerdesk.insight.figures.Metric;
import org.playerdesk.insight.report.Column;
import org.playerdesk.insight.report.ReportRequest;
import org.playerdesk.insight.report.ReportSource;
import org.playerdesk.insight.report.Table;
import org.springframework.stereotype.Component;

/**
 * The dashboard's first cards, each beside the previous period's figure and the change: for a
 * lead, their games' tickets created, agent replies, resolved, first response and resolution times
 * (median and p90, business time), first-contact resolution and reopen rates, satisfaction,
 * deflections and live-chat waits; for an agent, their own replies, first responses, resolutions,
 * times, rates and satisfaction. Report {@code headline}: the same figures, a column each, a row
 * for each period.
 */
@Component
class HeadlineFigures implements InsightSection, ReportSource {

    /** What one period's figures are read from: its totals and the spreads of its times. */
    record Read(Totals totals, Spread firstResponse, Spread resolution, Spread chatWait) {
    }

    /** One figure: its name (for {@code card-<name>}), its label's key, how it is shown and how it is read. */
    record Figure(String name, Column.Kind kind, Function<Read, Number> value) {

        String labelKey() {
            return "insight.figure." + name;
        }
    }

    /** The times and the quality figures, the same for a lead and for an agent's own. */
    private static final List<Figure> TIMES_AND_QUALITY = List.of(
            time("first-response-median", r -> r.firstResponse().median()),
            time("first-response-p90", r -> r.firstResponse().p90()),
            time("resolution-median", r -> r.resolution().median()),
            time("resolution-p90", r -> r.resolution().p90()),
            share("fcr", Metric.FIRST_CONTACT_RESOLVED, Metric.RESOLVED),
            share("reopen", Metric.REOPENED, Metric.RESOLVED),
            new Figure("csat-mean", Column.Kind.DECIMAL, r -> r.totals().mean(Metric.CSAT)),
            share("csat-satisfied", Metric.CSAT_SATISFIED, Metric.CSAT));

    static final List<Figure> LEAD = join(List.of(
            count("created", Metric.CREATED), count("agent-replies", Metric.AGENT_REPLIES),
            count("resolved", Metric.RESOLVED)), TIMES_AND_QUALITY, List.of(
            count("help-deflected", Metric.HELP_DEFLECTED), count("bot-deflected", Metric.BOT_DEFLECTED),
            time("chat-wait-median", r -> r.chatWait().median()), time("chat-wait-p90", r -> r.chatWait().p90()),
            share("chats-abandoned", Metric.CHATS_ABANDONED, Metric.CHATS)));

    /** An agent's own: what the figures keep for an agent (replies written, first responses given, tickets resolved as assignee). */
    static final List<Figure> AGENT = join(List.of(
            count("agent-replies", Metric.AGENT_REPLIES), count("first-responded", Metric.FIRST_RESPONDED),
            count("resolved", Metric.RESOLVED)), TIMES_AND_QUALITY, List.of());

    @SafeVarargs
    private static List<Figure> join(List<Figure>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
    }

    private static Figure count(String name, Metric metric) {
        return new Figure(name, Column.Kind.COUNT, r -> r.totals().total(metric));
    }

    private static Figure time(String name, Function<Read, Long> seconds) {
        return new Figure(name, Column.Kind.DURATION, seconds::apply);
    }

    private static Figure share(String name, Metric part, Metric whole) {
        return new Figure(name, Column.Kind.PERCENT, r -> r.totals().share(part, whole));
    }

    /** One card as the page shows it, every figure already written the reader's way. */
    record Card(String name, String label, String value, String previous, String change) {
    }

    private final Figures figures;
    private final Charts charts;
    private final GameCatalog games;
    private final Clock clock;

    HeadlineFigures(Figures figures, Charts charts, GameCatalog games, Clock clock) {
        this.figures = figures;
        this.charts = charts;
        this.games = games;
        this.clock = clock;
    }

    @Override
    public Region region() {
        return Region.HEADLINE;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public String template() {
        return "insight/sections/headline";
    }

    @Override
    public String name() {
        return "headline";
    }

    @Override
    public String titleKey() {
        return "insight.headline.title";
    }

    @Override
    public Optional<Object> data(InsightScope scope, Locale locale) {
        Asked asked = Asked.of(scope);
        List<Figure> shown = asked.lead() ? LEAD : AGENT;
        Read now = read(asked, asked.period());
        Read before = read(asked, asked.period().previous());
        List<Card> cards = new ArrayList<>();
        for (Figure figure : shown) {
            Number value = figure.value().apply(now);
            Number previous = figure.value().apply(before);
            cards.add(new Card(figure.name(), charts.text(figure.labelKey(), locale),
                    charts.cell(figure.kind(), value, locale), charts.cell(figure.kind(), previous, locale),
                    change(figure.kind(), value, previous, locale)));
        }
        return Optional.of(cards);
    }

    @Override
    public Table table(ReportRequest request, Locale locale) {
        Asked asked = Asked.of(request, games, clock);
        List<Figure> shown = asked.lead() ? LEAD : AGENT;
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text(charts.text("insight.headline.period", locale)));
        shown.forEach(figure -> columns.add(new Column(charts.text(figure.labelKey(), locale), figure.kind())));
        List<List<Object>> rows = new ArrayList<>();
        Period period = asked.period();
        for (Period one : List.of(period, period.previous())) {
            Read read = read(asked, one);
            List<Object> row = new ArrayList<>();
            row.add(charts.text(one == period ? "insight.headline.thisPeriod" : "insight.headline.previousPeriod",
                    locale, one.from().toString(), one.to().toString()));
            shown.forEach(figure -> row.add(figure.value().apply(read)));
            rows.add(row);
        }
        return new Table(charts.text(titleKey(), locale), columns, rows);
    }

    /** The period's figures: of the games as a whole for a lead, of the reader alone for an agent. */
    Read read(Asked asked, Period period) {
        Set<UUID> scope = asked.games();
        Dimension dimension = asked.lead() ? Dimension.ALL : Dimension.AGENT;
        String value = asked.lead() ? null : asked.agent();
        Totals totals = figures.totals(scope, period.from(), period.to(), dimension, value);
        // the chat's waits are the department's: an agent's own card has none
        List<String> measures = asked.lead() ? List.of(Figures.FIRST_RESPONSE, Figures.RESOLUTION, Figures.CHAT_WAIT)
                : List.of(Figures.FIRST_RESPONSE, Figures.RESOLUTION);
        Map<String, Spread> spreads = figures.spreads(scope, period.from(), period.to(), dimension, value, measures);
        Spread first = spreads.get(Figures.FIRST_RESPONSE);
        Spread resolution = spreads.get(Figures.RESOLUTION);
        Spread chatWait = spreads.getOrDefault(Figures.CHAT_WAIT, new Spread(null, null, 0));
        return new Read(totals, first, resolution, chatWait);
    }

    /**
     * The change against the previous period: in percent of the previous figure for counts, times
     * and scores, in percentage points for shares; none when either figure is missing or the
     * previous one is zero.
     */
    String change(Column.Kind kind, Number value, Number previous, Locale locale) {
        if (value == null || previous == null) {
            return null;
        }
        if (kind == Column.Kind.PERCENT) {
            double points = (value.doubleValue() - previous.doubleValue()) * 100;
            return charts.text("insight.change.points", locale, signed(Math.round(points * 10) / 10.0));
        }
        if (previous.doubleValue() == 0) {
            return null;
        }
        long percent = Math.round((value.doubleValue() - previous.doubleValue()) * 100 / previous.doubleValue());
        return charts.text("insight.change.percent", locale, signed(percent));
    }

    private static String signed(Number number) {
        String text = number instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue())
                : number.toString();
        return number.doubleValue() > 0 ? "+" + text : text;
    }
}
