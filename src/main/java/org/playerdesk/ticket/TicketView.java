package org.playerdesk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A ticket's head: what an inbox row or an API answer shows. {@code slaDueAt} and {@code slaState}
 * are the next service-level deadline and how it stands (both null when no target runs);
 * {@code level} is the support level now holding the ticket.
 */
public record TicketView(UUID id, UUID gameId, long number, UUID playerId, String subject, TicketType type,
        TicketChannel channel, TicketPriority priority, TicketStatus status, UUID assigneeId, List<String> tags,
        Instant createdAt, Instant updatedAt, Instant firstResponseAt, Instant resolvedAt, Instant slaDueAt,
        SlaState slaState, SupportLevel level) {
}
