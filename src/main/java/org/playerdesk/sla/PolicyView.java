package org.playerdesk.sla;

import java.util.Set;
import java.util.UUID;

import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketType;

/**
 * A service-level policy of a game: what it matches (null: any channel, type, priority; a minimum
 * VIP tier code, null: any player), its targets in minutes of the calendar's open time (null: no
 * such target), the warning point and what happens at warning and at breach. The first matching
 * policy in {@code position} order applies.
 */
public record PolicyView(UUID id, UUID gameId, int position, String name, TicketChannel channel, TicketType type,
        TicketPriority priority, String minTier, Integer firstResponseMinutes, Integer nextResponseMinutes,
        Integer resolutionMinutes, int warningPercent, UUID calendarId, Set<SlaAction> warningActions,
        Set<SlaAction> breachActions) {

    /** The target for this measure, in minutes, or null when the policy sets none. */
    public Integer minutesFor(SlaTarget target) {
        return switch (target) {
            case FIRST_RESPONSE -> firstResponseMinutes;
            case NEXT_RESPONSE -> nextResponseMinutes;
            case RESOLUTION -> resolutionMinutes;
        };
    }
}
