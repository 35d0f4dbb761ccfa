package org.playerdesk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Tickets created in a window of time, per game (each game's days start at its own midnight), with
 * optional statuses (empty: any), type and channel (null: any): what an export of raw tickets asks
 * for. Read in pages with {@link TicketQueries#rowsAfter}.
 */
public record TicketRange(List<Window> windows, Set<TicketStatus> statuses, TicketType type, TicketChannel channel) {

    /** One game's tickets created at or after {@code from} and before {@code before}. */
    public record Window(UUID gameId, Instant from, Instant before) {
    }

    public TicketRange {
        windows = List.copyOf(windows);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("a range of no game");
        }
    }
}
