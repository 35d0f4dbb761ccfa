package org.playerdesk.ticket;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * What an inbox asks for. Null or empty means "any". {@code gameScope} limits the search to the
 * games the reader serves (null: all games); {@code playerIds} comes from a search by player
 * account; {@code words} matches the subject, and more through {@link TicketTextSearch} when present.
 */
public record TicketFilter(Set<UUID> gameScope, UUID gameId, Set<TicketStatus> statuses, TicketType type,
        TicketPriority priority, TicketChannel channel, UUID assigneeId, boolean unassigned, Long number,
        Collection<UUID> playerIds, String words, Order order) {

    /** {@code DUE}: the nearest service-level deadline first, tickets without one last. */
    public enum Order {
        OLDEST, NEWEST, PRIORITY, UPDATED, DUE
    }
}
