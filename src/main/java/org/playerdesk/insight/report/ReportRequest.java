package org.playerdesk.insight.report;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.StaffUser;

/**
 * What a report is asked for: by whom (which decides what they may see), for which of their games
 * (never one they do not serve) and which days, from {@code from} to {@code to}, both included,
 * in each game's own time zone. {@code options} are a report's own choices from the address, such
 * as a breakdown's dimension ({@code by=channel}); most reports have none.
 */
public record ReportRequest(StaffUser reader, Set<UUID> games, LocalDate from, LocalDate to,
        Map<String, String> options) {

    public ReportRequest {
        games = Set.copyOf(games);
        options = options == null ? Map.of() : Map.copyOf(options);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a period ending before it starts");
        }
    }

    public ReportRequest(StaffUser reader, Set<UUID> games, LocalDate from, LocalDate to) {
        this(reader, games, from, to, Map.of());
    }

    /** One of the report's own choices, or null when the address does not make it. */
    public String option(String name) {
        String value = options.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
