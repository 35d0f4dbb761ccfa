package org.playerdesk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A ticket as one line of an export: its head, the language the player wrote in (from its
 * metadata, when the game sent one), its tags and the contact email it was opened with. Rows
 * come oldest first, by {@code createdAt} and then {@code id}, so that the last row of a page is
 * where the next page starts.
 */
public record TicketRow(UUID id, UUID gameId, long number, Instant createdAt, TicketStatus status, TicketType type,
        TicketChannel channel, TicketPriority priority, String language, UUID playerId, String contactEmail,
        UUID assigneeId, Instant firstResponseAt, Instant resolvedAt, List<String> tags, String subject) {
}
