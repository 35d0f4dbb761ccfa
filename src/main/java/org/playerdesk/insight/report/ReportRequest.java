package org.playerdesk.insight.report;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.StaffUser;

/**
 * What a report is asked for: by whom (which decides what they may see), for which of their games
 * (never one they do not serve) and which days, from {@code from} to {@code to}, both included,
 * in each game's own time zone.
 */
public record ReportRequest(StaffUser reader, Set<UUID> games, LocalDate from, LocalDate to) {

    public ReportRequest {
        games = Set.copyOf(games);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a period ending before it starts");
        }
    }
}
