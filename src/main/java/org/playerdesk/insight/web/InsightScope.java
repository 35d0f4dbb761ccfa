package org.playerdesk.insight.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.insight.report.ReportRequest;

/**
 * What the dashboard shows: to whom (a lead sees their games' figures, an agent their own), for
 * which games (only games the reader serves: all of them or the one chosen) and which period;
 * {@code today} is the day the period was chosen from, in the games' time.
 */
public record InsightScope(StaffUser reader, boolean lead, List<GameInfo> games, Period period, LocalDate today) {

    public InsightScope {
        games = List.copyOf(games);
    }

    public Set<UUID> gameIds() {
        return games.stream().map(GameInfo::id).collect(Collectors.toUnmodifiableSet());
    }

    /** The same scope as the shared report model asks for it. */
    public ReportRequest request() {
        return new ReportRequest(reader, gameIds(), period.from(), period.to());
    }
}
