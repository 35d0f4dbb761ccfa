package org.playerdesk.insight.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.insight.report.ReportRequest;

/**
 * What the dashboard shows: to whom (a lead sees their games' figures, an agent their own), for
 * which games (only games the reader serves: all of them or the one chosen) and which period;
 * {@code today} is the day the period was chosen from, in the games' time. {@code options} are
 * the sections' own choices from the address (a breakdown's {@code by}) and the game chosen
 * ({@code game}), so a section's own form keeps the rest of the view.
 */
public record InsightScope(StaffUser reader, boolean lead, List<GameInfo> games, Period period, LocalDate today,
        Map<String, String> options) {

    public InsightScope {
        games = List.copyOf(games);
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    public InsightScope(StaffUser reader, boolean lead, List<GameInfo> games, Period period, LocalDate today) {
        this(reader, lead, games, period, today, Map.of());
    }

    public Set<UUID> gameIds() {
        return games.stream().map(GameInfo::id).collect(Collectors.toUnmodifiableSet());
    }

    /** The same scope as the shared report model asks for it. */
    public ReportRequest request() {
        return new ReportRequest(reader, gameIds(), period.from(), period.to(), options);
    }
}
