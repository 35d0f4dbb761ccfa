package org.playerdesk.insight.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameProfile;
import org.playerdesk.insight.chart.Charts;
import org.playerdesk.insight.figures.Figures;
import org.playerdesk.insight.figures.Figures.Breach;
import org.playerdesk.insight.figures.TicketFacts;
import org.playerdesk.insight.report.Column;
import org.playerdesk.insight.report.ReportRequest;
import org.playerdesk.insight.report.ReportSource;
import org.playerdesk.insight.report.Table;
import org.springframework.stereotype.Component;

/**
 * The tickets created in the period with a breached service-level target, newest first, each
 * linked to its ticket: the dashboard lists the first {@value #LISTED} and says how many more
 * there are; the report {@code breaches} (for leads) holds up to {@value #EXPORTED}.
 */
@Component
class Breaches implements InsightSection, ReportSource {

    static final String NAME = "breaches";
    static final int LISTED = 20;
    static final int EXPORTED = 10_000;
    /**
     * Times as the rest of the console shows them: staff have no time zone of their own yet, so the
     * console's (the server's) zone, as {@code #temporals} writes a ticket's times.
     */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** One breach as the page lists it. */
    record Row(UUID ticketId, long number, String game, String target, Instant createdAt, String created) {
    }

    /** The breaches listed and how many more the period holds. */
    record Listed(List<Row> rows, long more) {
    }

    private final Figures figures;
    private final GameCatalog games;
    private final Charts charts;

    Breaches(Figures figures, GameCatalog games, Charts charts) {
        this.figures = figures;
        this.games = games;
        this.charts = charts;
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
        return "insight/sections/breaches";
    }

    @Override
    public Optional<Object> data(InsightScope scope, Locale locale) {
        if (!scope.lead()) {
            return Optional.empty();
        }
        Period period = scope.period();
        List<Row> rows = rows(scope.gameIds(), figures.breaches(scope.gameIds(), period.from(), period.to(), LISTED),
                locale);
        long all = rows.size() < LISTED ? rows.size() : figures.breachCount(scope.gameIds(), period.from(), period.to());
        return Optional.of(new Listed(rows, Math.max(0, all - rows.size())));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String titleKey() {
        return "insight.breaches.title";
    }

    /** For leads: an agent's breaches are part of their games', which they do not read. */
    @Override
    public Table table(ReportRequest request, Locale locale) {
        List<Column> columns = List.of(Column.count(charts.text("insight.breaches.column.number", locale)),
                Column.text(charts.text("insight.breaches.column.game", locale)),
                Column.text(charts.text("insight.breaches.column.target", locale)),
                Column.text(charts.text("insight.breaches.column.created", locale)));
        List<List<Object>> cells = new ArrayList<>();
        if (request.reader().role().leads()) {
            for (Row row : rows(request.games(),
                    figures.breaches(request.games(), request.from(), request.to(), EXPORTED), locale)) {
                cells.add(List.of(row.number(), row.game(), row.target(), row.created()));
            }
        }
        return new Table(charts.text(titleKey(), locale), columns, cells);
    }

    private List<Row> rows(java.util.Collection<UUID> gameIds, List<Breach> breaches, Locale locale) {
        // each ticket's time in its game's time zone, the one its days are counted in
        Map<UUID, GameProfile> profiles = new HashMap<>();
        for (UUID gameId : gameIds) {
            profiles.put(gameId, games.profile(gameId));
        }
        return breaches.stream().map(b -> {
            GameProfile game = profiles.get(b.gameId());
            ZoneId zone = game == null ? ZoneOffset.UTC : TicketFacts.zoneOf(game);
            return new Row(b.ticketId(), b.number(), game == null ? "" : game.name(),
                    charts.text(ServiceLevels.Target.key(b.target()), locale), b.createdAt(),
                    TIME.format(b.createdAt().atZone(zone)));
        }).toList();
    }
}
