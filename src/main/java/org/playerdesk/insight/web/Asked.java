package org.playerdesk.insight.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.insight.report.ReportRequest;

/**
 * What a section is asked for, whether by the dashboard ({@link InsightScope}) or by an export or
 * a subscription ({@link ReportRequest}): the same figures either way. A lead (supervisor,
 * administrator) reads their games' figures; anyone else their own ({@link #agent()}).
 */
record Asked(StaffUser reader, boolean lead, Set<UUID> games, Period period, LocalDate today,
        Map<String, String> options) {

    static Asked of(InsightScope scope) {
        return new Asked(scope.reader(), scope.lead(), scope.gameIds(), scope.period(), scope.today(),
                scope.options());
    }

    static Asked of(ReportRequest request, GameCatalog catalog, Clock clock) {
        Set<UUID> served = request.games().stream().filter(request.reader()::serves)
                .collect(Collectors.toUnmodifiableSet());
        return new Asked(request.reader(), request.reader().role().leads(), served,
                Period.of(request.from(), request.to()), today(catalog, served, clock), request.options());
    }

    /** The reader's staff id as the figures keep an agent ({@link org.playerdesk.insight.figures.Dimension#AGENT}). */
    String agent() {
        return reader.id().toString();
    }

    String option(String name) {
        String value = options.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * Today in these games' time zone: the figures count each game's own days. Games of several
     * zones take the zone most of them share (UTC when there is no game).
     */
    static LocalDate today(GameCatalog catalog, Collection<UUID> games, Clock clock) {
        ZoneId zone = games.stream().map(id -> catalog.profile(id).timeZone())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())).entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                        Comparator.reverseOrder())))
                .map(e -> zone(e.getKey())).orElse(ZoneOffset.UTC);
        return LocalDate.now(clock.withZone(zone));
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException badZone) {
            return ZoneOffset.UTC;
        }
    }
}
